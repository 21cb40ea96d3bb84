import 'server-only';
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { articles, captchaChallenges, comments, privacyPolicyVersions, rateLimitHits } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/db/writes/audit';
import { CAPTCHA_TTL_MINUTES } from '@/lib/captcha';
import { SUPERSEDED_GRACE_HOURS } from '@/lib/privacy-policy';

export const MIN_SECONDS_BETWEEN_COMMENTS = 15;
export const MAX_COMMENTS_PER_HOUR = 10;

/** Security codes one address may fetch per CAPTCHA_WINDOW_MINUTES: plenty for a person renewing a hard code. */
export const CAPTCHAS_PER_ADDRESS = 30;
export const CAPTCHA_WINDOW_MINUTES = 10;

export type CaptchaChallenge = { id: string } | { limited: true; retryAfterSeconds: number };

/**
 * Stores a new security code's answer hash, unless the address (a keyed hash of it) fetched
 * CAPTCHAS_PER_ADDRESS codes in the last CAPTCHA_WINDOW_MINUTES: every code is a row, and
 * without a limit anyone could add rows for as long as they liked. One statement: the count,
 * the hit and the challenge. Concurrent requests from one address may overshoot by a few.
 */
export async function createCaptchaChallenge(answerHash: string, addressHash: string): Promise<CaptchaChallenge> {
  const [row] = await db.execute<{ id: string | null; sinceOldest: number | null }>(sql`
    with recent as (
      select count(*)::int as n, extract(epoch from now() - min(created_at))::float8 as since_oldest
        from ${rateLimitHits}
       where bucket = 'captcha' and key = ${addressHash} and created_at > now() - make_interval(mins => ${CAPTCHA_WINDOW_MINUTES})
    ), hit as (
      insert into ${rateLimitHits} (bucket, key) select 'captcha', ${addressHash} from recent where n < ${CAPTCHAS_PER_ADDRESS}
      returning 1
    ), challenge as (
      insert into ${captchaChallenges} (answer_hash, expires_at)
      select ${answerHash}, now() + make_interval(mins => ${CAPTCHA_TTL_MINUTES}) from hit
      returning id
    )
    select (select id from challenge) as id, r.since_oldest as "sinceOldest" from recent r`);
  if (!row) throw new Error('captcha insert returned nothing');
  if (row.id) return { id: row.id };
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(CAPTCHA_WINDOW_MINUTES * 60 - (row.sinceOldest ?? 0))) };
}

/** The security code a post answers: its challenge (from the cookie) and the answer's hash. */
export type CaptchaAnswer = {
  id: string;
  answerHash: string;
  /** Tests only (CAPTCHA_TEST_CODE): any answer is right; the challenge must still be fresh and unused. */
  anyAnswer: boolean;
};

const CHALLENGE_ID = /^[0-9a-f-]{36}$/i;

/**
 * Uses up a challenge without storing anything (a post whose form was refused): a code can
 * never be tried twice. Unknown or malformed ids change nothing.
 */
export async function useUpCaptcha(id: string): Promise<void> {
  if (!CHALLENGE_ID.test(id)) return;
  await db
    .update(captchaChallenges)
    .set({ usedAt: new Date() })
    .where(and(eq(captchaChallenges.id, id), isNull(captchaChallenges.usedAt), gt(captchaChallenges.expiresAt, sql`now()`)));
}

export type NewComment = {
  articleId: number;
  name: string;
  phone: string | null;
  title: string;
  content: string;
  ipHash: string;
  flags: string[];
  /** The policy version the form showed and the reader consented to (the checkbox was ticked). */
  consentPolicyVersion: number;
};

export type StoreCommentResult =
  | { stored: true }
  | { stored: false; wrongCode: true }
  | { stored: false; waitSeconds: number }
  | { stored: false; closed: true }
  /** The version consented to is unknown, or was superseded more than SUPERSEDED_GRACE_HOURS ago. */
  | { stored: false; stalePolicy: true; currentVersion: number | null };

