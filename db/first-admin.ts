// The first administrator: from ADMIN_EMAIL + ADMIN_PASSWORD at start, or through a one-time
// setup link (24 h) printed by the launcher. Used by the launcher and by the /thiet-lap page,
// so it takes the database handle as an argument and has no `server-only`.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { hashPassword } from '../lib/password';
import * as schema from './schema';

type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

const SETUP_KEY = 'first_admin_setup';
export const SETUP_HOURS = 24;
const LOCK_ID = 7_262_002;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The account's outstanding set-password and reset links stop working: its password was just set. */
async function voidLinks(db: Db, userId: string): Promise<void> {
  await db
    .update(schema.userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(schema.userTokens.userId, userId), isNull(schema.userTokens.usedAt)));
}

export async function hasActiveAdmin(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(and(eq(schema.users.role, 'admin'), eq(schema.users.disabled, false)))
    .limit(1);
  return Boolean(row);
}

export type FirstAdminResult = { kind: 'exists' } | { kind: 'created'; email: string } | { kind: 'setup-link'; token: string };

/** Makes sure an admin exists, or can be created through a fresh one-time setup token. */
export async function ensureFirstAdmin(db: Db, admin?: { email: string; password: string }): Promise<FirstAdminResult> {
  if (await hasActiveAdmin(db)) return { kind: 'exists' };
  if (admin) {
    const email = admin.email.normalize('NFC').trim().toLowerCase();
    const passwordHash = await hashPassword(admin.password);
    const [user] = await db
      .insert(schema.users)
      .values({ email, name: 'Quản trị viên', role: 'admin', passwordHash })
      .onConflictDoUpdate({
        target: schema.users.email,
        set: { role: 'admin', disabled: false, passwordHash, sessionVersion: sql`${schema.users.sessionVersion} + 1` },
      })
      .returning({ id: schema.users.id });
    if (user) await voidLinks(db, user.id);
    await db.delete(schema.appMeta).where(eq(schema.appMeta.key, SETUP_KEY));
    return { kind: 'created', email };
  }
  const token = randomBytes(32).toString('base64url');
  const value = JSON.stringify({ hash: hash(token), expiresAt: new Date(Date.now() + SETUP_HOURS * 3_600_000).toISOString() });
  await db
    .insert(schema.appMeta)
    .values({ key: SETUP_KEY, value })
    .onConflictDoUpdate({ target: schema.appMeta.key, set: { value, updatedAt: new Date() } });
  return { kind: 'setup-link', token };
}

/** True while `token` is the current, unexpired setup token and no admin exists yet. */
export async function isSetupTokenValid(db: Db, token: string): Promise<boolean> {
  const [row] = await db.select({ value: schema.appMeta.value }).from(schema.appMeta).where(eq(schema.appMeta.key, SETUP_KEY));
  if (!row) return false;
  const { hash: stored, expiresAt } = JSON.parse(row.value) as { hash: string; expiresAt: string };
  const given = Buffer.from(hash(token));
  const matches = given.length === Buffer.byteLength(stored) && timingSafeEqual(given, Buffer.from(stored));
  return matches && new Date(expiresAt).getTime() > Date.now() && !(await hasActiveAdmin(db));
}

/**
 * Creates the first admin with a setup token, once; null when the token is not (or no longer)
 * valid. The token is checked before the password is hashed, so a wrong one costs no argon2id
 * work, and checked again under the lock, so two uses at once create one admin.
 */
export async function createFirstAdmin(
  db: Db,
  token: string,
  input: { email: string; name: string; password: string },
): Promise<{ id: string } | null> {
  if (!(await isSetupTokenValid(db, token))) return null;
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_ID})`);
    if (!(await isSetupTokenValid(tx as unknown as Db, token))) return null;
    const [user] = await tx
      .insert(schema.users)
      .values({ email: input.email, name: input.name, role: 'admin', passwordHash })
      .onConflictDoUpdate({
        target: schema.users.email,
        set: { role: 'admin', disabled: false, name: input.name, passwordHash, sessionVersion: sql`${schema.users.sessionVersion} + 1` },
      })
      .returning({ id: schema.users.id });
    if (user) await voidLinks(tx as unknown as Db, user.id);
    await tx.delete(schema.appMeta).where(eq(schema.appMeta.key, SETUP_KEY));
    await tx.insert(schema.auditLog).values({
      actorId: user?.id ?? null,
      actorEmail: input.email,
      action: 'user.create',
      entityType: 'user',
      entityId: user?.id ?? null,
      details: { email: input.email, role: 'admin', via: 'setup-link' },
    });
    return user ?? null;
  });
}
