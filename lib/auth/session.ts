import 'server-only';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { auth } from '@/auth';
import { checkDatabase } from '@/db/queries/health';
import { DatabaseUnavailableError, isDatabaseUnavailable } from '../db-errors';
import { can, type Permission, type Role } from './permissions';

export type CurrentUser = { id: string; email: string; name: string; role: Role };

/** The signed-in user, re-checked against the database by the jwt callback; null if none. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await auth().catch((error: unknown) => {
    // The session check needs the database; when it is down, nobody is signed in for now.
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  });
  const user = session?.user as Partial<CurrentUser> | undefined;
  if (!user?.id || !user.role) return null;
  return { id: user.id, email: user.email ?? '', name: user.name ?? '', role: user.role };
}

/**
 * For dashboard pages and their queries: the user holding `permission`, else a redirect to
 * /login (no session) or the 403 page (wrong role). Called in every page, never only in proxy.ts.
 */
export async function requireUser(permission: Permission, returnTo = '/dashboard'): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    if (await sessionLostToOutage()) throw new DatabaseUnavailableError();
    redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  }
  if (!can(user.role, permission)) forbidden();
  return user;
}

/**
 * Auth.js reports a session check that could not reach the database as no session at all. With
 * a session cookie sent and the database unreachable, that is an outage, not a signed-out
 * editor: the dashboard says "temporarily interrupted" rather than showing the sign-in page.
 */
export async function sessionLostToOutage(): Promise<boolean> {
  const sent = (await cookies()).getAll().some((cookie) => cookie.name.includes('authjs.session-token'));
  return sent && !(await checkDatabase());
}
