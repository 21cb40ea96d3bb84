// The account a session belongs to, if it may still use it: the one query both the `jwt`
// callback (auth.ts, through db/queries/users.ts) and npm start's session check for large
// bodies (scripts/lib/session-check.ts) ask. No `server-only`, so the launcher, outside Next,
// can import it; it takes the drizzle instance each side has over the app's pool (db/client.ts).
import { and, eq, notExists, sql } from 'drizzle-orm';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Role } from '../lib/auth/permissions';
import { revokedSessions, users } from './schema';

/** How long a session token lives without use (auth.ts `session.maxAge`; each use renews it). */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A session id as auth.ts issues it (a random UUID). */
export const isSessionId = (sid: unknown): sid is string => typeof sid === 'string' && UUID.test(sid);

/** What a session knows about its user; re-read from the database on every request. */
export type SessionUser = { id: string; email: string; name: string; role: Role; sessionVersion: number };

/**
 * The account `id`, unless it is gone or disabled, or the session `sid` was signed out
 * (revoked_sessions); the caller compares `sessionVersion`. A token issued before session ids
 * existed has none (`sid` undefined) and is checked by its version only.
 */
export async function findActiveUser(db: PostgresJsDatabase<Record<string, unknown>>, id: string, sid?: string): Promise<SessionUser | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  if (sid !== undefined && !isSessionId(sid)) return null;
  const live = sid === undefined ? undefined : notExists(db.select({ one: sql`1` }).from(revokedSessions).where(eq(revokedSessions.sid, sid)));
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(eq(users.id, id), eq(users.disabled, false), live))
    .limit(1);
  return row ?? null;
}
