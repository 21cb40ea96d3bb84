import { describe, expect, it } from 'vitest';
import { isCommonPassword, passwordSchema } from './password-policy';

describe('passwordSchema', () => {
  it('accepts a long, uncommon passphrase with no composition rules', () => {
    expect(passwordSchema.safeParse('mưa rơi trên phố cổ').success).toBe(true);
  });

  it.each([
    ['1234567', 'ít nhất 8'],
    ['x'.repeat(129), '128'],
    ['password123', 'phổ biến'],
    ['MatKhau123', 'phổ biến'],
  ])('refuses %s', (password, message) => {
    const result = passwordSchema.safeParse(password);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });

  it('knows the common lists', () => {
    expect(isCommonPassword('12345678')).toBe(true);
    expect(isCommonPassword('một câu dài khó đoán')).toBe(false);
  });
});
