import 'server-only';
import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { db } from '@/db';
import { isSessionId, SESSION_MAX_AGE_SECONDS } from '@/db/active-user';
import { revokedSessions, signInAttempts, users } from '@/db/schema';
import type { SessionUser } from '@/db/queries/users';
import { recordAudit } from '@/db/writes/audit';
import { hashPassword, needsRehash, verifyPassword } from '@/lib/password';

export const MAX_FAILURES = 5;
const BASE_LOCK_MS = 10 * 60_000;
const MAX_LOCK_MS = 24 * 60 * 60_000;
export const IP_ATTEMPTS_PER_HOUR = 100;
/** Submissions of a set-password or first-admin setup form per client address per hour. */
export const LINK_ATTEMPTS_PER_HOUR = 20;

export type SignInResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'invalid' | 'locked' | 'rate-limited'; retryAfterSeconds?: number };

// Verifying against a real hash when the account does not exist keeps the timing of an
// unknown e-mail the same as that of a wrong password.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword('newsroom-dummy-password-for-timing'));

/**
 * How long the (email, ip) pair must wait after consecutive failures; 0 when it need not.
 * Only attempts recorded before `attemptId` count, so concurrent attempts cannot slip through.
 */
async function lockRemainingMs(email: string, ip: string, attemptId: number): Promise<number> {
  const lastSuccess = sql`coalesce((select max(created_at) from sign_in_attempts
    where email = ${email} and ip = ${ip} and success), '-infinity'::timestamptz)`;
  const failures = await db
    .select({ at: signInAttempts.createdAt })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.email, email),
        eq(signInAttempts.ip, ip),
        eq(signInAttempts.success, false),
        lt(signInAttempts.id, attemptId),
        gt(signInAttempts.createdAt, lastSuccess),
        gt(signInAttempts.createdAt, sql`now() - interval '24 hours'`),
      ),
    )
    .orderBy(desc(signInAttempts.createdAt))
    .limit(64);
  const latest = failures[0];
  if (failures.length < MAX_FAILURES || !latest) return 0;
  // 10 minutes after the fifth failure, doubling with each further one, at most a day.
  const lockMs = Math.min(BASE_LOCK_MS * 2 ** (failures.length - MAX_FAILURES), MAX_LOCK_MS);
  return Math.max(0, latest.at.getTime() + lockMs - Date.now());
}

async function attemptsFromIpLastHour(ip: string, attemptId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.ip, ip), lt(signInAttempts.id, attemptId), gt(signInAttempts.createdAt, sql`now() - interval '1 hour'`)));
  return row?.n ?? 0;
}

export type AttemptRefusal = { reason: 'locked' | 'rate-limited'; retryAfterSeconds: number };

/**
 * Records one guess at `email`'s password from `ip`, as a failure until marked otherwise, then
 * counts the earlier ones: ≤ 100 guesses per IP per hour, and an (e-mail, IP) pair waits after
 * five consecutive failures. Sign-in and the change of one's own password share these limits:
 * both are guesses at the same password. Attempts made at the same moment all see each other,
 * so none slips past the limits.
 */
export async function beginPasswordAttempt(email: string, ip: string): Promise<{ attemptId: number; refused: AttemptRefusal | null }> {
  // Per-IP advisory lock around the insert: attempt ids then follow commit order exactly.
  const [attempt] = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${ip}`}))`);
    return tx.insert(signInAttempts).values({ email, ip, success: false }).returning({ id: signInAttempts.id });
  });
  if (!attempt) throw new Error('sign-in attempt was not recorded');
  if ((await attemptsFromIpLastHour(ip, attempt.id)) >= IP_ATTEMPTS_PER_HOUR) {
    return { attemptId: attempt.id, refused: { reason: 'rate-limited', retryAfterSeconds: 3600 } };
  }
  const lockedFor = await lockRemainingMs(email, ip, attempt.id);
  if (lockedFor > 0) return { attemptId: attempt.id, refused: { reason: 'locked', retryAfterSeconds: Math.ceil(lockedFor / 1000) } };
  return { attemptId: attempt.id, refused: null };
}

