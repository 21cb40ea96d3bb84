import 'server-only';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { articleDocuments, articleRevisions, articles, articleTags, authors, documents, media, sections, tags, users } from '@/db/schema';
import { assertCan, can, type Role } from '@/lib/auth/permissions';

type Viewer = { id: string; role: Role };

export const DASHBOARD_PAGE_SIZE = 25;
export const ARTICLE_STATUSES = ['draft', 'review', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** Reporters see their own articles only; editors and admins see all. */
function visibleTo(viewer: Viewer): SQL | undefined {
  return can(viewer.role, 'articles:write-any') ? undefined : eq(articles.createdBy, viewer.id);
}

export type DashboardFilter = { status: ArticleStatus | null; sectionId: number | null; authorId: number | null; q: string };

export async function listDashboardArticles(viewer: Viewer, filter: DashboardFilter, page: number) {
  assertCan(viewer, 'articles:write-own');
  const where = and(
    visibleTo(viewer),
    filter.status ? eq(articles.status, filter.status) : undefined,
    filter.sectionId ? eq(articles.sectionId, filter.sectionId) : undefined,
    filter.authorId ? eq(articles.authorId, filter.authorId) : undefined,
    filter.q
      ? sql`lower(immutable_unaccent(${articles.title})) like '%' || lower(immutable_unaccent(${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)})) || '%'`
      : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: articles.id,
        title: articles.title,
        slug: articles.slug,
        status: articles.status,
        publishedAt: articles.publishedAt,
        updatedAt: articles.updatedAt,
        sectionName: sections.name,
        authorName: authors.name,
        ownerName: users.name,
      })
      .from(articles)
      .leftJoin(sections, eq(sections.id, articles.sectionId))
      .leftJoin(authors, eq(authors.id, articles.authorId))
      .leftJoin(users, eq(users.id, articles.createdBy))
      .where(where)
      .orderBy(desc(articles.updatedAt), desc(articles.id))
      .limit(DASHBOARD_PAGE_SIZE)
      .offset((page - 1) * DASHBOARD_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(articles).where(where),
  ]);
  const total = counted?.n ?? 0;
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / DASHBOARD_PAGE_SIZE)) };
}

export type EditableArticle = {
  id: number;
  version: number;
  title: string;
  slug: string;
  lead: string;
  bodyHtml: string;
  status: ArticleStatus;
  sectionId: number | null;
  publishedAt: Date | null;
  authorName: string;
  coverMediaId: number | null;
  coverAlt: string;
  tagNames: string[];
  /** `Văn bản liên quan`, in order (any status). */
  documents: { id: number; number: string; abstract: string }[];
  createdBy: string | null;
  updatedAt: Date;
};

/** An article for the editor form; null when missing or not the viewer's to see. */
export async function getArticleForEdit(viewer: Viewer, id: number): Promise<EditableArticle | null> {
  assertCan(viewer, 'articles:write-own');
  const [row] = await db
    .select({
      id: articles.id,
      version: articles.version,
      title: articles.title,
      slug: articles.slug,
      lead: articles.lead,
      bodyHtml: articles.bodyHtml,
      status: articles.status,
      sectionId: articles.sectionId,
      publishedAt: articles.publishedAt,
      authorName: sql<string>`coalesce(${authors.name}, '')`,
      coverMediaId: articles.coverMediaId,
      coverAlt: articles.coverAlt,
      createdBy: articles.createdBy,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .leftJoin(authors, eq(authors.id, articles.authorId))
    .where(and(eq(articles.id, id), visibleTo(viewer)))
    .limit(1);
  if (!row) return null;
  const tagRows = await db
    .select({ name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, id))
    .orderBy(asc(tags.name));
  const cited = await db
    .select({ id: documents.id, number: documents.number, abstract: documents.abstract })
    .from(articleDocuments)
    .innerJoin(documents, eq(documents.id, articleDocuments.documentId))
    .where(eq(articleDocuments.articleId, id))
    .orderBy(asc(articleDocuments.position), asc(articleDocuments.documentId));
  return { ...row, tagNames: tagRows.map((t) => t.name), documents: cited };
}

export async function listSectionOptions(viewer: Viewer) {
  assertCan(viewer, 'articles:write-own');
  return db.select({ id: sections.id, name: sections.name }).from(sections).orderBy(asc(sections.position), asc(sections.name));
}

export async function listAuthorOptions(viewer: Viewer) {
  assertCan(viewer, 'articles:write-own');
  return db.select({ id: authors.id, name: authors.name }).from(authors).orderBy(asc(authors.name));
}

export async function listMediaOptions(viewer: Viewer) {
  assertCan(viewer, 'media:upload');
  return db.select({ id: media.id, alt: media.alt }).from(media).orderBy(desc(media.createdAt)).limit(200);
}

/** Revisions of an article the viewer may see, newest first (who and when). */
export async function listRevisions(viewer: Viewer, articleId: number) {
  assertCan(viewer, 'articles:write-own');
  if (!(await getArticleForEdit(viewer, articleId))) return null;
  return db
    .select({
      id: articleRevisions.id,
      version: articleRevisions.version,
      title: articleRevisions.title,
      createdAt: articleRevisions.createdAt,
      authorName: users.name,
      status: sql<string>`${articleRevisions.meta}->>'status'`,
    })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.createdBy))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.version), desc(articleRevisions.id))
    .limit(200);
}

export async function getRevision(viewer: Viewer, articleId: number, revisionId: number) {
  assertCan(viewer, 'articles:write-own');
  if (!(await getArticleForEdit(viewer, articleId))) return null;
  const [row] = await db
    .select({
      id: articleRevisions.id,
      version: articleRevisions.version,
      title: articleRevisions.title,
      lead: articleRevisions.lead,
      bodyHtml: articleRevisions.bodyHtml,
      meta: articleRevisions.meta,
      createdAt: articleRevisions.createdAt,
      savedBy: users.name,
    })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.createdBy))
    .where(and(eq(articleRevisions.articleId, articleId), eq(articleRevisions.id, revisionId)))
    .limit(1);
  if (!row) return null;
  // Names as they are now, for restoring: a restored revision re-links the same tags and byline.
  const tagNames = row.meta.tagIds.length
    ? (await db.select({ name: tags.name }).from(tags).where(inArray(tags.id, row.meta.tagIds))).map((t) => t.name)
    : [];
  const [author] = row.meta.authorId
    ? await db.select({ name: authors.name }).from(authors).where(eq(authors.id, row.meta.authorId))
    : [];
  // The revision's documents that still exist, in its order; undefined for a revision saved
  // before documents existed (restoring it leaves the article's documents as they are).
  let documentIds: number[] | undefined;
  if (row.meta.documentIds) {
    const existing = row.meta.documentIds.length
      ? new Set((await db.select({ id: documents.id }).from(documents).where(inArray(documents.id, row.meta.documentIds))).map((d) => d.id))
      : new Set<number>();
    documentIds = row.meta.documentIds.filter((id) => existing.has(id));
  }
  return { ...row, tagNames, authorName: author?.name ?? null, documentIds };
}
