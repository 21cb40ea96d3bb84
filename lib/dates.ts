// Dates as Vietnamese readers expect them, always in Asia/Ho_Chi_Minh whatever the server's zone.

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const partsFormatter = new Intl.DateTimeFormat('vi-VN', {
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour12: false,
  timeZone: TIME_ZONE,
});

function parts(date: Date): Record<'hour' | 'minute' | 'day' | 'month' | 'year', string> {
  const out = { hour: '', minute: '', day: '', month: '', year: '' };
  for (const part of partsFormatter.formatToParts(date)) {
    if (part.type in out) out[part.type as keyof typeof out] = part.value;
  }
  // Some ICU versions print midnight as 24.
  if (out.hour === '24') out.hour = '00';
  return out;
}

/** `15:31 06/04/2020`, the portal's publish-time format. */
export function formatPublishTime(date: Date): string {
  const p = parts(date);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

/** `06/04/2020`. */
export function formatDate(date: Date): string {
  const p = parts(date);
  return `${p.day}/${p.month}/${p.year}`;
}

/** ISO 8601 with the +07:00 offset (Vietnam has no daylight saving), for JSON-LD and sitemaps. */
export function toVietnamIso(date: Date): string {
  const shifted = new Date(date.getTime() + 7 * 60 * 60 * 1000);
  return `${shifted.toISOString().slice(0, 19)}+07:00`;
}

/** `2026-04-06T15:31` (a datetime-local value, Vietnam time) → Date; null if malformed. */
export function parseVietnamLocal(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(`${value.length === 16 ? `${value}:00` : value}+07:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Date → `2026-04-06T15:31`, for a datetime-local input showing Vietnam time. */
export function toVietnamLocalInput(date: Date): string {
  return toVietnamIso(date).slice(0, 16);
}
