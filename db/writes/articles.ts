import 'server-only';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { db } from '@/db';
import { articleDocuments, articleRevisions, articles, articleSlugHistory, articleTags, authors, documents, media, sections, tags, type RevisionMeta } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/db/writes/audit';
import type { Role } from '@/lib/auth/permissions';
import { sanitizeArticleHtml } from '@/lib/sanitize';
import { slugify } from '@/lib/vietnamese';
import { mayEdit, mayUseIntent, nextStatus, REFUSALS, type ArticleIntent } from '@/lib/workflow';

export { mayEdit, type ArticleIntent };
// The schema's enum; lib/workflow.ts has its own list (lib/ may not import db). Reading a row
// into nextStatus and writing its answer back checks, in both directions, that they agree.
type Status = (typeof articles.$inferSelect)['status'];

export type ArticleInput = {
  id: number | null;
  /** The version the form was loaded at; a save over a newer one is refused. */
  version: number | null;
  title: string;
  slug: string;
  lead: string;
  bodyHtml: string;
  sectionId: number | null;
  tagNames: string[];
  authorName: string | null;
  publishedAt: Date | null;
  coverMediaId: number | null;
  coverAlt: string;
  /**
   * `Văn bản liên quan`, in order; `undefined` leaves the article's documents as they are (a
   * form without the field, a revision saved before documents existed).
   */
  documentIds?: number[];
};

/** Most documents one article may cite. */
export const MAX_ARTICLE_DOCUMENTS = 50;

export type Editor = { id: string; email: string; role: Role };

export class ArticleError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Someone saved in between: the form's version is behind the database's. */
export class ArticleConflict extends Error {
  constructor(readonly currentVersion: number) {
    super('conflict');
  }
}

export type SavedArticle = {
  id: number;
  slug: string;
  previousSlug: string | null;
  status: Status;
  version: number;
  sectionSlug: string | null;
  tagSlugs: string[];
  authorSlug: string | null;
  /** Where the article was listed before this save (section, tags, byline), to refresh too. */
  previous: { sectionSlug: string | null; tagSlugs: string[]; authorSlug: string | null };
  /** Readers could see it before or after this save: public pages need refreshing. */
  touchesPublic: boolean;
  /** Documents cited before or after this save: their pages list the article. */
  documentSlugs: string[];
};

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

async function resolveTags(tx: Tx, names: string[]): Promise<{ id: number; slug: string }[]> {
  const wanted = new Map<string, string>();
  for (const name of names) {
    const slug = slugify(name, 60);
    if (slug && !wanted.has(slug)) wanted.set(slug, name);
  }
  if (wanted.size === 0) return [];
  await tx
    .insert(tags)
    .values([...wanted].map(([slug, name]) => ({ slug, name })))
    .onConflictDoNothing({ target: tags.slug });
  return tx.select({ id: tags.id, slug: tags.slug }).from(tags).where(inArray(tags.slug, [...wanted.keys()]));
}

async function resolveAuthor(tx: Tx, name: string | null): Promise<{ id: number; slug: string } | null> {
  if (!name) return null;
  const slug = slugify(name, 80);
  if (!slug) return null;
  await tx.insert(authors).values({ slug, name }).onConflictDoNothing({ target: authors.slug });
  const [row] = await tx.select({ id: authors.id, slug: authors.slug }).from(authors).where(eq(authors.slug, slug));
  return row ?? null;
}

/**
 * Saves an article with the chosen workflow step, in one transaction: the row, its tags,
 * the former slug (for the 301), a revision and, for publishing, an audit entry.
 */
export async function saveArticle(
  input: ArticleInput,
  intent: ArticleIntent,
  editor: Editor,
  ip: string,
  options: { restoredFromVersion?: number; onlyIfDraft?: boolean } = {},
): Promise<SavedArticle> {
  // Refused before any work, even for an article that does not exist.
  if (!mayUseIntent(editor.role, intent)) throw new ArticleError(REFUSALS.forbidden);
  const bodyHtml = sanitizeArticleHtml(input.bodyHtml);

  return saveInTransaction(input, intent, editor, ip, options, bodyHtml).catch((error: unknown) => {
    // Two saves taking the same slug at the same moment: the unique index decides.
    if (uniqueViolation(error) === 'articles_slug_key') throw new ArticleError('Đường dẫn này đã được dùng cho bài khác.', 'slug');
    throw error;
  });
}

function uniqueViolation(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint_name: constraint } = e as { code?: string; constraint_name?: string };
    if (code === '23505') return constraint ?? '';
  }
  return null;
}

