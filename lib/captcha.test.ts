import { describe, expect, it } from 'vitest';
import { createCaptcha, hashCaptchaAnswer } from './captcha';

describe('captcha', () => {
  it('draws the code as paths: the answer appears nowhere in the SVG', () => {
    for (let i = 0; i < 20; i++) {
      const { answer, svg } = createCaptcha();
      expect(answer).toMatch(/^[A-Za-z2-9]{5}$/);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).not.toContain('<text');
      expect(svg.toLowerCase()).not.toContain(answer.toLowerCase());
    }
  });

  it('hashes answers case-insensitively and per secret', () => {
    expect(hashCaptchaAnswer('aBc12', 's')).toBe(hashCaptchaAnswer(' ABC12 ', 's'));
    expect(hashCaptchaAnswer('abc12', 's')).not.toBe(hashCaptchaAnswer('abc12', 't'));
  });
});
