// Cache tags: every family of cached entries a write can make stale, and the one function that
// invalidates them. Every write (a server action, the publish-due route) calls `invalidate()`
// naming the tags it touches; ESLint (eslint.config.mjs) lets only this file import
// `revalidatePath`, `revalidateTag`, `updateTag` or `refresh` from `next/cache`.
//
// Under the hood a tag is a list of paths given to `revalidatePath`, not a `revalidateTag` tag.
// Next gives every cached page and route its implicit tags (`_N_T_/bai-viet/x`,
// `_N_T_/(site)/the/[slug]/trang/[page]/page`, `_N_T_/layout`…), and `revalidatePath` expires
// exactly those, at once. Real tags were weighed and are not worth it here:
// - A tag must be put on data first: with `fetch` (we fetch nothing: the data comes from
//   PostgreSQL), `unstable_cache` (which Next 16 calls superseded) or `'use cache'` +
//   `cacheTag` (which needs `cacheComponents`, a rewrite of every page's segment config).
//   `unstable_cache` adds a second cache under the page cache: each query result becomes an
//   entry of its own in the cache handler (on disk, or in Redis, whichever handler runs), it
//   is JSON on the way back (a `Date` comes back a string), and its key is another thing to
//   keep right. The pages themselves would still be invalidated through the same implicit
//   tags, so nothing simpler comes out of it.
// - `revalidateTag(tag, 'max')`, Next 16's recommended form, serves the stale page once and
//   re-renders in the background; a reader must see an approved comment or a publish on the
//   very next load (e2e/comments.spec.ts, e2e/articles.spec.ts). Immediate expiry needs
//   `updateTag` (server actions only: it throws in the publish-due route handler) or
//   `revalidateTag(tag, { expire: 0 })`. `revalidatePath` expires at once in both places.
// - Both cache handlers (lib/page-cache-handler.mjs, lib/redis-cache-handler.mjs, or a
//   library in its place) already honour implicit tags: Next's own path, and the one the
//   cluster tests check (a publish on A visible on B).
// So the names are the contract and the paths are a detail of this file. If data tags are
// ever adopted, only `pathsOf`/`invalidate` change, not the writes.
import 'server-only';
import { revalidatePath } from 'next/cache';

/** A cache family with no parameter. */
const FIXED = {
  /** `/`: latest articles, most read, a block per section. */
  home: [['/']],
  /**
   * Pages 2, 3, … of every section, tag and author archive (`?trang=N`, served by `/…/trang/N`):
   * a publish moves every later article down a place. A route pattern takes no concrete slug,
   * so this marks every archive's later pages; each renders again on its next request. The
   * pattern is the app path, route group included: Next tags each page with it.
   */
  'archive-pages': [
    ['/(site)/chuyen-muc/[slug]/trang/[page]', 'page'],
    ['/(site)/the/[slug]/trang/[page]', 'page'],
    ['/(site)/tac-gia/[slug]/trang/[page]', 'page'],
  ],
  /** `/rss.xml`, the whole site's feed (a section's feed goes with its `section:` tag). */
  feeds: [['/rss.xml']],
  sitemaps: [['/sitemap.xml'], ['/news-sitemap.xml']],
  /**
   * Every page and route under the root layout, public and dashboard: section names are in
   * every page's navigation, and a tag's name is on every article that carries it.
   */
  site: [['/', 'layout']],
  /** The whole dashboard (its navigation shows the pending-comment count and the user's name). */
  dashboard: [['/dashboard', 'layout']],
  'dashboard:users': [['/dashboard/users']],
  'dashboard:media': [['/dashboard/media']],
  /** `/van-ban` (the registry's first page) and `/van-ban/rss.xml`. */
  documents: [['/van-ban'], ['/van-ban/rss.xml']],
  'dashboard:documents': [['/dashboard/van-ban']],
  /**
   * The personal-data policy: `/bao-ve-du-lieu-ca-nhan` and every `?phien-ban=N` page (the
   * static route `/bao-ve-du-lieu-ca-nhan/phien-ban/N`: a new version makes the former current
   * one "not current"), and its dashboard page.
   */
  'privacy-policy': [['/bao-ve-du-lieu-ca-nhan'], ['/(site)/bao-ve-du-lieu-ca-nhan/phien-ban/[version]', 'page'], ['/dashboard/du-lieu-ca-nhan']],
  /**
   * `/dinh-chinh`, every correction of a live article (issue 16), and its later pages
   * (`?trang=N`, served by `/dinh-chinh/trang/N`): a correction added or edited, and an article
   * published, unpublished or retitled, change them.
   */
  corrections: [['/dinh-chinh'], ['/(site)/dinh-chinh/trang/[page]', 'page']],
} as const satisfies Record<string, readonly Target[]>;

/** A cache family of one section, tag, author or article, by its slug. */
const BY_SLUG = {
  /** The article's page. */
  article: (slug: string): Target[] => [[`/bai-viet/${slug}`]],
  /** The section's first archive page and its feed. */
  section: (slug: string): Target[] => [[`/chuyen-muc/${slug}`], [`/chuyen-muc/${slug}/rss.xml`]],
  /** The tag's first archive page. */
  tag: (slug: string): Target[] => [[`/the/${slug}`]],
  /** The author's first archive page. */
  author: (slug: string): Target[] => [[`/tac-gia/${slug}`]],
  /** A document's page (`/van-ban/{slug}`). */
  document: (slug: string): Target[] => [[`/van-ban/${slug}`]],
} as const;

