import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RetentionSettingsSchema } from './privacy-retention';

const parse = (phoneMonths: unknown, rejectedDays: unknown) => RetentionSettingsSchema.safeParse({ phoneMonths, rejectedDays });
const errors = (phoneMonths: unknown, rejectedDays: unknown) => {
  const result = parse(phoneMonths, rejectedDays);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
};

describe('RetentionSettingsSchema', () => {
  it('takes whole numbers within 1–120 months and 1–365 days, spaces trimmed', () => {
    expect(parse('12', '30')).toEqual({ success: true, data: { phoneMonths: 12, rejectedDays: 30 } });
    expect(parse(' 1 ', '365')).toEqual({ success: true, data: { phoneMonths: 1, rejectedDays: 365 } });
    expect(parse('120', '1')).toEqual({ success: true, data: { phoneMonths: 120, rejectedDays: 1 } });
  });

  it('refuses anything else with a Vietnamese message for the field concerned', () => {
    const months = 'Nhập số tháng là số nguyên từ 1 đến 120.';
    const days = 'Nhập số ngày là số nguyên từ 1 đến 365.';
    for (const bad of ['0', '-1', '1.5', '1e2', 'mười hai', '', '9999999', '0x10', '١٢']) {
      expect(errors(bad, '30'), bad).toEqual({ phoneMonths: [months] });
      expect(errors('12', bad), bad).toEqual({ rejectedDays: [days] });
    }
    expect(errors('121', '366')).toEqual({ phoneMonths: [months], rejectedDays: [days] });
    expect(errors(undefined, undefined)).toEqual({ phoneMonths: [months], rejectedDays: [days] });
    expect(errors(['12'], 30)).toEqual({ phoneMonths: [months], rejectedDays: [days] });
  });
});
