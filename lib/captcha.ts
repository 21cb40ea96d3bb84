// Security codes for the comment form: text drawn as distorted SVG paths (svg-captcha), so
// the code is in no text node, attribute or alt; only a hash of the answer is stored.
import { createHmac } from 'node:crypto';
import svgCaptcha from 'svg-captcha';

export const CAPTCHA_COOKIE = 'newsroom_captcha';
export const CAPTCHA_TTL_MINUTES = 10;
/** What an address over its limit of security codes is told (the comment form shows it too). */
export const TOO_MANY_CAPTCHAS = 'Bạn đã lấy quá nhiều mã xác nhận trong ít phút. Vui lòng đợi vài phút rồi bấm “Lấy lại mã bảo mật”.';

/** A new code and its image. The alphabet leaves out look-alikes (0/O, 1/l/I). */
export function createCaptcha(): { answer: string; svg: string } {
  const { text, data } = svgCaptcha.create({
    size: 5,
    noise: 3,
    color: false,
    ignoreChars: '0oO1iIlL',
    background: '#f6f3ee',
    width: 160,
    height: 56,
    fontSize: 56,
  });
  return { answer: text, svg: data };
}

/** Hash of an answer, case-insensitive, keyed so a leaked table reveals nothing. */
export function hashCaptchaAnswer(answer: string, secret: string): string {
  return createHmac('sha256', secret).update(answer.trim().toUpperCase()).digest('hex');
}