type Target = readonly [path: string, type?: 'page' | 'layout'];
type Family = keyof typeof BY_SLUG;

export type CacheTag = keyof typeof FIXED | `${Family}:${string}`;

/** The tag constants: `CacheTag.home`, `CacheTag.article(slug)`, … */
export const CacheTag = {
  home: 'home',
  archivePages: 'archive-pages',
  feeds: 'feeds',
  sitemaps: 'sitemaps',
  site: 'site',
  dashboard: 'dashboard',
  dashboardUsers: 'dashboard:users',
  dashboardMedia: 'dashboard:media',
  documents: 'documents',
  dashboardDocuments: 'dashboard:documents',
  privacyPolicy: 'privacy-policy',
  corrections: 'corrections',
  article: (slug: string) => `article:${slug}` as const,
  section: (slug: string) => `section:${slug}` as const,
  tag: (slug: string) => `tag:${slug}` as const,
  author: (slug: string) => `author:${slug}` as const,
  document: (slug: string) => `document:${slug}` as const,
} as const satisfies Record<string, CacheTag | ((slug: string) => CacheTag)>;

/** Where an article appears; the slugs of its former and current places. */
export type ArticlePlaces = {
  slug: string;
  previousSlug?: string | null;
  sectionSlugs?: (string | null | undefined)[];
  tagSlugs?: string[];
  authorSlugs?: (string | null | undefined)[];
};

/**
 * Every entry an article is part of: its page (and its former slug's), the home page, its
 * sections (pages and feeds), tags and authors, the later archive pages, the feed, the
 * sitemaps and `/dinh-chinh` (which lists live articles' corrections under their titles). Neighbouring articles' "newer/older" lists are left to their 120 s revalidate.
 */
export function articleTags(article: ArticlePlaces): CacheTag[] {
  const tags: CacheTag[] = [CacheTag.article(article.slug)];
  if (article.previousSlug && article.previousSlug !== article.slug) tags.push(CacheTag.article(article.previousSlug));
  tags.push(CacheTag.home);
  for (const slug of article.sectionSlugs ?? []) if (slug) tags.push(CacheTag.section(slug));
  for (const slug of article.tagSlugs ?? []) tags.push(CacheTag.tag(slug));
  for (const slug of article.authorSlugs ?? []) if (slug) tags.push(CacheTag.author(slug));
  tags.push(CacheTag.archivePages, CacheTag.feeds, CacheTag.sitemaps, CacheTag.corrections);
  return tags;
}

/**
 * What a correction added to (or edited on) an article changes: the article's page (the box at
 * its top, its JSON-LD), the feeds its item is in (the site's and its section's), the sitemaps'
 * lastmod and `/dinh-chinh`. Lists of articles show no corrections and are left alone.
 */
export function correctionTags(article: { slug: string; sectionSlug: string | null }): CacheTag[] {
  const tags: CacheTag[] = [CacheTag.article(article.slug)];
  if (article.sectionSlug) tags.push(CacheTag.section(article.sectionSlug));
  tags.push(CacheTag.feeds, CacheTag.sitemaps, CacheTag.corrections);
  return tags;
}

/** Where a document appears: its page (and former slug's), the pages that name it. */
export type DocumentPlaces = {
  slug: string;
  previousSlug?: string | null;
  /** Articles citing it (`Văn bản liên quan` on their pages). */
  citingArticleSlugs?: string[];
  /** The documents it replaces or is replaced by (their pages name it). */
  relatedDocumentSlugs?: (string | null | undefined)[];
};

/** Every entry a document is part of: its page, the registry and its feed, sitemaps, citing articles, related documents. */
export function documentTags(document: DocumentPlaces): CacheTag[] {
  const tags: CacheTag[] = [CacheTag.document(document.slug)];
  if (document.previousSlug && document.previousSlug !== document.slug) tags.push(CacheTag.document(document.previousSlug));
  for (const slug of document.relatedDocumentSlugs ?? []) if (slug) tags.push(CacheTag.document(slug));
  for (const slug of document.citingArticleSlugs ?? []) tags.push(CacheTag.article(slug));
  tags.push(CacheTag.documents, CacheTag.sitemaps, CacheTag.dashboardDocuments);
  return tags;
}

/** The paths (and route types) a tag stands for, in the order they are revalidated. */
export function pathsOf(tag: CacheTag): Target[] {
  if (Object.hasOwn(FIXED, tag)) return [...FIXED[tag as keyof typeof FIXED]];
  const colon = tag.indexOf(':');
  const family = tag.slice(0, colon) as Family;
  const slug = tag.slice(colon + 1);
  if (colon < 1 || !(family in BY_SLUG) || !slug) throw new Error(`Unknown cache tag: ${tag}`);
  return BY_SLUG[family](slug);
}

/**
 * Expires every cached entry of the given tags now, so the very next request renders fresh.
 * Call it after the write has committed, outside any `try` (STYLE.md), from a server action
 * or a route handler: Next allows revalidation only inside a request.
 */
export function invalidate(...tags: CacheTag[]): void {
  const seen = new Set<string>();
  for (const tag of tags) {
    for (const [path, type] of pathsOf(tag)) {
      const key = `${path} ${type ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      revalidatePath(path, type);
    }
  }
}
