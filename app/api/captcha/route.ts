import { NextResponse } from 'next/server';
import { sql } from '@/db';
import { createCaptchaChallenge } from '@/db/writes/comments';
import { pruneViewsAndLimits } from '@/db/writes/views';
import { addressHash } from '@/lib/address-hash';
import { CAPTCHA_COOKIE, CAPTCHA_TTL_MINUTES, TOO_MANY_CAPTCHAS, createCaptcha, hashCaptchaAnswer } from '@/lib/captcha';
import { clientIp } from '@/lib/client-ip';

export const dynamic = 'force-dynamic';

const NO_STORE = 'no-store, max-age=0';

/**
 * A fresh security code as an image. The challenge id travels in an HttpOnly cookie, so the
 * comment form works in a static page and without JavaScript. Each code is a row: an address
 * gets a few dozen per window (a person renewing a hard code needs a handful), then 429.
 */
export async function GET(request: Request): Promise<Response> {
  const { answer, svg } = createCaptcha();
  const secret = process.env.AUTH_SECRET ?? '';
  let challenge: Awaited<ReturnType<typeof createCaptchaChallenge>>;
  try {
    challenge = await createCaptchaChallenge(hashCaptchaAnswer(answer, secret), addressHash(clientIp(request.headers), secret));
  } catch {
    return new NextResponse('Tạm thời không tạo được mã xác nhận.', { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
  if ('limited' in challenge) {
    return new NextResponse(TOO_MANY_CAPTCHAS, {
      status: 429,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': NO_STORE, 'Retry-After': String(challenge.retryAfterSeconds) },
    });
  }
  // Housekeeping now and then: expired challenges and old limit hits are useless.
  if (Math.random() < 0.02) {
    void sql`delete from captcha_challenges where expires_at < now() - interval '1 day'`.catch(() => {});
    void pruneViewsAndLimits().catch(() => {});
  }
  const response = new NextResponse(svg, {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': NO_STORE },
  });
  response.cookies.set(CAPTCHA_COOKIE, challenge.id, {
    httpOnly: true,
    sameSite: 'lax',
    secure: process.env.SITE_URL?.startsWith('https://') ?? false,
    path: '/',
    maxAge: CAPTCHA_TTL_MINUTES * 60,
  });
  return response;
}
