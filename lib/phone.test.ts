import { describe, expect, it } from 'vitest';
import { normalizeVietnamesePhone } from './phone';

describe('normalizeVietnamesePhone', () => {
  it.each([
    ['0912 345 678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['0084-912-345-678', '0912345678'],
    ['84912345678', '0912345678'],
    ['(028) 3822 1234', '02838221234'],
    ['0389.123.456', '0389123456'],
  ])('accepts %s', (input, expected) => expect(normalizeVietnamesePhone(input)).toBe(expected));

  it.each(['12345', '0123456789', '091234567', '09123456789', '+1 202 555 0100', 'abc', '0212345678'])('refuses %s', (input) =>
    expect(normalizeVietnamesePhone(input)).toBeNull(),
  );
});
