import { describe, expect, it } from 'vitest';
import { documentState, formatCalendarDate, formatFileSize, isCalendarDate, looksLikeNumber, numberKey, vietnamToday } from '@/lib/documents';

describe('numberKey', () => {
  it('folds the ways a reader types a number and symbol into one key', () => {
    for (const typed of ['67/KH-UBND', '67 kh ubnd', '67/kh-ubnd', ' 67-KH/UBND ', '67/KH–UBND']) expect(numberKey(typed)).toBe('67khubnd');
    expect(numberKey('12/2025/NĐ-CP')).toBe('122025ndcp');
    expect(numberKey('12/2025/ND-CP')).toBe('122025ndcp');
  });
  it('tells a number from words', () => {
    expect(looksLikeNumber('67/KH-UBND')).toBe(true);
    expect(looksLikeNumber('67 kh ubnd')).toBe(true);
    expect(looksLikeNumber('người khuyết tật')).toBe(false);
    expect(looksLikeNumber('2025')).toBe(false);
  });
});

describe('documentState', () => {
  const dates = { issuedOn: '2026-01-10', effectiveOn: '2026-02-01', expiresOn: '2026-12-31' };
  it('is computed from Vietnam calendar days, the expiry day itself out of force', () => {
    expect(documentState(dates, '2026-01-31')).toBe('not_yet');
    expect(documentState(dates, '2026-02-01')).toBe('in_force');
    expect(documentState(dates, '2026-12-30')).toBe('in_force');
    expect(documentState(dates, '2026-12-31')).toBe('expired');
    expect(documentState({ issuedOn: '2026-01-10', effectiveOn: null, expiresOn: null }, '2026-01-10')).toBe('in_force');
  });
  it('takes today in Asia/Ho_Chi_Minh: 17:30 UTC is already the next day there', () => {
    expect(vietnamToday(new Date('2026-03-14T17:30:00Z'))).toBe('2026-03-15');
    expect(vietnamToday(new Date('2026-03-14T16:59:00Z'))).toBe('2026-03-14');
  });
});

describe('formatting', () => {
  it('formats dates and sizes as Vietnamese readers write them', () => {
    expect(formatCalendarDate('2026-03-05')).toBe('05/03/2026');
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(1_572_864)).toBe('1,5 MB');
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('29/02/2028')).toBe(false);
  });
});
