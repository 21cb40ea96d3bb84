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

export const config = { matcher: ['/dashboard', '/dashboard/:path*'] };
