import 'server-only';
import { sql } from '@/db';

export const SEARCH_PAGE_SIZE = 10;

export type SearchHit = {
  id: number;
  slug: string;
  title: string;
  lead: string;
  bodyText: string;
  publishedAt: Date;
  sectionName: string | null;
};

export type SearchResult = { hits: SearchHit[]; total: number; page: number; pages: number };

/**
 * Full-text search over title, lead and body, accent-insensitive (both sides go through
 * unaccent), with typo tolerance from trigram word similarity on the title. Articles that
 * contain the query exactly as typed, diacritics included, come first; then by rank.
 */
export async function searchArticles(query: string, page: number): Promise<SearchResult> {
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await sql<(Omit<SearchHit, 'publishedAt'> & { publishedAt: string; total: number })[]>`
    with q as (
      select websearch_to_tsquery('simple', lower(immutable_unaccent(${query}))) as tsq,
             lower(immutable_unaccent(${query})) as plain
    ), hits as (
      select a.id, a.slug, a.title, a.lead, a.body_html, a.published_at, a.section_id,
             ts_rank_cd(a.search_vector, q.tsq, 32) as rank,
             word_similarity(q.plain, lower(immutable_unaccent(a.title))) as similarity,
             (a.title ilike ${pattern} or a.lead ilike ${pattern}) as exact
        from articles a, q
       where a.status = 'published' and a.published_at <= now()
         and (a.search_vector @@ q.tsq or q.plain <% lower(immutable_unaccent(a.title)))
    )
    select h.id, h.slug, h.title, h.lead, h.published_at as "publishedAt", s.name as "sectionName",
           left(regexp_replace(h.body_html, '<[^>]*>', ' ', 'g'), 4000) as "bodyText",
           count(*) over ()::int as total
      from hits h left join sections s on s.id = h.section_id
     order by h.exact desc, h.rank desc, h.similarity desc, h.published_at desc
     limit ${SEARCH_PAGE_SIZE} offset ${(page - 1) * SEARCH_PAGE_SIZE}`;
  const total = rows[0]?.total ?? 0;
  return {
    // drizzle leaves timestamps unparsed on the shared client; make them Dates here.
    hits: rows.map(({ total: _total, publishedAt, ...hit }) => ({ ...hit, publishedAt: new Date(publishedAt) })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
  };
}
