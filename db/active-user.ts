// The account a session belongs to, if it may still use it: the one query both the `jwt`
// callback (auth.ts, through db/queries/users.ts) and npm start's session check for large
// bodies (scripts/lib/session-check.ts) ask. No `server-only`, so the launcher, outside Next,
// can import it; it takes the drizzle instance each side has over the app's pool (db/client.ts).
import { and, eq } from 'drizzle-orm';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Role } from '../lib/auth/permissions';
import { users } from './schema';

/** What a session knows about its user; re-read from the database on every request. */
export type SessionUser = { id: string; email: string; name: string; role: Role; sessionVersion: number };

/** The account `id`, unless it is gone or disabled; the caller compares `sessionVersion`. */
export async function findActiveUser(db: PostgresJsDatabase<Record<string, unknown>>, id: string): Promise<SessionUser | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(eq(users.id, id), eq(users.disabled, false)))
    .limit(1);
  return row ?? null;
}
