import 'server-only';
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { articles, captchaChallenges, comments, rateLimitHits } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/db/writes/audit';
import { CAPTCHA_TTL_MINUTES } from '@/lib/captcha';

export const MIN_SECONDS_BETWEEN_COMMENTS = 15;
export const MAX_COMMENTS_PER_HOUR = 10;

export async function createCaptchaChallenge(answerHash: string): Promise<string> {
  const [row] = await db
    .insert(captchaChallenges)
    .values({ answerHash, expiresAt: sql`now() + make_interval(mins => ${CAPTCHA_TTL_MINUTES})` })
    .returning({ id: captchaChallenges.id });
  if (!row) throw new Error('captcha insert returned nothing');
  return row.id;
}

/**
 * Uses up a challenge whatever the answer (single use), and says whether the answer was
 * right. Expired, used or unknown challenges are refused.
 */
export async function consumeCaptcha(id: string, accept: (answerHash: string) => boolean): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  const [row] = await db
    .update(captchaChallenges)
    .set({ usedAt: new Date() })
    .where(and(eq(captchaChallenges.id, id), isNull(captchaChallenges.usedAt), gt(captchaChallenges.expiresAt, sql`now()`)))
    .returning({ answerHash: captchaChallenges.answerHash });
  return Boolean(row && accept(row.answerHash));
}

/** Seconds to wait before this address may comment again, or 0. Records nothing. */
export async function commentWaitSeconds(ipHash: string): Promise<number> {
  const [row] = await db
    .select({
      lastHour: sql<number>`count(*)::int`,
      latest: sql<string | null>`max(${rateLimitHits.createdAt})::text`,
      oldest: sql<string | null>`min(${rateLimitHits.createdAt})::text`,
    })
    .from(rateLimitHits)
    .where(and(eq(rateLimitHits.bucket, 'comment'), eq(rateLimitHits.key, ipHash), gt(rateLimitHits.createdAt, sql`now() - interval '1 hour'`)));
  if (!row?.latest) return 0;
  const sinceLatest = (Date.now() - new Date(row.latest).getTime()) / 1000;
  if (sinceLatest < MIN_SECONDS_BETWEEN_COMMENTS) return Math.ceil(MIN_SECONDS_BETWEEN_COMMENTS - sinceLatest);
  if (row.lastHour >= MAX_COMMENTS_PER_HOUR && row.oldest) {
    return Math.max(1, Math.ceil(3600 - (Date.now() - new Date(row.oldest).getTime()) / 1000));
  }
  return 0;
}

export async function recordCommentHit(ipHash: string): Promise<void> {
  await db.insert(rateLimitHits).values({ bucket: 'comment', key: ipHash });
}

/** Stores a reader's comment as pending. Returns false when the article is not live. */
export async function insertComment(input: {
  articleId: number;
  name: string;
  phone: string | null;
  title: string;
  content: string;
  ipHash: string;
  flags: string[];
}): Promise<boolean> {
  const [live] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.id, input.articleId), eq(articles.status, 'published'), sql`${articles.publishedAt} <= now()`))
    .limit(1);
  if (!live) return false;
  await db.insert(comments).values(input);
  return true;
}

export const MODERATION_OPS = ['approve', 'reject', 'spam', 'delete'] as const;
export type ModerationOp = (typeof MODERATION_OPS)[number];
const STATUS_FOR: Record<Exclude<ModerationOp, 'delete'>, 'approved' | 'rejected' | 'spam'> = {
  approve: 'approved',
  reject: 'rejected',
  spam: 'spam',
};

/** Applies a moderation decision to comments; returns the slugs of the articles touched. */
export async function moderateComments(ids: number[], op: ModerationOp, actor: AuditActor, ip: string): Promise<string[]> {
  if (ids.length === 0) return [];
  return db.transaction(async (tx) => {
    const touched = await tx
      .select({ id: comments.id, slug: articles.slug })
      .from(comments)
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .where(inArray(comments.id, ids));
    if (touched.length === 0) return [];
    const found = touched.map((t) => t.id);
    if (op === 'delete') {
      await tx.delete(comments).where(inArray(comments.id, found));
      await recordAudit({ actor, action: 'comment.delete', entityType: 'comment', entityId: found.join(','), details: { count: found.length }, ip }, tx);
    } else {
      await tx
        .update(comments)
        .set({ status: STATUS_FOR[op], moderatedBy: actor.id, moderatedAt: new Date() })
        .where(inArray(comments.id, found));
      await recordAudit({ actor, action: `comment.${op}`, entityType: 'comment', entityId: found.join(','), details: { count: found.length }, ip }, tx);
    }
    return [...new Set(touched.map((t) => t.slug))];
  });
}
