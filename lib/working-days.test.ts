import { describe, expect, it } from 'vitest';
import { PUBLIC_HOLIDAYS_SEED } from './public-holidays-seed';
import {
  acknowledgeBy,
  addWorkingDays,
  calendarFrom,
  dueBy,
  extendedDue,
  formatCalendarDay,
  isCalendarDay,
  isWorkingDay,
  requestDeadlines,
  vietnamDay,
} from './working-days';

const calendar = calendarFrom(PUBLIC_HOLIDAYS_SEED);
const empty = calendarFrom([]);

describe('working days', () => {
  it('skips a weekend: Fri 6/3/2026 is acknowledged by Tue 10/3, done by Mon 23/3 (21/3 is a Saturday)', () => {
    expect(acknowledgeBy('2026-03-06', calendar)).toBe('2026-03-10');
    expect(dueBy('2026-03-06', calendar)).toBe('2026-03-23');
    // Mid-week: Mon 9/3 → Wed 11/3; 15 days later is Tue 24/3, a working day.
    expect(acknowledgeBy('2026-03-09', calendar)).toBe('2026-03-11');
    expect(dueBy('2026-03-09', calendar)).toBe('2026-03-24');
  });

  it('skips Tết 2026: Fri 13/2 → Tue 24/2, since 14–22/2 are off', () => {
    for (const day of ['2026-02-14', '2026-02-16', '2026-02-20', '2026-02-22']) expect(isWorkingDay(day, calendar)).toBe(false);
    expect(acknowledgeBy('2026-02-13', calendar)).toBe('2026-02-24');
    // 13/2 + 15 = Sat 28/2 → Mon 2/3.
    expect(dueBy('2026-02-13', calendar)).toBe('2026-03-02');
    // Without the holiday list, only the weekend is skipped.
    expect(acknowledgeBy('2026-02-13', empty)).toBe('2026-02-17');
  });

  it('counts the make-up Saturday 22/8/2026 as a working day', () => {
    expect(isWorkingDay('2026-08-22', calendar)).toBe(true);
    expect(isWorkingDay('2026-08-22', empty)).toBe(false);
    expect(acknowledgeBy('2026-08-20', calendar)).toBe('2026-08-22');
    expect(addWorkingDays('2026-08-21', 1, calendar)).toBe('2026-08-22');
  });

  it('skips Quốc khánh 2026 (29/8–2/9 off): Fri 28/8 → Fri 4/9; done by Mon 14/9 (12/9 is a Saturday)', () => {
    expect(acknowledgeBy('2026-08-28', calendar)).toBe('2026-09-04');
    expect(dueBy('2026-08-28', calendar)).toBe('2026-09-14');
    // A due date landing on the holiday itself moves to the next working day: 17/8 + 15 = 1/9 → Thu 3/9.
    expect(dueBy('2026-08-17', calendar)).toBe('2026-09-03');
  });

  it('crosses the year end 2026 → 2027 (1/1/2027 off)', () => {
    expect(acknowledgeBy('2026-12-31', calendar)).toBe('2027-01-05');
    expect(dueBy('2026-12-31', calendar)).toBe('2027-01-15');
    expect(acknowledgeBy('2026-12-30', calendar)).toBe('2027-01-04');
  });

  it('a request received on a day off counts from the next working day', () => {
    expect(acknowledgeBy('2026-02-15', calendar)).toBe('2026-02-24');
  });

  it('extends once by 1–15 calendar days, ending on a working day', () => {
    expect(extendedDue('2026-03-23', 15, calendar)).toBe('2026-04-07');
    // 23/3 + 12 = Sat 4/4 → Mon 6/4.
    expect(extendedDue('2026-03-23', 12, calendar)).toBe('2026-04-06');
    // 15/4 + 15 = 30/4 (holiday), 1/5 (holiday), weekend → Mon 4/5.
    expect(extendedDue('2026-04-15', 15, calendar)).toBe('2026-05-04');
    expect(() => extendedDue('2026-03-23', 16, calendar)).toThrow(RangeError);
    expect(() => extendedDue('2026-03-23', 0, calendar)).toThrow(RangeError);
  });

  it('takes the Vietnamese calendar date of an instant', () => {
    // 17:30 UTC on Thu 12/2 is 00:30 on Fri 13/2 in Vietnam.
    expect(vietnamDay(new Date('2026-02-12T17:30:00Z'))).toBe('2026-02-13');
    expect(requestDeadlines(new Date('2026-02-12T17:30:00Z'), calendar)).toEqual({ receivedDay: '2026-02-13', acknowledgeBy: '2026-02-24', dueBy: '2026-03-02' });
    expect(vietnamDay(new Date('2026-02-12T16:59:00Z'))).toBe('2026-02-12');
  });

  it('checks and formats calendar days', () => {
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-2-1')).toBe(false);
    expect(formatCalendarDay('2026-02-24')).toBe('24/02/2026');
  });
});
