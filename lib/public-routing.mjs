// @ts-check
// The public addresses that are not simply a page's own route, in one place:
// - `?trang=N` on a section, tag or author archive is served by the static route `/…/trang/N`
//   (so that every page of an archive is regenerated statically): `next.config.mjs` installs
//   `archivePageRewrites` as `beforeFiles` rewrites, so `next dev`, `npm start` and a plain
//   `next start` all do it, without invoking the proxy.
// - `/van-ban` with a filter, a search or a page number is served by a dynamic route
//   (`documentRegistryRewrites`); the plain registry stays a static page.
// - a renamed article, section or tag answers 301 at its former address: `redirectFor`, applied
//   by `npm start` in front of Next (scripts/start.ts), on a map of former slugs
//   (db/redirect-map.ts). Not in proxy.ts: invoking the proxy for every article cost a cached
//   article page about a third of its throughput. Not in the pages: Next's `permanentRedirect`
//   answers 308, and the contract (and every client that predates 308) says 301.
// Plain JavaScript because next.config.mjs imports it, outside any bundler.

/** The archives whose page N (N > 1) is the static route `/{archive}/{slug}/trang/{N}`. */
const ARCHIVES = 'chuyen-muc|the|tac-gia';

/**
 * The value of `trang` that names a later page: 2 to 99999, leading zeros ignored (`003` is page
 * 3), at most five digits in all. Next matches it against the whole value (`^…$`) and passes the
 * group `page` to the destination. Everything else (`1`, `0`, `abc`, `-2`, `123456`) is the
 * first page, as the archive itself, and a page past the end is the route's 404.
 */
export const TRANG_VALUE = '(?=[0-9]{1,5}$)0*(?<page>[2-9]|[1-9][0-9]+)';

/** `next.config.mjs` `rewrites().beforeFiles`: the query's other parameters pass through. */
export const archivePageRewrites = [
  {
    source: `/:archive(${ARCHIVES})/:slug([a-z0-9-]+)`,
    has: [{ type: /** @type {const} */ ('query'), key: 'trang', value: TRANG_VALUE }],
    destination: '/:archive/:slug/trang/:page',
  },
];

/** `/dinh-chinh?trang=N` → its static route `/dinh-chinh/trang/N` (issue 16), as for archives. */
export const correctionPageRewrites = [
  {
    source: '/dinh-chinh',
    has: [{ type: /** @type {const} */ ('query'), key: 'trang', value: TRANG_VALUE }],
    destination: '/dinh-chinh/trang/:page',
  },
];

/** The registry's query-string names (lib/document-registry.ts REGISTRY_PARAMS says the same). */
const DOCUMENT_REGISTRY_PARAMS = ['q', 'loai', 'co-quan', 'linh-vuc', 'nam', 'trang'];

/**
 * `/van-ban` with any of the registry's parameters is served by the dynamic route
 * `/van-ban/tra-cuu/ket-qua` (the query passes through); without one it is the static, cached
 * first page, whatever else the query holds (`?utm_source=…`). One rule per name: Next's
 * `has` entries must all match, and any one of these is enough. The destination has two
 * segments, so no document slug (`/van-ban/{slug}`) can ever be shadowed by it.
 */
export const documentRegistryRewrites = DOCUMENT_REGISTRY_PARAMS.map((key) => ({
  source: '/van-ban',
  has: [{ type: /** @type {const} */ ('query'), key }],
  destination: '/van-ban/tra-cuu/ket-qua',
}));

/**
 * `/bao-ve-du-lieu-ca-nhan?phien-ban=N` (N a whole number, at most nine digits, no leading
 * zero) is served by the static route `/bao-ve-du-lieu-ca-nhan/phien-ban/N`; any other value is
 * the current version, the page itself. An unknown N is that route's 404.
 */
export const privacyPolicyRewrites = [
  {
    source: '/bao-ve-du-lieu-ca-nhan',
    has: [{ type: /** @type {const} */ ('query'), key: 'phien-ban', value: '(?<version>[1-9][0-9]{0,8})' }],
    destination: '/bao-ve-du-lieu-ca-nhan/phien-ban/:version',
  },
];

const RENAMABLE_ARCHIVE = /^\/(chuyen-muc|the)\/([a-z0-9-]+)(?:\/trang\/(\d+))?\/?$/;
const ARTICLE = /^\/bai-viet\/[a-z0-9-]+$/;

/**
 * Former address → current one (`/bai-viet/old` → `/bai-viet/new`), or null.
 * @typedef {(path: string) => Promise<string | null>} RedirectLookup
 */

/**
 * Where a public GET for a former address goes (a path with its query), or null when the
 * address is not a former one. `search` is the query with its `?`, or ''. Page N of a renamed
 * archive, asked for by its static route, goes to the new address's `?trang=N`.
 * @param {string} pathname
 * @param {string} search
 * @param {RedirectLookup} lookup
 * @returns {Promise<string | null>}
 */
export async function redirectFor(pathname, search, lookup) {
  const archive = RENAMABLE_ARCHIVE.exec(pathname);
  if (archive) {
    const [, kind, slug, page] = archive;
    const target = await lookup(`/${kind}/${slug}`);
    if (!target) return null;
    const params = new URLSearchParams(search);
    if (page) params.set('trang', page);
    const query = params.toString();
    return `${target}${query ? `?${query}` : ''}`;
  }
  const target = ARTICLE.test(pathname) ? await lookup(pathname) : null;
  return target ? `${target}${search}` : null;
}
