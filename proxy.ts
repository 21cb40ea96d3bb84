import { NextResponse, type NextRequest } from 'next/server';
import { lookupRedirect } from '@/db/queries/redirects';
import { archivePageRoute } from '@/lib/archive-pages';

const ARCHIVE = /^\/(chuyen-muc|the|tac-gia)\/([a-z0-9-]+)(\/trang\/\d+)?\/?$/;
const ARTICLE = /^\/bai-viet\/([a-z0-9-]+)$/;

/**
 * Early, cheap routing only — never authorisation (every dashboard page, action and query
 * checks the session itself):
 * - `?trang=N` on section, tag and author pages is rewritten to `/…/trang/N`, a static route
 *   (under `next dev`; `npm start` does it before Next, where a rewrite costs nothing);
 * - a renamed article, section or tag answers 301 at its former address;
 * - the dashboard without a session cookie redirects to /login.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;

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
      // Page N of a renamed archive goes to the new address's `?trang=N`.
      const url = request.nextUrl.clone();
      url.pathname = target;
      const page = archive[3]?.slice('/trang/'.length);
      if (page) url.searchParams.set('trang', page);
      return NextResponse.redirect(url, 301);
    }
  }
  if (archive) {
    // `npm start` already maps `?trang=N` to the static route before Next sees the request
    // (scripts/start.ts); this covers `next dev`.
    const route = archive[3] ? null : archivePageRoute(`${pathname}${request.nextUrl.search}`);
    if (route) return NextResponse.rewrite(new URL(route, request.nextUrl));
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
  matcher: [
    '/bai-viet/:slug',
    '/chuyen-muc/:slug',
    '/chuyen-muc/:slug/trang/:page',
    '/the/:slug',
    '/the/:slug/trang/:page',
    '/tac-gia/:slug',
    '/dashboard',
    '/dashboard/:path*',
  ],
};
