import 'server-only';
import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { assertCan, can, type Role } from '@/lib/auth/permissions';
import { cache } from 'react';
import { db } from '@/db';
import { alias } from 'drizzle-orm/pg-core';
import { articleDocuments, articles, articleTags, articleViewDays, articleViewTotals, authors, documents, documentTerms, media, sections, tags } from '@/db/schema';

/** What a list of articles shows: never the body, never an internal field. */
export type ArticleCard = {
  id: number;
  slug: string;
  title: string;
  lead: string;
  publishedAt: Date;
  sectionSlug: string | null;
  sectionName: string | null;
  authorName: string | null;
};

const cardColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  lead: articles.lead,
  // Drafts (seen only in preview) have no publish time yet: show when they were last saved.
  publishedAt: sql<Date>`coalesce(${articles.publishedAt}, ${articles.updatedAt})`.mapWith(articles.publishedAt),
  sectionSlug: sections.slug,
  sectionName: sections.name,
  authorName: authors.name,
};

/** Public reads see only what is live: published, with a publish time already past. */
const isLive = () => and(eq(articles.status, 'published'), lte(articles.publishedAt, sql`now()`));

function cards() {
  return db
    .select(cardColumns)
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(authors, eq(authors.id, articles.authorId));
}

// React `cache()` keys each call by its arguments, objects by identity: a page and its
// generateMetadata share a query only when they pass equal primitives. So every cached read
// below takes primitives, with no defaults (`f()` and `f(10)` would be two keys).

export const listLatestArticles = cache(async (limit: number): Promise<ArticleCard[]> => {
  return cards().where(isLive()).orderBy(desc(articles.publishedAt), desc(articles.id)).limit(limit);
});

