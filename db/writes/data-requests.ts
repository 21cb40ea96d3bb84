import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db';
import { articles, auditLog, captchaChallenges, comments, dataRequests, rateLimitHits } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/db/writes/audit';
import type { CaptchaAnswer } from '@/db/writes/comments';
import { newRequestCode, type DataRequestKind } from '@/lib/data-requests';
import { extendedDue, vietnamDay, type WorkingCalendar } from '@/lib/working-days';

/** Per address: one request every MIN_SECONDS_BETWEEN_REQUESTS, at most REQUESTS_PER_HOUR an hour. */
export const MIN_SECONDS_BETWEEN_REQUESTS = 15;
export const REQUESTS_PER_HOUR = 5;

export type NewDataRequest = {
  name: string;
  phone: string | null;
  email: string | null;
  kind: DataRequestKind;
  content: string;
  receivedAt: Date;
  acknowledgeBy: string;
  dueBy: string;
};

export type StoreDataRequestResult = { stored: true; code: string } | { stored: false; wrongCode: true } | { stored: false; waitSeconds: number };

const CHALLENGE_ID = /^[0-9a-f-]{36}$/i;

/**
 * Uses up the security code and, when it was answered right and the address is within its
 * limits, stores the request with a fresh `Mã yêu cầu` and audits it ('data_request.create',
 * the kind only: no personal data in the trail) — one statement, as a comment is stored
 * (db/writes/comments.ts). A code that collides with an existing one is drawn again.
 */
export async function storeDataRequest(input: NewDataRequest, captcha: CaptchaAnswer, addressHash: string): Promise<StoreDataRequestResult> {
  if (!CHALLENGE_ID.test(captcha.id)) return { stored: false, wrongCode: true };
  for (let attempt = 0; attempt < 3; attempt++) {
    const code = newRequestCode();
    const [row] = await db.execute<{ codeOk: boolean; lastHour: number; sinceLatest: number | null; sinceOldest: number | null; stored: boolean; clash: boolean }>(sql`
      with clash as (
        select 1 from ${dataRequests} where code = ${code}
      ), consumed as (
        update ${captchaChallenges} set used_at = now()
         where id = ${captcha.id} and used_at is null and expires_at > now() and not exists (select 1 from clash)
        returning answer_hash
      ), code_ok as (
        select 1 from consumed where ${captcha.anyAnswer} or answer_hash = ${captcha.answerHash}
      ), recent as (
        select count(*)::int as last_hour,
               extract(epoch from now() - max(created_at))::float8 as since_latest,
               extract(epoch from now() - min(created_at))::float8 as since_oldest
          from ${rateLimitHits}
         where bucket = 'data_request' and key = ${addressHash} and created_at > now() - interval '1 hour'
      ), allowed as (
        select 1 from recent
         where since_latest is null or (since_latest >= ${MIN_SECONDS_BETWEEN_REQUESTS} and last_hour < ${REQUESTS_PER_HOUR})
      ), stored as (
        insert into ${dataRequests} (code, name, phone, email, kind, content, received_at, acknowledge_by, due_by)
        select ${code}, ${input.name}, ${input.phone}, ${input.email}, ${input.kind}, ${input.content}, ${input.receivedAt.toISOString()}::timestamptz, ${input.acknowledgeBy}::date, ${input.dueBy}::date
          from allowed, code_ok
        returning id, kind
      ), hit as (
        insert into ${rateLimitHits} (bucket, key) select 'data_request', ${addressHash} from stored
      ), audited as (
        insert into ${auditLog} (action, entity_type, entity_id, details)
        select 'data_request.create', 'data_request', id::text, jsonb_build_object('kind', kind) from stored
      )
      select exists (select 1 from code_ok) as "codeOk", r.last_hour as "lastHour", r.since_latest as "sinceLatest",
             r.since_oldest as "sinceOldest", exists (select 1 from stored) as stored, exists (select 1 from clash) as clash
        from recent r`);
    if (!row) throw new Error('storeDataRequest returned nothing');
    if (row.clash) continue;
    if (row.stored) return { stored: true, code };
    if (!row.codeOk) return { stored: false, wrongCode: true };
    if (row.sinceLatest !== null && row.sinceLatest < MIN_SECONDS_BETWEEN_REQUESTS) {
      return { stored: false, waitSeconds: Math.max(1, Math.ceil(MIN_SECONDS_BETWEEN_REQUESTS - row.sinceLatest)) };
    }
    return { stored: false, waitSeconds: Math.max(1, Math.ceil(3600 - (row.sinceOldest ?? 0))) };
  }
  throw new Error('could not draw a free request code');
}

/** Why a step on a request was refused: it is gone, or its state does not allow it. */
export type RequestStepResult = { ok: true; until?: string } | { ok: false; reason: 'not_found' | 'already_acknowledged' | 'already_extended' | 'done' };

