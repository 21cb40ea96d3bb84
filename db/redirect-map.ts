// The former addresses of live articles, sections and tags, as one in-memory map reloaded in
// the background, so a 301 costs no query. Plain postgres.js, no `server-only`: npm start's
// launcher (scripts/start.ts) uses it in front of Next, on the app's pool (db/client.ts).
import type postgres from 'postgres';
import type { RedirectLookup } from '../lib/public-routing.mjs';

/** Keys and values are paths: `/bai-viet/old` → `/bai-viet/new`, `/chuyen-muc/…`, `/the/…`. */
export async function loadRedirectMap(sql: postgres.Sql): Promise<Map<string, string>> {
  const rows = await sql<{ from: string; to: string }[]>`
    select '/bai-viet/' || h.slug as from, '/bai-viet/' || a.slug as to
      from article_slug_history h join articles a on a.id = h.article_id
     where a.status = 'published' and a.published_at <= now()
    union all
    select '/chuyen-muc/' || h.slug, '/chuyen-muc/' || s.slug
      from taxonomy_slug_history h join sections s on s.id = h.target_id where h.kind = 'section'
    union all
    select '/the/' || h.slug, '/the/' || t.slug
      from taxonomy_slug_history h join tags t on t.id = h.target_id where h.kind = 'tag'`;
  return new Map(rows.filter((row) => row.from !== row.to).map((row) => [row.from, row.to]));
}

/**
 * A lookup over a map reloaded at most every `ttlMs`. Only the very first lookup waits; after
 * that requests use the map they have while a reload runs, so a busy database never holds up
 * every article and section request. Fails open: while the database is unreachable the last
 * map stays (and a former address the map does not hold is the page's 404).
 */
export function createRedirectLookup(load: () => Promise<Map<string, string>>, ttlMs = 1_000): RedirectLookup {
  let map = new Map<string, string>();
  let loadedAt = 0;
  let loading: Promise<void> | undefined;
  const reload = () =>
    (loading ??= load()
      .then((fresh) => {
        map = fresh;
      })
      .catch(() => {})
      .finally(() => {
        loadedAt = Date.now();
        loading = undefined;
      }));
  return async (path) => {
    if (Date.now() - loadedAt > ttlMs) {
      const pending = reload();
      if (loadedAt === 0) await pending;
    }
    return map.get(path) ?? null;
  };
}
