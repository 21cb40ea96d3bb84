import 'server-only';
import type postgres from 'postgres';
import { sql } from '@/db';

export const SEARCH_PAGE_SIZE = 10;
/** Results a search ranks at most: the newest matches; a reader narrows a broad query with more words. */
export const SEARCH_CANDIDATES = 200;
/**
 * Publication windows tried in turn, newest first (days; null: the whole archive). Only a
 * shortcut: a window holding more than SEARCH_CANDIDATES matches holds the newest ones, so
 * the results are the same as searching everything, at the cost of the window's matches only.
 */
const WINDOWS_DAYS = [30, 365, null] as const;
/** Below this many articles one pass over the whole archive is cheaper than trying windows. */
const SMALL_ARCHIVE = 20_000;
const ESTIMATE_TTL_MS = 60_000;
let estimate = { articles: Number.POSITIVE_INFINITY, at: 0 };

/** The planner's estimate of the number of articles (no count: that would read them all). */
async function archiveEstimate(): Promise<number> {
  if (Date.now() - estimate.at > ESTIMATE_TTL_MS) {
    const [row] = await sql<{ n: number }[]>`select greatest(reltuples, 0)::float8 as n from pg_class where oid = 'articles'::regclass`;
    estimate = { articles: row?.n ?? Number.POSITIVE_INFINITY, at: Date.now() };
  }
  return estimate.articles;
}

export type SearchHit = {
  id: number;
  slug: string;
  title: string;
  lead: string;
  bodyText: string;
  publishedAt: Date;
  sectionName: string | null;
};

/**
 * `total` counts the matches up to SEARCH_CANDIDATES; `more` says there were more, of which
 * the newest SEARCH_CANDIDATES are ranked and paged.
 */
export type SearchResult = { hits: SearchHit[]; total: number; more: boolean; page: number; pages: number };

type Row = Omit<SearchHit, 'publishedAt'> & { publishedAt: string | null; found: number };

/**
 * Full-text search over title, lead and body, accent-insensitive (both sides go through
 * unaccent). The newest SEARCH_CANDIDATES matching articles are ranked: those containing the
 * query exactly as typed, diacritics included, first; then by rank, then by how much the title
 * resembles the query (trigram word similarity). When fewer than a page match word for word,
 * titles resembling the query are added, so a typo still finds the article.
 *
 * Below SMALL_ARCHIVE articles the whole archive is searched at once (`windows: 'always'`
 * forces the windows, for tests). Matches are found in the GIN index and, for the window,
 * the (status, published_at) index together (a BitmapAnd), so a query matching a third of
 * 100,000 articles reads a few thousand rows, not tens of thousands; only the candidates'
 * search vectors are read to rank.
 */
export async function searchArticles(query: string, page: number, options: { windows?: 'auto' | 'always' } = {}): Promise<SearchResult> {
  const plain = sql`lower(immutable_unaccent(${query}))`;
  const terms = { query, plain, tsquery: sql`websearch_to_tsquery('simple', ${plain})` };
  let rows: Row[] = [];
  const windows = options.windows !== 'always' && (await archiveEstimate()) < SMALL_ARCHIVE ? [null] : WINDOWS_DAYS;
  for (const days of windows) {
    const since = days === null ? sql`` : sql`and a.published_at >= now() - make_interval(days => ${days})`;
    rows = await rankedPage(terms, page, sql`a.search_vector @@ ${terms.tsquery} ${since}`);
    if ((rows[0]?.found ?? 0) > SEARCH_CANDIDATES) break;
  }
  // Hardly anything word for word: add titles resembling the query, for typos and for what
  // the parser splits differently ("28 9" typed for "28/9"). Only then, as the trigram index
  // costs a few hundred milliseconds for a long query over 100,000 titles.
  if ((rows[0]?.found ?? 0) < SEARCH_PAGE_SIZE) {
    rows = await rankedPage(terms, page, sql`(a.search_vector @@ ${terms.tsquery} or ${plain} <% lower(immutable_unaccent(a.title)))`);
  }
  const found = rows[0]?.found ?? 0;
  const total = Math.min(found, SEARCH_CANDIDATES);
  return {
    // drizzle leaves timestamps unparsed on the shared client; make them Dates here.
    hits: rows
      .filter((row) => row.id !== null)
      .map(({ found: _found, publishedAt, ...hit }) => ({ ...hit, publishedAt: new Date(publishedAt as string) })),
    total,
    more: found > SEARCH_CANDIDATES,
    page,
    pages: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
  };
}

/**
 * One page of the ranked candidates (the newest SEARCH_CANDIDATES articles matching
 * `condition`), and `found`: the candidates, up to one more than the limit.
 * Always at least one row, so `found` arrives even for a page past the end (its id is null).
 */
type Fragment = postgres.PendingQuery<postgres.Row[]>;
/** The query as typed, folded (unaccented, lower case), and as a full-text query. */
type Terms = { query: string; plain: Fragment; tsquery: Fragment };

function rankedPage({ query, plain, tsquery }: Terms, page: number, condition: Fragment): Promise<Row[]> {
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<Row[]>`
    with candidates as materialized (
      select m.id, row_number() over () as position
        from (select a.id
                from articles a
               where a.status = 'published' and a.published_at <= now() and ${condition}
               order by a.published_at desc
               limit ${SEARCH_CANDIDATES + 1}) as m
    ), ranked as (
      select a.id, a.slug, a.title, a.lead, a.body_html, a.published_at, a.section_id,
             (a.title ilike ${pattern} or a.lead ilike ${pattern}) as exact,
             ts_rank_cd(a.search_vector, ${tsquery}, 32) as rank,
             word_similarity(${plain}, lower(immutable_unaccent(a.title))) as similarity
        from candidates c join articles a on a.id = c.id
       where c.position <= ${SEARCH_CANDIDATES}
       order by exact desc, rank desc, similarity desc, a.published_at desc
       limit ${SEARCH_PAGE_SIZE} offset ${(page - 1) * SEARCH_PAGE_SIZE}
    )
    select (select count(*)::int from candidates) as found,
           r.id, r.slug, r.title, r.lead, r.published_at as "publishedAt", s.name as "sectionName",
           left(regexp_replace(r.body_html, '<[^>]*>', ' ', 'g'), 4000) as "bodyText"
      from (select 1) as one
      left join (ranked r left join sections s on s.id = r.section_id) on true
     order by r.exact desc, r.rank desc, r.similarity desc, r.published_at desc`;
}