async function lockRequest(tx: Parameters<Parameters<typeof db.transaction>[0]>[0], id: number) {
  const [row] = await tx
    .select({ id: dataRequests.id, status: dataRequests.status, dueBy: dataRequests.dueBy, extendedUntil: dataRequests.extendedUntil })
    .from(dataRequests)
    .where(eq(dataRequests.id, id))
    .for('update');
  return row ?? null;
}

/** `Xác nhận`: received → acknowledged, once. */
export async function acknowledgeDataRequest(id: number, actor: AuditActor, ip: string): Promise<RequestStepResult> {
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, id);
    if (!row) return { ok: false, reason: 'not_found' };
    if (row.status === 'done') return { ok: false, reason: 'done' };
    if (row.status !== 'received') return { ok: false, reason: 'already_acknowledged' };
    await tx.update(dataRequests).set({ status: 'acknowledged', acknowledgedAt: new Date(), handledBy: actor.id, updatedAt: new Date() }).where(eq(dataRequests.id, id));
    await recordAudit({ actor, action: 'data_request.acknowledge', entityType: 'data_request', entityId: id, ip }, tx);
    return { ok: true };
  });
}

/**
 * `Gia hạn`: once, by 1–15 days, with a reason, never after it is done. `calendar` must cover
 * the days after the current due date (loadWorkingCalendar(dueBy)).
 */
export async function extendDataRequest(
  id: number,
  input: { days: number; reason: string },
  calendarFor: (dueBy: string) => Promise<WorkingCalendar>,
  actor: AuditActor,
  ip: string,
): Promise<RequestStepResult> {
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, id);
    if (!row) return { ok: false, reason: 'not_found' };
    if (row.status === 'done') return { ok: false, reason: 'done' };
    if (row.extendedUntil) return { ok: false, reason: 'already_extended' };
    const until = extendedDue(row.dueBy, input.days, await calendarFor(row.dueBy));
    await tx
      .update(dataRequests)
      .set({ extendedUntil: until, extensionReason: input.reason, handledBy: actor.id, updatedAt: new Date() })
      .where(eq(dataRequests.id, id));
    await recordAudit({ actor, action: 'data_request.extend', entityType: 'data_request', entityId: id, details: { days: input.days, until }, ip }, tx);
    return { ok: true, until };
  });
}

/** `Hoàn thành` with the reply the person will read; acknowledges it too if nobody had. */
export async function completeDataRequest(id: number, reply: string, actor: AuditActor, ip: string): Promise<RequestStepResult> {
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, id);
    if (!row) return { ok: false, reason: 'not_found' };
    if (row.status === 'done') return { ok: false, reason: 'done' };
    const now = new Date();
    await tx
      .update(dataRequests)
      .set({ status: 'done', doneAt: now, reply, acknowledgedAt: sql`coalesce(${dataRequests.acknowledgedAt}, now())`, handledBy: actor.id, updatedAt: now })
      .where(eq(dataRequests.id, id));
    await recordAudit({ actor, action: 'data_request.complete', entityType: 'data_request', entityId: id, details: { onTime: vietnamDay(now) <= (row.extendedUntil ?? row.dueBy) }, ip }, tx);
    return { ok: true };
  });
}

export const ERASE_MODES = ['delete', 'anonymise'] as const;
export type EraseMode = (typeof ERASE_MODES)[number];
export const ANONYMOUS_NAME = 'Ẩn danh';

/**
 * Erases a person's comments for a request: `delete` removes the rows; `anonymise` keeps title
 * and text but overwrites the name with ANONYMOUS_NAME and sets phone and address hash to NULL.
 * Only `ids` (already bounded and checked by the caller against the person's comments) are
 * touched. Audited as 'data_request.erase' with the mode and the count. Returns the slugs of
 * the articles whose pages change.
 */
export async function erasePersonComments(requestId: number, ids: number[], mode: EraseMode, actor: AuditActor, ip: string): Promise<{ count: number; slugs: string[] } | null> {
  return db.transaction(async (tx) => {
    const [request] = await tx.select({ id: dataRequests.id }).from(dataRequests).where(eq(dataRequests.id, requestId)).for('update');
    if (!request) return null;
    const touched =
      ids.length === 0
        ? []
        : await tx
            .select({ id: comments.id, slug: articles.slug })
            .from(comments)
            .innerJoin(articles, eq(articles.id, comments.articleId))
            .where(inArray(comments.id, ids));
    const found = touched.map((t) => t.id);
    if (found.length > 0) {
      if (mode === 'delete') await tx.delete(comments).where(inArray(comments.id, found));
      else await tx.update(comments).set({ name: ANONYMOUS_NAME, phone: null, ipHash: null }).where(inArray(comments.id, found));
    }
    await recordAudit({ actor, action: 'data_request.erase', entityType: 'data_request', entityId: requestId, details: { mode, count: found.length }, ip }, tx);
    return { count: found.length, slugs: [...new Set(touched.map((t) => t.slug))] };
  });
}

