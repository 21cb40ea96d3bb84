import { NextResponse, type NextRequest } from 'next/server';

/**
 * The dashboard without a session cookie redirects to /login: a convenience only, never
 * authorisation (every dashboard page, action and query checks the session itself). Public
 * addresses never reach the proxy (lib/public-routing.mjs says why and where they are routed).
 */
export function proxy(request: NextRequest) {
  const hasSession = request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/login';
  url.search = `?next=${encodeURIComponent(request.nextUrl.pathname)}`;
  return NextResponse.redirect(url);
}

// Not the document upload route (POST /dashboard/van-ban/tep): a body passing through the proxy
// is copied in memory and cut at `proxyClientMaxBodySize` (11 MB), and a document file may be
// 20 MB. That route checks the session itself, as every dashboard route does.
export const config = { matcher: ['/dashboard', '/dashboard/((?!van-ban/tep$).*)'] };
