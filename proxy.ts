import { NextResponse, type NextRequest } from 'next/server';
import { lookupRedirect } from '@/db/queries/redirects';

const ARCHIVE = /^\/(chuyen-muc|the|tac-gia)\/([a-z0-9-]+)\/?$/;
const ARTICLE = /^\/bai-viet\/([a-z0-9-]+)$/;

/**
 * Early, cheap routing only — never authorisation (every dashboard page, action and query
 * checks the session itself):
 * - `?trang=N` on section, tag and author pages is rewritten to `/…/trang/N`, a static route;
 * - a renamed article, section or tag answers 301 at its former address;
 * - the dashboard without a session cookie redirects to /login.
 */
export async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;

  if (pathname === '/dashboard' || pathname.startsWith('/dashboard/')) {
    // A convenience redirect only; every dashboard page and action checks the session itself.
    const hasSession = request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
    if (!hasSession) {
      const url = request.nextUrl.clone();
      url.pathname = '/login';
      url.search = `?next=${encodeURIComponent(pathname)}`;
      return NextResponse.redirect(url);
    }
    return NextResponse.next();
  }

  const archive = ARCHIVE.exec(pathname);
  if (archive && (archive[1] === 'chuyen-muc' || archive[1] === 'the')) {
    const target = await lookupRedirect(`/${archive[1]}/${archive[2]}`);
    if (target) {
      const url = request.nextUrl.clone();
      url.pathname = target;
      return NextResponse.redirect(url, 301);
    }
  }
  if (archive) {
    const page = searchParams.get('trang');
    if (page && /^[0-9]{1,5}$/.test(page) && Number(page) > 1) {
      const url = request.nextUrl.clone();
      url.pathname = `/${archive[1]}/${archive[2]}/trang/${Number(page)}`;
      url.searchParams.delete('trang');
      return NextResponse.rewrite(url);
    }
    return NextResponse.next();
  }

  const article = ARTICLE.exec(pathname);
  if (article?.[1]) {
    const target = await lookupRedirect(`/bai-viet/${article[1]}`);
    if (target) {
      const url = request.nextUrl.clone();
      url.pathname = target;
      return NextResponse.redirect(url, 301);
    }
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/bai-viet/:slug', '/chuyen-muc/:slug', '/the/:slug', '/tac-gia/:slug', '/dashboard', '/dashboard/:path*'],
};
