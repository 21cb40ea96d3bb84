import 'server-only';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '@/db';
import { articleCorrections, articleCorrectionVersions, articles, users } from '@/db/schema';
import { assertCan, type Role } from '@/lib/auth/permissions';
import { CORRECTIONS_PAGE_SIZE, FEED_CORRECTIONS_PER_ITEM, MAX_CORRECTION_VERSIONS, MAX_CORRECTIONS_PER_ARTICLE, type PublicCorrection } from '@/lib/corrections';

type Viewer = { id: string; role: Role };

/** Public reads see corrections of live articles only (as db/queries/articles.ts `isLive`). */
const isLive = () => and(eq(articles.status, 'published'), lte(articles.publishedAt, sql`now()`));

export type CorrectionVersionRow = { version: number; body: string; reason: string; changedAt: Date; changedByName: string | null };
export type DashboardCorrection = {
  id: number;
  body: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  createdByName: string | null;
  /** Newest first. */
  versions: CorrectionVersionRow[];
};

/** An article's corrections with their whole history, newest first, for its editor page (editors and admins). */
export async function listCorrectionsForEdit(viewer: Viewer, articleId: number): Promise<DashboardCorrection[]> {
  assertCan(viewer, 'articles:correct');
  const rows = await db
    .select({
      id: articleCorrections.id,
      body: articleCorrections.body,
      version: articleCorrections.version,
      createdAt: articleCorrections.createdAt,
      updatedAt: articleCorrections.updatedAt,
      createdByName: users.name,
    })
    .from(articleCorrections)
    .leftJoin(users, eq(users.id, articleCorrections.createdBy))
    .where(eq(articleCorrections.articleId, articleId))
    .orderBy(desc(articleCorrections.createdAt), desc(articleCorrections.id))
    .limit(MAX_CORRECTIONS_PER_ARTICLE);
  if (rows.length === 0) return [];
  const versions = await db
    .select({
      correctionId: articleCorrectionVersions.correctionId,
      version: articleCorrectionVersions.version,
      body: articleCorrectionVersions.body,
      reason: articleCorrectionVersions.reason,
      changedAt: articleCorrectionVersions.changedAt,
      changedByName: users.name,
    })
    .from(articleCorrectionVersions)
    .leftJoin(users, eq(users.id, articleCorrectionVersions.changedBy))
    .where(inArray(articleCorrectionVersions.correctionId, rows.map((r) => r.id)))
    .orderBy(desc(articleCorrectionVersions.version))
    .limit(MAX_CORRECTIONS_PER_ARTICLE * MAX_CORRECTION_VERSIONS);
  return rows.map((r) => ({
    ...r,
    versions: versions.filter((v) => v.correctionId === r.id).map(({ correctionId: _, ...v }) => v),
  }));
}

/** The corrections of a live article, newest first (the article page, its metadata and JSON-LD). */
export const listArticleCorrections = cache(async (articleId: number): Promise<PublicCorrection[]> => {
  return db
    .select({ id: articleCorrections.id, body: articleCorrections.body, createdAt: articleCorrections.createdAt, updatedAt: articleCorrections.updatedAt })
    .from(articleCorrections)
    .where(eq(articleCorrections.articleId, articleId))
    .orderBy(desc(articleCorrections.createdAt), desc(articleCorrections.id))
    .limit(MAX_CORRECTIONS_PER_ARTICLE);
});

export type ListedCorrection = PublicCorrection & { articleSlug: string; articleTitle: string };
export type CorrectionsPage = { items: ListedCorrection[]; total: number; page: number; pages: number };

/** `/dinh-chinh`: every correction of a live article, newest first, 20 a page. */
export const listCorrectionsPage = cache(async (page: number): Promise<CorrectionsPage> => {
  const [items, [counted]] = await Promise.all([
    db
      .select({
        id: articleCorrections.id,
        body: articleCorrections.body,
        createdAt: articleCorrections.createdAt,
        updatedAt: articleCorrections.updatedAt,
        articleSlug: articles.slug,
        articleTitle: articles.title,
      })
      .from(articleCorrections)
      .innerJoin(articles, eq(articles.id, articleCorrections.articleId))
      .where(isLive())
      .orderBy(desc(articleCorrections.createdAt), desc(articleCorrections.id))
      .limit(CORRECTIONS_PAGE_SIZE)
      .offset((page - 1) * CORRECTIONS_PAGE_SIZE),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(articleCorrections)
      .innerJoin(articles, eq(articles.id, articleCorrections.articleId))
      .where(isLive()),
  ]);
  const total = counted?.n ?? 0;
  return { items, total, page, pages: Math.max(1, Math.ceil(total / CORRECTIONS_PAGE_SIZE)) };
});

export type FeedCorrections = { total: number; latestChange: Date; items: { body: string; createdAt: Date }[] };

/**
 * For the feed items of the given articles: how many corrections each has, when the latest was
 * added or edited, and the newest few (FEED_CORRECTIONS_PER_ITEM) with their text. One query,
 * bounded by the items' count.
 */
export async function listFeedCorrections(articleIds: number[]): Promise<Map<number, FeedCorrections>> {
  const result = new Map<number, FeedCorrections>();
  if (articleIds.length === 0) return result;
  const ranked = db
    .select({
      articleId: articleCorrections.articleId,
      body: articleCorrections.body,
      createdAt: articleCorrections.createdAt,
      updatedAt: articleCorrections.updatedAt,
      rank: sql<number>`row_number() over (partition by ${articleCorrections.articleId} order by ${articleCorrections.createdAt} desc, ${articleCorrections.id} desc)`.as('rank'),
      total: sql<number>`count(*) over (partition by ${articleCorrections.articleId})`.as('total'),
      latestChange: sql<Date>`max(${articleCorrections.updatedAt}) over (partition by ${articleCorrections.articleId})`.as('latest_change'),
    })
    .from(articleCorrections)
    .where(inArray(articleCorrections.articleId, articleIds))
    .as('ranked');
  const rows = await db
    .select({
      articleId: ranked.articleId,
      body: ranked.body,
      createdAt: ranked.createdAt,
      total: sql<number>`${ranked.total}::int`,
      latestChange: sql<string>`${ranked.latestChange}`,
    })
    .from(ranked)
    .where(lte(ranked.rank, FEED_CORRECTIONS_PER_ITEM))
    .orderBy(asc(ranked.articleId), asc(ranked.rank));
  for (const row of rows) {
    let entry = result.get(row.articleId);
    if (!entry) {
      entry = { total: Number(row.total), latestChange: new Date(row.latestChange), items: [] };
      result.set(row.articleId, entry);
    }
    entry.items.push({ body: row.body, createdAt: row.createdAt });
  }
  return result;
}

/** When a correction of a live article was last added or edited (`/dinh-chinh`'s sitemap lastmod); null when none. */
export async function latestCorrectionChange(): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | null>`max(${articleCorrections.updatedAt})`.mapWith(articleCorrections.updatedAt) })
    .from(articleCorrections)
    .innerJoin(articles, eq(articles.id, articleCorrections.articleId))
    .where(isLive());
  return row?.at ?? null;
}
