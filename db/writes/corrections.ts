import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { articleCorrections, articleCorrectionVersions, articles, sections } from '@/db/schema';
import { recordAudit } from '@/db/writes/audit';
import { assertCan, type Role } from '@/lib/auth/permissions';
import { CORRECTION_MESSAGES, MAX_CORRECTION_VERSIONS, MAX_CORRECTIONS_PER_ARTICLE } from '@/lib/corrections';

export type Corrector = { id: string; email: string; role: Role };

/** An expected refusal, with the form field it belongs beside (if any). */
export class CorrectionError extends Error {
  constructor(
    message: string,
    readonly field?: 'body' | 'reason',
  ) {
    super(message);
  }
}

/** What the action refreshes: the article's page, its section's feed, and the correction's id. */
export type SavedCorrection = { correctionId: number; articleId: number; version: number; slug: string; sectionSlug: string | null };

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/**
 * The article, locked for the rest of the transaction: two corrections added at once cannot
 * pass the per-article limit together, and it cannot be unpublished halfway through.
 */
async function lockPublishedArticle(tx: Tx, articleId: number) {
  const [article] = await tx
    .select({ id: articles.id, slug: articles.slug, status: articles.status, sectionSlug: sections.slug })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(eq(articles.id, articleId))
    .for('update', { of: articles });
  if (!article) throw new CorrectionError(CORRECTION_MESSAGES.notFound);
  if (article.status !== 'published') throw new CorrectionError(CORRECTION_MESSAGES.notPublished);
  return article;
}

/**
 * Adds a correction to a published article: the correction, its version 1 and the audit entry
 * `article.correction.add`, in one transaction. Its time is now, when it is added.
 */
export async function addCorrection(articleId: number, body: string, by: Corrector, ip: string | null): Promise<SavedCorrection> {
  assertCan(by, 'articles:correct');
  return db.transaction(async (tx) => {
    const article = await lockPublishedArticle(tx, articleId);
    const [counted] = await tx.select({ n: sql<number>`count(*)::int` }).from(articleCorrections).where(eq(articleCorrections.articleId, articleId));
    if ((counted?.n ?? 0) >= MAX_CORRECTIONS_PER_ARTICLE) throw new CorrectionError(CORRECTION_MESSAGES.tooMany, 'body');
    const [created] = await tx
      .insert(articleCorrections)
      .values({ articleId, body, version: 1, createdBy: by.id, updatedBy: by.id })
      .returning({ id: articleCorrections.id, createdAt: articleCorrections.createdAt });
    if (!created) throw new Error('insert returned nothing');
    await tx.insert(articleCorrectionVersions).values({ correctionId: created.id, version: 1, body, reason: '', changedAt: created.createdAt, changedBy: by.id });
    await recordAudit(
      {
        actor: { id: by.id, email: by.email },
        action: 'article.correction.add',
        entityType: 'article',
        entityId: articleId,
        details: { correctionId: created.id, version: 1, slug: article.slug, length: body.length },
        ip,
      },
      tx,
    );
    return { correctionId: created.id, articleId, version: 1, slug: article.slug, sectionSlug: article.sectionSlug };
  });
}

/**
 * Changes a correction's text: a new version row with the reason, the correction's current
 * text and time, and the audit entry `article.correction.edit`, in one transaction. `version`
 * is the one the form was loaded at; an edit over a newer one is refused. The time readers see
 * as the correction's own stays when it was added; the edit shows as "sửa lúc …".
 */
export async function editCorrection(
  input: { articleId: number; correctionId: number; version: number; body: string; reason: string },
  by: Corrector,
  ip: string | null,
): Promise<SavedCorrection> {
  assertCan(by, 'articles:correct');
  return db.transaction(async (tx) => {
    const article = await lockPublishedArticle(tx, input.articleId);
    const [current] = await tx
      .select({ id: articleCorrections.id, body: articleCorrections.body, version: articleCorrections.version })
      .from(articleCorrections)
      .where(and(eq(articleCorrections.id, input.correctionId), eq(articleCorrections.articleId, input.articleId)))
      .for('update');
    if (!current) throw new CorrectionError(CORRECTION_MESSAGES.correctionNotFound);
    if (current.version !== input.version) throw new CorrectionError(CORRECTION_MESSAGES.stale);
    if (current.body === input.body) throw new CorrectionError(CORRECTION_MESSAGES.unchanged, 'body');
    if (current.version >= MAX_CORRECTION_VERSIONS) throw new CorrectionError(CORRECTION_MESSAGES.tooManyVersions);
    const version = current.version + 1;
    const now = new Date();
    await tx.insert(articleCorrectionVersions).values({ correctionId: current.id, version, body: input.body, reason: input.reason, changedAt: now, changedBy: by.id });
    await tx.update(articleCorrections).set({ body: input.body, version, updatedAt: now, updatedBy: by.id }).where(eq(articleCorrections.id, current.id));
    await recordAudit(
      {
        actor: { id: by.id, email: by.email },
        action: 'article.correction.edit',
        entityType: 'article',
        entityId: input.articleId,
        details: { correctionId: current.id, fromVersion: current.version, version, slug: article.slug, reason: input.reason },
        ip,
      },
      tx,
    );
    return { correctionId: current.id, articleId: input.articleId, version, slug: article.slug, sectionSlug: article.sectionSlug };
  });
}