/** The password was right: the attempt counts as a success, which ends a run of failures. */
export async function markAttemptSucceeded(attemptId: number): Promise<void> {
  await db.update(signInAttempts).set({ success: true }).where(eq(signInAttempts.id, attemptId));
}

/**
 * Checks an e-mail and password. Limits hold across instances because every attempt is a row
 * in PostgreSQL: ≤ 100 attempts per IP per hour, and an (e-mail, IP) pair waits after five
 * consecutive failures — even when the next password is right.
 */
export async function authenticate(email: string, password: string, ip: string): Promise<SignInResult> {
  const { attemptId, refused } = await beginPasswordAttempt(email, ip);
  if (refused?.reason === 'rate-limited') {
    await recordAudit({ actor: null, action: 'auth.sign_in_rate_limited', details: { email }, ip });
    return { ok: false, ...refused };
  }
  if (refused) {
    await recordAudit({ actor: null, action: 'auth.sign_in_locked', details: { email }, ip });
    return { ok: false, ...refused };
  }

  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const matches = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  const ok = Boolean(user && user.passwordHash && !user.disabled && matches);

  if (ok) await markAttemptSucceeded(attemptId);
  if (!ok || !user || !user.passwordHash) {
    await recordAudit({
      actor: user ? { id: user.id, email: user.email } : null,
      action: 'auth.sign_in_failed',
      entityType: 'user',
      entityId: user?.id,
      details: { email, disabled: user?.disabled ?? undefined },
      ip,
    });
    return { ok: false, reason: 'invalid' };
  }

  const rehash = needsRehash(user.passwordHash) ? await hashPassword(password) : null;
  await db
    .update(users)
    .set({ lastSignInAt: new Date(), ...(rehash ? { passwordHash: rehash } : {}) })
    .where(eq(users.id, user.id));
  await recordAudit({ actor: { id: user.id, email: user.email }, action: 'auth.sign_in', entityType: 'user', entityId: user.id, ip });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}

/**
 * Ends the session a sign-out came from. A token with a session id (`sid`, every token issued
 * since per-session sign-out) is revoked alone, until it could have expired anyway, so the same
 * account's sessions on other devices go on; expired revocations are cleared on the way. A token
 * from before has no id: its account's session version moves on, which ends every session of
 * the account, as sign-out always did for those. Audited once; replaying it changes nothing.
 */
export async function endSession(
  session: { userId: string; sid?: string; sessionVersion: number },
  ip: string,
): Promise<boolean> {
  const { userId, sid, sessionVersion } = session;
  if (!/^[0-9a-f-]{36}$/i.test(userId) || !Number.isInteger(sessionVersion)) return false;
  if (sid !== undefined && !isSessionId(sid)) return false;
  return db.transaction(async (tx) => {
    const current = and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion));
    let user: { email: string } | undefined;
    if (sid === undefined) {
      [user] = await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(current).returning({ email: users.email });
    } else {
      [user] = await tx.select({ email: users.email }).from(users).where(current);
      const revoked = user
        ? await tx
            .insert(revokedSessions)
            .values({ sid, userId, expiresAt: sql`now() + make_interval(secs => ${SESSION_MAX_AGE_SECONDS + 600})` })
            .onConflictDoNothing()
            .returning({ sid: revokedSessions.sid })
        : [];
      if (revoked.length === 0) return false;
      await tx.delete(revokedSessions).where(lt(revokedSessions.expiresAt, sql`now()`));
    }
    if (!user) return false;
    await recordAudit({ actor: { id: userId, email: user.email }, action: 'auth.sign_out', entityType: 'user', entityId: userId, ip }, tx);
    return true;
  });
}
