import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { documents } from '@/db/schema';
import { numberKey } from '@/lib/documents';
import { normalizeText } from '@/lib/vietnamese';

/** Longest query taken (characters); the rest is ignored, so one request cannot build a huge tsquery. */
export const MAX_DOCUMENT_QUERY = 200;

/**
 * The one matching rule for documents, used by the public registry, the dashboard list and the
 * article editor's picker: a document matches when every word of the query (accents and case
 * ignored) is in its number, abstract, signer or files' text (`search_vector`, GIN), or when
 * its folded number starts with the folded query (`67 kh ubnd` finds `67/KH-UBND`; btree,
 * text_pattern_ops). Null for a query with nothing searchable in it.
 */
export function documentMatch(query: string): SQL | null {
  const q = normalizeText(query).slice(0, MAX_DOCUMENT_QUERY);
  if (!/[\p{L}\p{N}]/u.test(q)) return null;
  const words = sql`${documents.searchVector} @@ plainto_tsquery('simple', lower(immutable_unaccent(${q})))`;
  const key = numberKey(q);
  // Only [a-z0-9] is left in the key, so it holds no LIKE wildcard to escape.
  return key.length >= 2 ? sql`(${words} or ${documents.numberKey} like ${`${key}%`})` : words;
}

/** Orders an exact number match first (the reader typed a number and symbol), then newest issued. */
export function documentMatchOrder(query: string): SQL[] {
  const key = numberKey(normalizeText(query).slice(0, MAX_DOCUMENT_QUERY));
  const exact = key.length >= 2 ? [sql`(${documents.numberKey} = ${key}) desc`] : [];
  return [...exact, sql`${documents.issuedOn} desc`, sql`${documents.id} desc`];
}
