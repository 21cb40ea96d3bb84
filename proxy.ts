import { NextResponse, type NextRequest } from 'next/server';
import { lookupRedirect } from '@/db/queries/redirects';
import { routePublic } from '@/lib/public-routing';

/**
 * Early, cheap routing only — never authorisation (every dashboard page, action and query
 * checks the session itself):
 * - the dashboard without a session cookie redirects to /login;
 * - under `next dev` only, public addresses: a renamed article, section or tag answers 301
 *   at its former address, and `?trang=N` on archives is rewritten to the static route
 *   `/…/trang/N`. `npm start` does both in front of Next and marks the request
 *   (lib/public-routing.ts), so the matchers below skip it: invoking the proxy cost a cached
 *   article page a third of its throughput.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;

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

  const route = await routePublic(pathname, search, lookupRedirect);
  if (route && 'redirect' in route) return NextResponse.redirect(new URL(route.redirect, request.nextUrl), 301);
  if (route && 'rewrite' in route) return NextResponse.rewrite(new URL(route.rewrite, request.nextUrl));
  return NextResponse.next();
}

// Public addresses only when nothing routed them before (`next dev`): `npm start` sets
// ROUTED_HEADER (lib/public-routing.ts). Literals throughout: Next reads this statically.
export const config = {
  matcher: [
    { source: '/bai-viet/:slug', missing: [{ type: 'header', key: 'x-newsroom-routed' }] },
    { source: '/chuyen-muc/:slug', missing: [{ type: 'header', key: 'x-newsroom-routed' }] },
    { source: '/chuyen-muc/:slug/trang/:page', missing: [{ type: 'header', key: 'x-newsroom-routed' }] },
    { source: '/the/:slug', missing: [{ type: 'header', key: 'x-newsroom-routed' }] },
    { source: '/the/:slug/trang/:page', missing: [{ type: 'header', key: 'x-newsroom-routed' }] },
    { source: '/tac-gia/:slug', missing: [{ type: 'header', key: 'x-newsroom-routed' }] },
    '/dashboard',
    '/dashboard/:path*',
  ],
};
