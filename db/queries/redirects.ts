import 'server-only';
import { and, eq, lte, sql } from 'drizzle-orm';
import { db } from '@/db';
import { articles, articleSlugHistory, sections, tags, taxonomySlugHistory } from '@/db/schema';

// proxy.ts runs in its own context, so a slug change in an action cannot clear this map
// directly; a short reload interval bounds how long an old slug goes without its 301.
const TTL_MS = 1_000;
type Cached = { at: number; map: Map<string, string>; loading?: Promise<Map<string, string>> };
const KEY = Symbol.for('newsroom.slug-redirects');
const holder = globalThis as unknown as { [KEY]?: Cached };

/** Keys and values are paths: `/bai-viet/old` → `/bai-viet/new`, and likewise for sections and tags. */
async function load(): Promise<Map<string, string>> {
  const [articleRows, sectionRows, tagRows] = await Promise.all([
    db
      .select({ from: articleSlugHistory.slug, to: articles.slug })
      .from(articleSlugHistory)
      .innerJoin(articles, eq(articles.id, articleSlugHistory.articleId))
      .where(and(eq(articles.status, 'published'), lte(articles.publishedAt, sql`now()`))),
    db
      .select({ from: taxonomySlugHistory.slug, to: sections.slug })
      .from(taxonomySlugHistory)
      .innerJoin(sections, and(eq(sections.id, taxonomySlugHistory.targetId), eq(taxonomySlugHistory.kind, 'section'))),
    db
      .select({ from: taxonomySlugHistory.slug, to: tags.slug })
      .from(taxonomySlugHistory)
      .innerJoin(tags, and(eq(tags.id, taxonomySlugHistory.targetId), eq(taxonomySlugHistory.kind, 'tag'))),
  ]);
  const map = new Map<string, string>();
  const add = (prefix: string, rows: { from: string; to: string }[]) => {
    for (const r of rows) if (r.from !== r.to) map.set(`${prefix}/${r.from}`, `${prefix}/${r.to}`);
  };
  add('/bai-viet', articleRows);
  add('/chuyen-muc', sectionRows);
  add('/the', tagRows);
  return map;
}

/**
 * Former address → current address of live articles, sections and tags, from a map reloaded at most once a second, so
 * proxy.ts can answer 301 without a query per request. Fails open (no redirect) if the
 * database is unreachable: the page itself still resolves an old slug.
 */
export async function lookupRedirect(path: string): Promise<string | null> {
  const state = holder[KEY];
  if (!state?.loading && (!state || Date.now() - state.at > TTL_MS)) {
    const previous = state?.map ?? new Map<string, string>();
    const loading = load()
      .catch(() => previous)
      .then((map) => {
        holder[KEY] = { at: Date.now(), map };
        return map;
      });
    holder[KEY] = { at: state?.at ?? 0, map: previous, loading };
  }
  // Only the very first lookup waits; after that requests use the map they have while a
  // reload runs, so a busy database never holds up every article and section request.
  const current = holder[KEY] as Cached;
  if (current.at === 0 && current.loading) await current.loading;
  return holder[KEY]?.map.get(path) ?? null;
}
