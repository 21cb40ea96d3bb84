import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { db } from '@/db';
import { findActiveUser, type SessionUser } from '@/db/active-user';
import { users } from '@/db/schema';
import { assertCan, type Role } from '@/lib/auth/permissions';

type Viewer = { role: Role };

export type { SessionUser } from '@/db/active-user';

/** The account a session belongs to, unless it is gone or disabled, or the session signed out (db/active-user.ts). */
export function getActiveUser(id: string, sid?: string): Promise<SessionUser | null> {
  return findActiveUser(db, id, sid);
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