async function saveInTransaction(
  input: ArticleInput,
  intent: ArticleIntent,
  editor: Editor,
  ip: string,
  options: { restoredFromVersion?: number; onlyIfDraft?: boolean },
  bodyHtml: string,
): Promise<SavedArticle> {
  return db.transaction(async (tx) => {
    let current: { id: number; status: Status; slug: string; version: number; createdBy: string | null; publishedAt: Date | null } | null = null;
    let previous: SavedArticle['previous'] = { sectionSlug: null, tagSlugs: [], authorSlug: null };
    if (input.id !== null) {
      const [row] = await tx
        .select({
          id: articles.id,
          status: articles.status,
          slug: articles.slug,
          version: articles.version,
          createdBy: articles.createdBy,
          publishedAt: articles.publishedAt,
        })
        .from(articles)
        .where(eq(articles.id, input.id))
        .for('update');
      if (!row) throw new ArticleError('Không tìm thấy bài viết.');
      current = row;
      previous = await listingOf(tx, row.id);
      // Before the version check: a stranger learns nothing about newer versions.
      if (!mayEdit(editor, row)) throw new ArticleError(REFUSALS['not-own-draft']);
      if (input.version !== row.version) throw new ArticleConflict(row.version);
      if (options.onlyIfDraft && row.status !== 'draft') throw new ArticleError('Chỉ bản nháp mới được tự động lưu.');
    }

    const taken = await tx
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.slug, input.slug), input.id === null ? undefined : ne(articles.id, input.id)))
      .limit(1);
    const takenBefore = await tx
      .select({ articleId: articleSlugHistory.articleId })
      .from(articleSlugHistory)
      .where(and(eq(articleSlugHistory.slug, input.slug), input.id === null ? undefined : ne(articleSlugHistory.articleId, input.id)))
      .limit(1);
    if (taken.length > 0 || takenBefore.length > 0) throw new ArticleError('Đường dẫn này đã được dùng cho bài khác.', 'slug');

    // The role and ownership were checked above (in that order); the step itself is decided here.
    const step = nextStatus(current, intent, editor, { requestedPublishedAt: input.publishedAt, now: new Date() });
    if (!step.ok) throw new ArticleError(step.message);
    const { status, publishedAt } = step;

    const [section] = input.sectionId
      ? await tx.select({ id: sections.id, slug: sections.slug }).from(sections).where(eq(sections.id, input.sectionId))
      : [];
    if (input.sectionId && !section) throw new ArticleError('Chuyên mục không tồn tại.', 'sectionId');
    if (input.coverMediaId !== null) {
      const [cover] = await tx.select({ id: media.id }).from(media).where(eq(media.id, input.coverMediaId));
      if (!cover) throw new ArticleError('Ảnh đại diện không tồn tại trong thư viện.', 'coverMediaId');
      if (!input.coverAlt) throw new ArticleError('Vui lòng nhập mô tả cho ảnh đại diện.', 'coverAlt');
    }
    const author = await resolveAuthor(tx, input.authorName);
    const tagRows = await resolveTags(tx, input.tagNames);
    const version = (current?.version ?? 0) + 1;
    const fields = {
      title: input.title,
      slug: input.slug,
      lead: input.lead,
      bodyHtml,
      status,
      publishedAt,
      sectionId: section?.id ?? null,
      authorId: author?.id ?? null,
      coverMediaId: input.coverMediaId,
      coverAlt: input.coverMediaId === null ? '' : input.coverAlt,
      updatedBy: editor.id,
      updatedAt: new Date(),
      version,
    };

    let id: number;
    if (input.id === null) {
      const [created] = await tx.insert(articles).values({ ...fields, createdBy: editor.id }).returning({ id: articles.id });
      if (!created) throw new Error('insert returned nothing');
      id = created.id;
    } else {
      id = input.id;
      await tx.update(articles).set(fields).where(eq(articles.id, id));
      await tx.delete(articleTags).where(eq(articleTags.articleId, id));
    }
    if (tagRows.length > 0) await tx.insert(articleTags).values(tagRows.map((t) => ({ articleId: id, tagId: t.id })));
    const cited = await saveDocuments(tx, id, input.id === null, input.documentIds);

    const previousSlug = current && current.slug !== input.slug ? current.slug : null;
    if (previousSlug && current && current.status !== 'draft') {
      await tx
        .insert(articleSlugHistory)
        .values({ slug: previousSlug, articleId: id })
        .onConflictDoUpdate({ target: articleSlugHistory.slug, set: { articleId: id, createdAt: new Date() } });
    }
    // An article taking back one of its own former slugs no longer redirects from it.
    await tx.delete(articleSlugHistory).where(and(eq(articleSlugHistory.slug, input.slug), eq(articleSlugHistory.articleId, id)));

    const meta: RevisionMeta = {
      slug: input.slug,
      status,
      sectionId: section?.id ?? null,
      authorId: author?.id ?? null,
      tagIds: tagRows.map((t) => t.id),
      coverMediaId: input.coverMediaId,
      coverAlt: input.coverMediaId === null ? '' : input.coverAlt,
      publishedAt: publishedAt?.toISOString() ?? null,
      documentIds: cited.ids,
    };
    await tx.insert(articleRevisions).values({ articleId: id, version, title: input.title, lead: input.lead, bodyHtml, meta, createdBy: editor.id });

    if (options.restoredFromVersion !== undefined) {
      await recordAudit(
        { actor: { id: editor.id, email: editor.email }, action: 'article.restore', entityType: 'article', entityId: id, details: { slug: input.slug, fromVersion: options.restoredFromVersion, newVersion: version }, ip },
        tx,
      );
    }

    if (step.audit) {
      await recordAudit(
        { actor: { id: editor.id, email: editor.email } satisfies AuditActor, action: step.audit, entityType: 'article', entityId: id, details: { slug: input.slug, title: input.title, publishedAt: publishedAt?.toISOString() }, ip },
        tx,
      );
    }

    return {
      id,
      slug: input.slug,
      previousSlug,
      status,
      version,
      sectionSlug: section?.slug ?? null,
      tagSlugs: tagRows.map((t) => t.slug),
      authorSlug: author?.slug ?? null,
      previous,
      touchesPublic: step.touchesPublic,
      documentSlugs: cited.slugs,
    };
  });
}