export const listSectionArticles = cache(async (sectionId: number, limit: number): Promise<ArticleCard[]> => {
  return cards()
    .where(and(isLive(), eq(articles.sectionId, sectionId)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
});

/** Most read over the last `days` days (Vietnam calendar days), from the per-day counters. */
export const listMostRead = cache(async (days: number, limit: number): Promise<(ArticleCard & { views: number })[]> => {
  const since = sql`(now() at time zone 'Asia/Ho_Chi_Minh')::date - ${days - 1}::int`;
  const views = db
    .select({ articleId: articleViewDays.articleId, views: sql<number>`sum(${articleViewDays.views})::int`.as('views') })
    .from(articleViewDays)
    .where(gte(articleViewDays.day, since))
    .groupBy(articleViewDays.articleId)
    .as('v');
  return db
    .select({ ...cardColumns, views: views.views })
    .from(articles)
    .innerJoin(views, eq(views.articleId, articles.id))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(authors, eq(authors.id, articles.authorId))
    .where(isLive())
    .orderBy(desc(views.views), desc(articles.publishedAt))
    .limit(limit);
});

/** Everything the public article page shows; null unless the article is live. */
export type PublicArticle = ArticleCard & {
  bodyHtml: string;
  updatedAt: Date;
  viewCount: number;
  sectionId: number | null;
  authorSlug: string | null;
  coverAlt: string;
  cover: { storageKey: string; width: number; height: number; variants: { width: number; key: string }[] } | null;
  tags: { slug: string; name: string }[];
};

async function fetchArticle(where: SQL | undefined): Promise<PublicArticle | null> {
  const [row] = await db
    .select({
      ...cardColumns,
      bodyHtml: articles.bodyHtml,
      updatedAt: articles.updatedAt,
      viewCount: sql<number>`coalesce(${articleViewTotals.views}, 0)::int`,
      sectionId: articles.sectionId,
      authorSlug: authors.slug,
      coverAlt: articles.coverAlt,
      coverKey: media.storageKey,
      coverWidth: media.width,
      coverHeight: media.height,
      coverVariants: media.variants,
    })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(authors, eq(authors.id, articles.authorId))
    .leftJoin(media, eq(media.id, articles.coverMediaId))
    .leftJoin(articleViewTotals, eq(articleViewTotals.articleId, articles.id))
    .where(where)
    .limit(1);
  if (!row) return null;
  const tagRows = await db
    .select({ slug: tags.slug, name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, row.id))
    .orderBy(asc(tags.name));
  const { coverKey, coverWidth, coverHeight, coverVariants, ...article } = row;
  return {
    ...article,
    cover:
      coverKey && coverWidth && coverHeight
        ? { storageKey: coverKey, width: coverWidth, height: coverHeight, variants: coverVariants ?? [] }
        : null,
    tags: tagRows,
  };
}

export const getPublishedArticleBySlug = cache(
  async (slug: string): Promise<PublicArticle | null> => fetchArticle(and(isLive(), eq(articles.slug, slug))),
);

/** Any article by slug, whatever its status, for the newsroom's preview (draft mode). */
export async function getArticlePreview(viewer: { id: string; role: Role }, slug: string): Promise<PublicArticle | null> {
  assertCan(viewer, 'articles:write-own');
  const own = can(viewer.role, 'articles:write-any') ? undefined : eq(articles.createdBy, viewer.id);
  return fetchArticle(and(eq(articles.slug, slug), own));
}

/**
 * Articles of the same section published after (`newer`) or before (`older`) the given one
 * (its id, section and publish time, as an ISO string: a Date would be a new cache key each call).
 */
export const listSectionNeighbours = cache(
  async (articleId: number, sectionId: number | null, publishedAt: string, direction: 'newer' | 'older', limit: number) => {
    if (sectionId === null) return [];
    const newer = direction === 'newer';
    const position = newer
      ? sql`(${articles.publishedAt}, ${articles.id}) > (${publishedAt}::timestamptz, ${articleId})`
      : sql`(${articles.publishedAt}, ${articles.id}) < (${publishedAt}::timestamptz, ${articleId})`;
    const rows = await cards()
      .where(and(isLive(), eq(articles.sectionId, sectionId), position))
      .orderBy(newer ? asc(articles.publishedAt) : desc(articles.publishedAt), newer ? asc(articles.id) : desc(articles.id))
      .limit(limit);
    // Newest first in both lists, as a reader scans them.
    return newer ? rows.reverse() : rows;
  },
);

/** Slugs to prerender at build: the most recent only, so builds do not grow with the archive. */
export async function listRecentSlugs(limit = 50): Promise<string[]> {
  const rows = await db
    .select({ slug: articles.slug })
    .from(articles)
    .where(isLive())
    .orderBy(desc(articles.publishedAt))
    .limit(limit);
  return rows.map((r) => r.slug);
}

export const PAGE_SIZE = 20;

export type ArticlePage = { items: ArticleCard[]; total: number; page: number; pages: number };

export type ArchiveKind = 'section' | 'tag' | 'author';

/** One page (20 a page) of live articles of a section, tag or author (by id), newest first. */
export const listArticlePage = cache(async (kind: ArchiveKind, id: number, page: number): Promise<ArticlePage> => {
  const condition =
    kind === 'section'
      ? eq(articles.sectionId, id)
      : kind === 'author'
        ? eq(articles.authorId, id)
        : sql`exists (select 1 from ${articleTags} where ${articleTags.articleId} = ${articles.id} and ${articleTags.tagId} = ${id})`;
  const where = and(isLive(), condition);
  const [items, [counted]] = await Promise.all([
    cards()
      .where(where)
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(articles).where(where),
  ]);
  const total = counted?.n ?? 0;
  return { items, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
});

/** Newest live articles for a feed (optionally one section's), with what an RSS item needs. */
export async function listFeedArticles(sectionId: number | null, limit = 30) {
  return cards()
    .where(sectionId === null ? isLive() : and(isLive(), eq(articles.sectionId, sectionId)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
}

/** Slugs and modification times of live articles for the sitemap, newest first. */
export async function listSitemapArticles(limit: number, publishedSince?: Date) {
  const where = publishedSince
    ? and(isLive(), gte(articles.publishedAt, sql`${publishedSince.toISOString()}::timestamptz`))
    : isLive();
  return db
    .select({
      slug: articles.slug,
      title: articles.title,
      publishedAt: sql<Date>`${articles.publishedAt}`.mapWith(articles.publishedAt),
      updatedAt: articles.updatedAt,
      // The latest correction added or edited (issue 16): the page changed then too.
      // Written out in full: drizzle renders a lone table's column unqualified, and a bare "id"
      // inside the subquery would be the correction's own.
      correctedAt: sql<Date | null>`(select max(c.updated_at) from article_corrections c where c.article_id = "articles"."id")`.mapWith(articles.updatedAt),
    })
    .from(articles)
    .where(where)
    .orderBy(desc(articles.publishedAt))
    .limit(limit);
}

export type CitedDocument = { slug: string; number: string; typeName: string; issuedOn: string; abstract: string };

const documentType = alias(documentTerms, 'document_type');

/**
 * `Văn bản liên quan` of an article: the published documents it cites, in the editor's order
 * (a draft or unpublished document is left out until it is live).
 */
export const listCitedDocuments = cache(async (articleId: number): Promise<CitedDocument[]> => {
  return db
    .select({ slug: documents.slug, number: documents.number, typeName: documentType.name, issuedOn: documents.issuedOn, abstract: documents.abstract })
    .from(articleDocuments)
    .innerJoin(documents, eq(documents.id, articleDocuments.documentId))
    .innerJoin(documentType, eq(documentType.id, documents.typeId))
    .where(and(eq(articleDocuments.articleId, articleId), eq(documents.status, 'published')))
    .orderBy(asc(articleDocuments.position), asc(articleDocuments.documentId));
});
