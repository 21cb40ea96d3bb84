import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { db } from '@/db';
import { users } from '@/db/schema';
import { assertCan, type Role } from '@/lib/auth/permissions';

type Viewer = { role: Role };

/** What a session knows about its user; re-read from the database on every request. */
export type SessionUser = { id: string; email: string; name: string; role: Role; sessionVersion: number };

export async function getActiveUser(id: string): Promise<SessionUser | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(eq(users.id, id), eq(users.disabled, false)))
    .limit(1);
  return row ?? null;
}

export type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  hasPassword: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
};

/** Every account, for the admins' list: never the password hash. */
export async function listUsers(viewer: Viewer): Promise<UserRow[]> {
  assertCan(viewer, 'users:manage');
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.disabled), asc(users.email));
}

/** Active admins other than `exceptId`: the last one must never be disabled or demoted. */
export async function countOtherActiveAdmins(exceptId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, exceptId)));
  return row?.n ?? 0;
}
