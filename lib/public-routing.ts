// Where a public address goes before any page renders: a renamed article, section or tag
// answers 301 at its former address, and `?trang=N` on an archive is served by the static
// route `/…/trang/N`. `npm start` does this in front of Next (scripts/start.ts), where it
// costs a map lookup; proxy.ts does the same under `next dev`, where nothing stands in front.
// Invoking Next's proxy took a third of the throughput of a cached article page.
import { archivePageRoute } from './archive-pages';

/**
 * Set by the custom server on every request it has routed (a client's own value is dropped
 * first); proxy.ts's public matchers skip requests carrying it.
 */
export const ROUTED_HEADER = 'x-newsroom-routed';

const ARCHIVE = /^\/(chuyen-muc|the|tac-gia)\/([a-z0-9-]+)(\/trang\/\d+)?\/?$/;
const ARTICLE = /^\/bai-viet\/([a-z0-9-]+)$/;

export type PublicRoute = { redirect: string } | { rewrite: string } | null;

/** Former address → current one (`/bai-viet/old` → `/bai-viet/new`), or null. */
export type RedirectLookup = (path: string) => Promise<string | null>;

/**
 * For a public GET: a permanent redirect (a path with its query) or a rewrite to the static
 * route, or null to serve the address as it is. `search` is the query with its `?`, or ''.
 */
export async function routePublic(pathname: string, search: string, lookup: RedirectLookup): Promise<PublicRoute> {
  const archive = ARCHIVE.exec(pathname);
  if (archive) {
    const [, kind, slug, pagePath] = archive;
    const target = kind === 'chuyen-muc' || kind === 'the' ? await lookup(`/${kind}/${slug}`) : null;
    if (target) {
      // Page N of a renamed archive goes to the new address's `?trang=N`.
      const params = new URLSearchParams(search);
      if (pagePath) params.set('trang', pagePath.slice('/trang/'.length));
      const query = params.toString();
      return { redirect: `${target}${query ? `?${query}` : ''}` };
    }
    const route = pagePath ? null : archivePageRoute(`${pathname}${search}`);
    return route ? { rewrite: route } : null;
  }
  const article = ARTICLE.exec(pathname);
  const target = article ? await lookup(pathname) : null;
  return target ? { redirect: `${target}${search}` } : null;
}
