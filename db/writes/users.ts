import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { userTokens, users } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/db/writes/audit';
import { beginPasswordAttempt, markAttemptSucceeded } from '@/db/writes/sign-in';
import type { Role } from '@/lib/auth/permissions';
import { hashPassword, verifyPassword } from '@/lib/password';

export const SETUP_LINK_HOURS = 24;
export const RESET_LINK_HOURS = 2;

export class UserError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/**
 * Locks the active admins (always first, in id order, so two changes cannot deadlock) and
 * refuses if `userId` is the last of them.
 */
async function assertNotLastAdmin(tx: Tx, userId: string): Promise<void> {
  const admins = await lockActiveAdmins(tx);
  const others = admins.filter((a) => a.id !== userId);
  if (admins.length > others.length && others.length === 0) {
    throw new UserError('Không thể thực hiện: đây là quản trị viên cuối cùng đang hoạt động.');
  }
}

async function lockActiveAdmins(tx: Tx): Promise<{ id: string }[]> {
  return [...(await tx.execute<{ id: string }>(sql`select id from users where role = 'admin' and not disabled order by id for update`))];
}

/**
 * Every outstanding set-password or reset link of `userId` stops working. Called whenever the
 * password is set another way or a newer link is issued, so at most one link is ever live and
 * none outlives a password its owner chose since.
 */
async function voidOutstandingLinks(tx: Tx, userId: string): Promise<void> {
  await tx.update(userTokens).set({ usedAt: new Date() }).where(and(eq(userTokens.userId, userId), isNull(userTokens.usedAt)));
}

/** A one-time link token for `userId`; earlier unused links of the account stop working, whatever their purpose. */
async function issueToken(tx: Tx, userId: string, purpose: 'setup' | 'reset', createdBy: string | null): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const hours = purpose === 'setup' ? SETUP_LINK_HOURS : RESET_LINK_HOURS;
  await voidOutstandingLinks(tx, userId);
  await tx.insert(userTokens).values({
    userId,
    tokenHash: hashToken(token),
    purpose,
    expiresAt: new Date(Date.now() + hours * 3_600_000),
    createdBy,
  });
  return token;
}

export async function createUser(
  input: { email: string; name: string; role: Role; password?: string },
  actor: AuditActor,
  ip: string,
): Promise<{ id: string; setupToken?: string }> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    if (existing) throw new UserError('Email này đã có tài khoản.', 'email');
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, passwordHash })
      .returning({ id: users.id });
    if (!user) throw new Error('insert returned nothing');
    const setupToken = passwordHash ? undefined : await issueToken(tx, user.id, 'setup', actor.id);
    await recordAudit(
      { actor, action: 'user.create', entityType: 'user', entityId: user.id, details: { email: input.email, role: input.role }, ip },
      tx,
    );
    return { id: user.id, setupToken };
  });
}

export async function changeRole(userId: string, role: Role, actor: AuditActor, ip: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockActiveAdmins(tx);
    const [target] = await tx.select({ role: users.role, email: users.email }).from(users).where(eq(users.id, userId)).for('update');
    if (!target) throw new UserError('Không tìm thấy tài khoản.');
    if (target.role === role) return;
    if (target.role === 'admin') await assertNotLastAdmin(tx, userId);
    await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit(
      { actor, action: 'user.role_change', entityType: 'user', entityId: userId, details: { email: target.email, from: target.role, to: role }, ip },
      tx,
    );
  });
}

export async function setDisabled(userId: string, disabled: boolean, actor: AuditActor, ip: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockActiveAdmins(tx);
    const [target] = await tx
      .select({ role: users.role, email: users.email, disabled: users.disabled })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!target) throw new UserError('Không tìm thấy tài khoản.');
    if (target.disabled === disabled) return;
    if (disabled && target.role === 'admin') await assertNotLastAdmin(tx, userId);
    await tx
      .update(users)
      // Bumping the session version ends every session of the account on its next request.
      .set({ disabled, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await recordAudit(
      { actor, action: disabled ? 'user.disable' : 'user.enable', entityType: 'user', entityId: userId, details: { email: target.email }, ip },
      tx,
    );
  });
}

