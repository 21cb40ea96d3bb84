import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { documents } from '@/db/schema';
import { looksLikeNumber, numberKey } from '@/lib/documents';
import { normalizeText } from '@/lib/vietnamese';

/** Longest query taken (characters); the rest is ignored, so one request cannot build a huge tsquery. */
export const MAX_DOCUMENT_QUERY = 200;

/**
 * The one matching rule for documents, used by the public registry, the dashboard list and the
 * article editor's picker: a document matches when every word of the query (accents and case
 * ignored) is in its number, abstract, signer or files' text (`search_vector`, GIN), or, for a
 * query with a digit in it, when its folded number starts with the folded query (`67 kh ubnd` finds `67/KH-UBND`; btree,
 * text_pattern_ops). Null for a query with nothing searchable in it.
 */
export function documentMatch(query: string): SQL | null {
  const q = normalizeText(query).slice(0, MAX_DOCUMENT_QUERY);
  if (!/[\p{L}\p{N}]/u.test(q)) return null;
  const words = sql`${documents.searchVector} @@ plainto_tsquery('simple', lower(immutable_unaccent(${q})))`;
  // The number branch only for a query with a digit in it (every number has one; `67` typed
  // in a picker is the start of `67/KH-UBND`): PostgreSQL rechecks an OR on every match's row,
  // reading its whole search_vector (a few KB of files' text, TOASTed), which made a search in
  // words alone 2-3× slower.
  if (!/\d/.test(q)) return words;
  const key = numberKey(q);
  // Only [a-z0-9] is left in the key, so it holds no LIKE wildcard to escape.
  return sql`(${words} or ${documents.numberKey} like ${`${key}%`})`;
}

/**
 * Newest issued first. `nulls last` must be said: the indexes are `(…, issued_on desc nulls
 * last, id desc nulls last)` (drizzle's `.desc()`), and a plain `desc` means nulls first, which
 * the planner will not match to them even though the columns are NOT NULL. Without it every
 * page sorted all its matches: the unfiltered registry took 70 ms at 100k documents instead
 * of 0.07 ms, a search p95 496 ms instead of 71 ms (scripts/lib/document-search-timing.ts).
 */
export const NEWEST_ISSUED_FIRST: SQL[] = [sql`${documents.issuedOn} desc nulls last`, sql`${documents.id} desc nulls last`];

/**
 * The registry's order for a search: an exact number match first when the query looks like a
 * number and symbol (`67 kh ubnd`), then newest issued. Words alone (`quận`) keep the date
 * order, which the index gives without sorting the matches.
 */
export function documentMatchOrder(query: string): SQL[] {
  const q = normalizeText(query).slice(0, MAX_DOCUMENT_QUERY);
  const key = numberKey(q);
  return looksLikeNumber(q) && key.length >= 2 ? [sql`(${documents.numberKey} = ${key}) desc`, ...NEWEST_ISSUED_FIRST] : NEWEST_ISSUED_FIRST;
}
