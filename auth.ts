// Auth.js v5: e-mail and password (Credentials) with JWT sessions of at most 12 hours,
// rolling. The jwt callback re-reads the account on every request, so disabling it, changing
// its role or its password, or signing out, takes effect on the very next click.
import NextAuth, { CredentialsSignin } from 'next-auth';
import { headers } from 'next/headers';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { SESSION_MAX_AGE_SECONDS } from '@/db/active-user';
import { getActiveUser } from '@/db/queries/users';
import { authenticate, endSession } from '@/db/writes/sign-in';
import type { Role } from '@/lib/auth/permissions';
import { clientIp } from '@/lib/client-ip';
import { normalizeEmail } from '@/lib/email';

class InvalidCredentials extends CredentialsSignin {
  override code = 'invalid';
}
class LockedOut extends CredentialsSignin {
  override code = 'locked';
}
class RateLimited extends CredentialsSignin {
  override code = 'rate-limited';
}

const CredentialsInput = z.object({
  email: z.string().max(254),
  password: z.string().max(128),
});

type Token = { uid?: string; sv?: number; sid?: string; role?: Role; name?: string | null; email?: string | null };

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 10 * 60 },
  pages: { signIn: '/login', error: '/login' },
  // Failed sign-ins are expected; they are in the audit log, not worth a stack trace each.
  logger: {
    error(error) {
      if (error.name === 'CredentialsSignin' || (error as { type?: string }).type === 'CredentialsSignin') return;
      console.error('[auth]', error.message);
    },
    warn() {},
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Mật khẩu', type: 'password' } },
      async authorize(credentials, request) {
        const input = CredentialsInput.safeParse(credentials);
        if (!input.success) throw new InvalidCredentials();
        const result = await authenticate(normalizeEmail(input.data.email), input.data.password, clientIp(request.headers));
        if (result.ok) return { ...result.user, id: result.user.id };
        if (result.reason === 'locked') throw new LockedOut();
        if (result.reason === 'rate-limited') throw new RateLimited();
        throw new InvalidCredentials();
      },
    }),
  ],
  events: {
    // Every way of signing out (the dashboard's button, POST /api/auth/signout) comes through
    // here with the decoded token: end the session in the database too, not only the cookie.
    // A failure here is logged by Auth.js and the cookie is still cleared.
    async signOut(message) {
      const t = ('token' in message ? message.token : null) as (Record<string, unknown> & Token) | null;
      if (!t?.uid || typeof t.sv !== 'number') return;
      const ip = await headers().then(clientIp, () => 'unknown');
      await endSession({ userId: t.uid, sid: t.sid, sessionVersion: t.sv }, ip);
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      const t = token as typeof token & Token;
      if (user) {
        const u = user as typeof user & { sessionVersion: number; role: Role };
        t.uid = u.id;
        t.sv = u.sessionVersion;
        // This session's own id: signing out revokes it alone (db/writes/sign-in.ts endSession).
        t.sid = randomUUID();
      }
      if (!t.uid) return null;
      const current = await getActiveUser(t.uid, t.sid);
      // Disabled, deleted, or signed out everywhere by a password or role change.
      if (!current || current.sessionVersion !== t.sv) return null;
      t.role = current.role;
      t.name = current.name;
      t.email = current.email;
      return t;
    },
    session({ session, token }) {
      const t = token as typeof token & Token;
      return {
        ...session,
        user: { ...session.user, id: t.uid ?? '', name: t.name ?? '', email: t.email ?? '', role: t.role },
      };
    },
  },
});
