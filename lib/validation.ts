// Small zod schemas shared by public routes: what a slug or a page number may look like.
import { z } from 'zod';
import { normalizeText } from './vietnamese';

/** A slug as this site makes them: lowercase ASCII words joined by dashes. */
export const slugParam = z
  .string()
  .max(200)
  .transform((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return '';
    }
  })
  .pipe(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

/** `?trang=N`: a page number from 1 to 10,000; anything else means page 1. */
export const pageParam = z.coerce.number().int().min(1).max(10_000).catch(1);

/** A person's name as typed into any form: NFC, trimmed, 1–100 characters. */
export const personNameSchema = z
  .string()
  .transform(normalizeText)
  .pipe(z.string().min(1, 'Vui lòng nhập họ tên.').max(100, 'Họ tên tối đa 100 ký tự.'));

/** The largest value of a PostgreSQL `integer` (`serial` ids: articles, sections, tags, media…). */
export const PG_INTEGER_MAX = 2_147_483_647;
/**
 * The largest `bigserial` id this code reads: the schema maps bigint ids to JavaScript numbers,
 * which are exact only up to 2^53 − 1.
 */
export const BIG_ID_MAX = Number.MAX_SAFE_INTEGER;

export const INVALID_ID = 'Mã không hợp lệ.';

/** `n` when `value` is a whole number 1…max, written as a form writes it ("12"; not "012", " 12" or "1e3"). */
export function parseId(value: unknown, max: number = PG_INTEGER_MAX): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= 1 && n <= max ? n : null;
}

// `.optional()` first, so that a missing field reaches the transform (and gets its Vietnamese
// message) instead of zod's own "expected nonoptional".
const idWithin = (max: number, message: string) =>
  z.unknown().optional().transform((value, ctx) => {
    const id = parseId(value, max);
    if (id === null) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return id;
  });

/**
 * An id of a `serial` column, from a form field, a query string or a bound argument: 1 to
 * 2,147,483,647, so that an out-of-range id is a field error here and never reaches SQL (where
 * it would be an exception, a 500).
 */
export const idSchema = (message = INVALID_ID) => idWithin(PG_INTEGER_MAX, message);

/** An id of a `bigserial` column (revisions, comments): 1 to 2^53 − 1. */
export const bigIdSchema = (message = INVALID_ID) => idWithin(BIG_ID_MAX, message);

/** A form field that holds a `serial` id or nothing: '' (or absent) is null. */
export const optionalIdSchema = (message = INVALID_ID) =>
  z.unknown().optional().transform((value, ctx) => {
    if (value === undefined || value === null || value === '') return null;
    const id = parseId(value, PG_INTEGER_MAX);
    if (id === null) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return id;
  });