/**
 * Writes `Văn bản liên quan` (position = order) unless `wanted` is undefined; returns the ids
 * now cited, in order, and the slugs of every document cited before or after (their pages
 * name the article). Any status may be cited: the article page shows only published ones.
 */
async function saveDocuments(tx: Tx, articleId: number, isNew: boolean, wanted: number[] | undefined): Promise<{ ids: number[]; slugs: string[] }> {
  const before = isNew
    ? []
    : await tx
        .select({ id: documents.id, slug: documents.slug })
        .from(articleDocuments)
        .innerJoin(documents, eq(documents.id, articleDocuments.documentId))
        .where(eq(articleDocuments.articleId, articleId))
        .orderBy(articleDocuments.position, articleDocuments.documentId);
  if (wanted === undefined) return { ids: before.map((d) => d.id), slugs: before.map((d) => d.slug) };
  const ids = [...new Set(wanted)];
  if (ids.length > MAX_ARTICLE_DOCUMENTS) throw new ArticleError(`Tối đa ${MAX_ARTICLE_DOCUMENTS} văn bản liên quan.`, 'documentIds');
  // Locked, so a document deleted at this moment cannot leave a dangling citation half-written.
  const found = ids.length ? await tx.select({ id: documents.id, slug: documents.slug }).from(documents).where(inArray(documents.id, ids)).for('share') : [];
  if (found.length !== ids.length) throw new ArticleError('Một văn bản đã chọn không còn tồn tại. Vui lòng chọn lại.', 'documentIds');
  if (!isNew) await tx.delete(articleDocuments).where(eq(articleDocuments.articleId, articleId));
  if (ids.length > 0) await tx.insert(articleDocuments).values(ids.map((documentId, position) => ({ articleId, documentId, position })));
  return { ids, slugs: [...new Set([...before.map((d) => d.slug), ...found.map((d) => d.slug)])] };
}

/** Where an article is listed: its section, tags and byline (for refreshing those pages). */
async function listingOf(tx: Tx, articleId: number): Promise<SavedArticle['previous']> {
  const [row] = await tx
    .select({ sectionSlug: sections.slug, authorSlug: authors.slug })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(authors, eq(authors.id, articles.authorId))
    .where(eq(articles.id, articleId));
  const tagRows = await tx
    .select({ slug: tags.slug })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, articleId));
  return { sectionSlug: row?.sectionSlug ?? null, authorSlug: row?.authorSlug ?? null, tagSlugs: tagRows.map((t) => t.slug) };
}

export type DueArticle = { slug: string; sectionSlug: string | null; tagSlugs: string[]; authorSlug: string | null };

/**
 * Scheduled articles whose time has come go live, with their audit rows in the same
 * transaction; returns what to refresh. SKIP LOCKED makes it safe on many instances at once.
 */
export async function publishDueArticles(): Promise<DueArticle[]> {
  return db.transaction(async (tx) => {
    const due = await tx.execute<{ id: number; slug: string }>(sql`
      update articles set status = 'published', updated_at = now()
       where id in (select id from articles where status = 'scheduled' and published_at <= now() for update skip locked)
      returning id, slug`);
    const result: DueArticle[] = [];
    for (const row of due) {
      await recordAudit({ actor: null, action: 'article.publish', entityType: 'article', entityId: row.id, details: { slug: row.slug, scheduled: true } }, tx);
      result.push({ slug: row.slug, ...(await listingOf(tx, row.id)) });
    }
    return result;
  });
}
