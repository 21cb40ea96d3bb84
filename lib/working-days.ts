// Deadlines for personal-data requests (Decree 356/2025): pure calendar arithmetic on
// Asia/Ho_Chi_Minh calendar dates written 'YYYY-MM-DD', so no server time zone leaks in.
//
// How the periods are read:
// - "Acknowledge within 2 working days": working days are Monday–Friday, less the public
//   holidays, plus the make-up Saturdays the Government declares working days (e.g. 22/8/2026).
//   The day received does not count (Civil Code 2015, art. 147(1): a period in days starts the
//   day after the event), so a request on Fri 13/2/2026 is acknowledged by Tue 24/2/2026.
// - "Done within 15 days" (15 ngày): the Decree says "ngày", not "ngày làm việc", where in the
//   same article it says "ngày làm việc" for the acknowledgement; so these are calendar days,
//   counted from the day after receipt. When the last day is a weekend day or a holiday the
//   period ends with the next working day (Civil Code 2015, art. 148(5)), which is what the
//   dashboard shows as `Hạn hoàn thành`.
// - The one extension: up to 15 more calendar days, added to the current due date and
//   rolled forward the same way.
import { TIME_ZONE } from './dates';

/** Days off and make-up working days, each a 'YYYY-MM-DD' date in Vietnam. */
export type WorkingCalendar = {
  holidays: ReadonlySet<string>;
  workingWeekendDays: ReadonlySet<string>;
};

export const ACKNOWLEDGE_WORKING_DAYS = 2;
export const DONE_CALENDAR_DAYS = 15;
export const MAX_EXTENSION_DAYS = 15;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isCalendarDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

function toUtcNoon(day: string): Date {
  if (!isCalendarDay(day)) throw new RangeError(`not a calendar day: ${day}`);
  return new Date(`${day}T12:00:00Z`);
}

const dayFormatter = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TIME_ZONE });

/** The Vietnamese calendar date of an instant, e.g. 23:30 UTC on 13/2 → '2026-02-14'. */
export function vietnamDay(instant: Date): string {
  return dayFormatter.format(instant);
}

/** `day` moved by `n` calendar days. */
export function addCalendarDays(day: string, n: number): string {
  const date = toUtcNoon(day);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** Monday–Friday that is no holiday, or a declared make-up working day. */
export function isWorkingDay(day: string, calendar: WorkingCalendar): boolean {
  if (calendar.workingWeekendDays.has(day)) return true;
  const weekday = toUtcNoon(day).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !calendar.holidays.has(day);
}

/** The `n`th working day after `day` (`day` itself never counts). */
export function addWorkingDays(day: string, n: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(n) || n < 1 || n > 366) throw new RangeError(`working days out of range: ${n}`);
  let current = day;
  let left = n;
  // Bounded: no year has more than a few weeks off in a row.
  for (let guard = 0; guard < 5000; guard++) {
    current = addCalendarDays(current, 1);
    if (isWorkingDay(current, calendar) && --left === 0) return current;
  }
  throw new RangeError('no working day found');
}

/** `day` itself when it is a working day, else the next working day. */
export function nextWorkingDayFrom(day: string, calendar: WorkingCalendar): string {
  return isWorkingDay(day, calendar) ? day : addWorkingDays(day, 1, calendar);
}

/** `Hạn xác nhận`: 2 working days after the day received. */
export function acknowledgeBy(receivedDay: string, calendar: WorkingCalendar): string {
  return addWorkingDays(receivedDay, ACKNOWLEDGE_WORKING_DAYS, calendar);
}

/** `Hạn hoàn thành`: 15 calendar days after the day received, ending on a working day. */
export function dueBy(receivedDay: string, calendar: WorkingCalendar): string {
  return nextWorkingDayFrom(addCalendarDays(receivedDay, DONE_CALENDAR_DAYS), calendar);
}

/** The new due date after the one extension of `days` (1–15) calendar days, ending on a working day. */
export function extendedDue(currentDue: string, days: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS) throw new RangeError(`extension out of range: ${days}`);
  return nextWorkingDayFrom(addCalendarDays(currentDue, days), calendar);
}

/** Both deadlines of a request received at `receivedAt`. */
export function requestDeadlines(receivedAt: Date, calendar: WorkingCalendar): { receivedDay: string; acknowledgeBy: string; dueBy: string } {
  const receivedDay = vietnamDay(receivedAt);
  return { receivedDay, acknowledgeBy: acknowledgeBy(receivedDay, calendar), dueBy: dueBy(receivedDay, calendar) };
}

/** '2026-02-24' → '24/02/2026'. */
export function formatCalendarDay(day: string): string {
  const m = DAY.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

/** A calendar built from rows of the public_holidays table (or the seed). */
export function calendarFrom(rows: readonly { day: string; kind: 'holiday' | 'working_day' }[]): WorkingCalendar {
  return {
    holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.day)),
    workingWeekendDays: new Set(rows.filter((r) => r.kind === 'working_day').map((r) => r.day)),
  };
}
