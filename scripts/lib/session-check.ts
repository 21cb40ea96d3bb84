// Whether a request comes from a signed-in member of the newsroom, decided in front of Next by
// the request guard (scripts/lib/request-guard.ts) before it agrees to read a large body. The
// same test as auth.ts's jwt callback: the Auth.js session cookie decrypts with AUTH_SECRET
// (Auth.js's own cookie reading and `decode`, chunked cookies included), and its account still
// exists, is not disabled and has the session version the token was issued with, and its
// session was not signed out — so a cookie copied before a sign-out, a password change or a
// disable no longer counts.
// The account is read by the jwt callback's own query (db/active-user.ts), on the app's pool
// (db/client.ts), which the launcher shares with Next.
import type { IncomingHttpHeaders } from 'node:http';
import { drizzle } from 'drizzle-orm/postgres-js';
import { getToken } from 'next-auth/jwt';
import type postgres from 'postgres';
import { findActiveUser, isSessionId } from '../../db/active-user';

/** Resolves true only for a live session; never rejects. */
export type SessionCheck = (headers: IncomingHttpHeaders) => Promise<boolean>;

/** Auth.js's cookie names: `__Secure-` under HTTPS, plain otherwise; both end in this. */
const SESSION_COOKIE = 'authjs.session-token';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The secrets Auth.js (next-auth) uses when none is configured in code: AUTH_SECRET, else NEXTAUTH_SECRET. */
export function authSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  const secret = env.AUTH_SECRET || env.NEXTAUTH_SECRET;
  return secret ? [secret] : [];
}

export function createSessionCheck({ sql, secret }: { sql: postgres.Sql; secret: string | string[] }): SessionCheck {
  const secrets = [secret].flat().filter(Boolean);
  const db = drizzle(sql);
  return async (headers) => {
    const cookie = headers.cookie;
    if (secrets.length === 0 || !cookie || !cookie.includes(SESSION_COOKIE)) return false;
    try {
      // Only the cookie goes in: getToken would otherwise also accept an Authorization header.
      // The salt is the cookie's name, which getToken derives from secureCookie.
      for (const secureCookie of [true, false]) {
        const token = await getToken({ req: { headers: { cookie } }, secret: secrets, secureCookie });
        if (!token) continue;
        const { uid, sv, sid } = token as { uid?: unknown; sv?: unknown; sid?: unknown };
        if (typeof uid !== 'string' || !UUID.test(uid) || typeof sv !== 'number' || !Number.isInteger(sv)) return false;
        if (sid !== undefined && !isSessionId(sid)) return false;
        return (await findActiveUser(db, uid, sid))?.sessionVersion === sv;
      }
      return false;
    } catch {
      // A database that does not answer cannot vouch for anyone: the public limit applies.
      return false;
    }
  };
}
