import { NextResponse } from 'next/server';
import { sql } from '@/db';
import { createCaptchaChallenge } from '@/db/writes/comments';
import { CAPTCHA_COOKIE, CAPTCHA_TTL_MINUTES, createCaptcha, hashCaptchaAnswer } from '@/lib/captcha';

export const dynamic = 'force-dynamic';

/**
 * A fresh security code as an image. The challenge id travels in an HttpOnly cookie, so the
 * comment form works in a static page and without JavaScript.
 */
export async function GET(): Promise<Response> {
  const { answer, svg } = createCaptcha();
  let id: string;
  try {
    id = await createCaptchaChallenge(hashCaptchaAnswer(answer, process.env.AUTH_SECRET ?? ''));
  } catch {
    return new NextResponse('Tạm thời không tạo được mã xác nhận.', { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
  // Housekeeping now and then: expired challenges are useless.
  if (Math.random() < 0.02) void sql`delete from captcha_challenges where expires_at < now() - interval '1 day'`.catch(() => {});
  const response = new NextResponse(svg, {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'no-store, max-age=0' },
  });
  response.cookies.set(CAPTCHA_COOKIE, id, {
    httpOnly: true,
    sameSite: 'lax',
    secure: process.env.SITE_URL?.startsWith('https://') ?? false,
    path: '/',
    maxAge: CAPTCHA_TTL_MINUTES * 60,
  });
  return response;
}