export async function issueResetLink(userId: string, actor: AuditActor, ip: string): Promise<{ token: string; email: string }> {
  return db.transaction(async (tx) => {
    const [target] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
    if (!target) throw new UserError('Không tìm thấy tài khoản.');
    const token = await issueToken(tx, userId, 'reset', actor.id);
    await recordAudit({ actor, action: 'user.reset_link', entityType: 'user', entityId: userId, details: { email: target.email }, ip }, tx);
    return { token, email: target.email };
  });
}

const usableToken = (token: string) => and(eq(userTokens.tokenHash, hashToken(token)), isNull(userTokens.usedAt), gt(userTokens.expiresAt, sql`now()`));

/**
 * Consumes a set-password or reset link. Returns the account's e-mail, or null if the link is not
 * valid. The link is looked up (by the SHA-256 of the token, through a unique index: the timing
 * tells nothing about the token) before the new password is hashed, so an invalid link costs no
 * argon2id work.
 */
export async function setPasswordWithToken(token: string, password: string, ip: string): Promise<string | null> {
  if (!(await isTokenUsable(token))) return null;
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // Checked again under a row lock: the same link used twice at once succeeds once.
    const [row] = await tx
      .select({ id: userTokens.id, userId: userTokens.userId, email: users.email })
      .from(userTokens)
      .innerJoin(users, eq(users.id, userTokens.userId))
      .where(usableToken(token))
      .for('update')
      .limit(1);
    if (!row) return null;
    await voidOutstandingLinks(tx, row.userId);
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, row.userId));
    await recordAudit({ actor: { id: row.userId, email: row.email }, action: 'user.password_set', entityType: 'user', entityId: row.userId, ip }, tx);
    return row.email;
  });
}

/** True when a link token is still usable (for showing the form at all). */
export async function isTokenUsable(token: string): Promise<boolean> {
  const [row] = await db.select({ id: userTokens.id }).from(userTokens).where(usableToken(token)).limit(1);
  return Boolean(row);
}

export async function updateOwnName(userId: string, name: string, ip: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx.update(users).set({ name, updatedAt: new Date() }).where(eq(users.id, userId)).returning({ email: users.email });
    await recordAudit({ actor: { id: userId, email: user?.email ?? null }, action: 'user.name_change', entityType: 'user', entityId: userId, details: { name }, ip }, tx);
  });
}

export type PasswordChangeResult =
  | { ok: true }
  | { ok: false; reason: 'wrong-current' }
  | { ok: false; reason: 'locked' | 'rate-limited'; retryAfterSeconds: number };

/**
 * Changes one's own password after checking the current one; other sessions end, and so do the
 * account's outstanding set-password and reset links. Each check of the current password counts
 * as a sign-in attempt (db/writes/sign-in.ts): after five wrong ones from an address the change,
 * like signing in, is locked there for a while, so a borrowed session cannot guess its way to
 * the password. Failures, lock-outs and the change are audited.
 */
export async function changeOwnPassword(userId: string, currentPassword: string, newPassword: string, ip: string): Promise<PasswordChangeResult> {
  const [user] = await db
    .select({ hash: users.passwordHash, email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.disabled, false)))
    .limit(1);
  if (!user) return { ok: false, reason: 'wrong-current' };
  const actor = { id: userId, email: user.email };
  const { attemptId, refused } = await beginPasswordAttempt(user.email, ip);
  if (refused) {
    await recordAudit({ actor, action: 'user.password_change_locked', entityType: 'user', entityId: userId, details: { reason: refused.reason }, ip });
    return { ok: false, ...refused };
  }
  if (!user.hash || !(await verifyPassword(user.hash, currentPassword))) {
    await recordAudit({ actor, action: 'user.password_change_failed', entityType: 'user', entityId: userId, ip });
    return { ok: false, reason: 'wrong-current' };
  }
  await markAttemptSucceeded(attemptId);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await voidOutstandingLinks(tx, userId);
    await recordAudit({ actor, action: 'user.password_change', entityType: 'user', entityId: userId, ip }, tx);
  });
  return { ok: true };
}