/**
 * Uses up the security code and, when it was answered right, stores a reader's comment as
 * pending, within the per-address limits (one every MIN_SECONDS_BETWEEN_COMMENTS,
 * MAX_COMMENTS_PER_HOUR an hour) and only on a live article, counting it against the address —
 * one statement, one round trip and one commit, where five separate queries took a good part
 * of a comment post's time. Refusals come in that order: code, limits, article, policy.
 *
 * The consent is stored with it (`consent_policy_version`, `consented_at` = the server's now):
 * the version must exist and be current, or have been superseded less than
 * SUPERSEDED_GRACE_HOURS ago (the reader's page may have been rendered before the change).
 */
export async function storeComment(input: NewComment, captcha: CaptchaAnswer): Promise<StoreCommentResult> {
  if (!CHALLENGE_ID.test(captcha.id)) return { stored: false, wrongCode: true };
  const [row] = await db.execute<{
    codeOk: boolean;
    lastHour: number;
    sinceLatest: number | null;
    sinceOldest: number | null;
    live: boolean;
    policyOk: boolean;
    currentPolicy: number | null;
    stored: boolean;
  }>(sql`
    with consumed as (
      update ${captchaChallenges} set used_at = now()
       where id = ${captcha.id} and used_at is null and expires_at > now()
      returning answer_hash
    ), code as (
      select 1 from consumed where ${captcha.anyAnswer} or answer_hash = ${captcha.answerHash}
    ), recent as (
      select count(*)::int as last_hour,
             extract(epoch from now() - max(created_at))::float8 as since_latest,
             extract(epoch from now() - min(created_at))::float8 as since_oldest
        from ${rateLimitHits}
       where bucket = 'comment' and key = ${input.ipHash} and created_at > now() - interval '1 hour'
    ), allowed as (
      select 1 from recent
       where since_latest is null or (since_latest >= ${MIN_SECONDS_BETWEEN_COMMENTS} and last_hour < ${MAX_COMMENTS_PER_HOUR})
    ), live as (
      select id from ${articles} where id = ${input.articleId} and status = 'published' and published_at <= now()
    ), policy as (
      select p.version from ${privacyPolicyVersions} p
       where p.version = ${input.consentPolicyVersion}
         and not exists (select 1 from ${privacyPolicyVersions} n
                          where n.version > p.version and n.created_at < now() - make_interval(hours => ${SUPERSEDED_GRACE_HOURS}))
    ), stored as (
      insert into ${comments} (article_id, name, phone, title, content, ip_hash, flags, consent_policy_version, consented_at)
      select live.id, ${input.name}, ${input.phone}, ${input.title}, ${input.content}, ${input.ipHash},
             string_to_array(${input.flags.join(',')}, ','), policy.version, now()
        from live, allowed, code, policy
      returning id
    ), hit as (
      insert into ${rateLimitHits} (bucket, key) select 'comment', ${input.ipHash} from stored
    )
    select exists (select 1 from code) as "codeOk", r.last_hour as "lastHour", r.since_latest as "sinceLatest", r.since_oldest as "sinceOldest",
           exists (select 1 from live) as live, exists (select 1 from policy) as "policyOk",
           (select max(version) from ${privacyPolicyVersions}) as "currentPolicy", exists (select 1 from stored) as stored
      from recent r`);
  if (!row) throw new Error('storeComment returned nothing');
  if (row.stored) return { stored: true };
  if (!row.codeOk) return { stored: false, wrongCode: true };
  if (row.sinceLatest !== null && row.sinceLatest < MIN_SECONDS_BETWEEN_COMMENTS) {
    return { stored: false, waitSeconds: Math.max(1, Math.ceil(MIN_SECONDS_BETWEEN_COMMENTS - row.sinceLatest)) };
  }
  if (row.lastHour >= MAX_COMMENTS_PER_HOUR && row.sinceOldest !== null) {
    return { stored: false, waitSeconds: Math.max(1, Math.ceil(3600 - row.sinceOldest)) };
  }
  if (row.live && !row.policyOk) return { stored: false, stalePolicy: true, currentVersion: row.currentPolicy };
  return { stored: false, closed: true };
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
