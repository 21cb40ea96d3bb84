import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/database';
import { hashPassword, verifyPassword } from '@/lib/password';
import type { Role } from '@/lib/auth/permissions';
import { closeAppSql } from '@/db/client';

// authenticate() against a real, migrated PostgreSQL database of its own.
describe('authenticate', () => {
  let database: TestDatabase;
  let authenticate: typeof import('./sign-in').authenticate;
  let passwordHash: string;
  const PASSWORD = 'mưa rơi trên phố cổ';
  let ipCounter = 0;
  // A fresh documentation-range address per test, so the per-IP limit of one test does not
  // leak into another.
  const nextIp = () => `198.51.100.${++ipCounter}`;

  async function insertUser(email: string, options: { role?: Role; disabled?: boolean; hash?: string } = {}) {
    const [row] = await database.sql<{ id: string; session_version: number }[]>`
      insert into users (email, name, role, password_hash, disabled)
      values (${email}, ${'Người dùng ' + email}, ${options.role ?? 'editor'}, ${options.hash ?? passwordHash}, ${options.disabled ?? false})
      returning id, session_version`;
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  const attempts = (email: string) =>
    database.sql<{ ip: string; success: boolean }[]>`
      select ip, success from sign_in_attempts where email = ${email} order by id`;
  const audits = (email: string) =>
    database.sql<{ action: string; actor_id: string | null; entity_id: string | null; ip: string | null }[]>`
      select action, actor_id, entity_id, host(ip) as ip from audit_log where details->>'email' = ${email} or actor_email = ${email}
      order by id`;

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    ({ authenticate } = await import('./sign-in'));
    passwordHash = await hashPassword(PASSWORD);
  });

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });

  it('gives the same result for an unknown e-mail and for a wrong password', async () => {
    await insertUser('known@binhminh.example');
    const ip = nextIp();
    const unknown = await authenticate('nobody@binhminh.example', PASSWORD, ip);
    const wrong = await authenticate('known@binhminh.example', 'not the right password', ip);
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
    expect(wrong).toEqual(unknown);
    // Both are recorded as failed attempts and in the audit trail.
    expect(await attempts('nobody@binhminh.example')).toEqual([{ ip, success: false }]);
    expect(await attempts('known@binhminh.example')).toEqual([{ ip, success: false }]);
    expect((await audits('known@binhminh.example')).map((a) => a.action)).toEqual(['auth.sign_in_failed']);
  });

  it('signs in with the right password, recording the attempt and an audit entry', async () => {
    const user = await insertUser('right@binhminh.example', { role: 'reporter' });
    const ip = nextIp();
    const result = await authenticate('right@binhminh.example', PASSWORD, ip);
    expect(result).toEqual({
      ok: true,
      user: {
        id: user.id,
        email: 'right@binhminh.example',
        name: 'Người dùng right@binhminh.example',
        role: 'reporter',
        sessionVersion: user.session_version,
      },
    });
    expect(await attempts('right@binhminh.example')).toEqual([{ ip, success: true }]);
    const audit = await audits('right@binhminh.example');
    expect(audit).toEqual([{ action: 'auth.sign_in', actor_id: user.id, entity_id: user.id, ip }]);
    const [row] = await database.sql<{ last_sign_in_at: Date | null }[]>`select last_sign_in_at from users where id = ${user.id}`;
    expect(row?.last_sign_in_at).toBeInstanceOf(Date);
  });

  it('refuses the sixth attempt after five wrong passwords even when it is right, but not from another IP', async () => {
    const user = await insertUser('target@binhminh.example');
    const attackerIp = nextIp();
    for (let i = 0; i < 5; i++) {
      expect(await authenticate('target@binhminh.example', `wrong guess ${i}`, attackerIp)).toEqual({ ok: false, reason: 'invalid' });
    }
    const sixth = await authenticate('target@binhminh.example', PASSWORD, attackerIp);
    expect(sixth.ok).toBe(false);
    if (sixth.ok) throw new Error('unreachable');
    expect(sixth.reason).toBe('locked');
    expect(sixth.retryAfterSeconds).toBeGreaterThan(0);
    // Ten minutes after the fifth failure.
    expect(sixth.retryAfterSeconds).toBeLessThanOrEqual(10 * 60);
    expect((await audits('target@binhminh.example')).at(-1)?.action).toBe('auth.sign_in_locked');

    // The owner, elsewhere, is not locked out by the attacker.
    const otherIp = nextIp();
    const elsewhere = await authenticate('target@binhminh.example', PASSWORD, otherIp);
    expect(elsewhere.ok).toBe(true);
    if (elsewhere.ok) expect(elsewhere.user.id).toBe(user.id);

    // And the attacker's pair stays locked.
    const again = await authenticate('target@binhminh.example', PASSWORD, attackerIp);
    expect(again).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('holds the limits when attempts arrive at the same moment', async () => {
    await insertUser('burst@binhminh.example');
    const ip = nextIp();
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => authenticate('burst@binhminh.example', `wrong guess ${i}`, ip)),
    );
    const reasons = burst.map((r) => (r.ok ? 'ok' : r.reason));
    expect(reasons.filter((r) => r === 'invalid')).toHaveLength(5);
    expect(reasons.filter((r) => r === 'locked')).toHaveLength(25);

    const flood = nextIp();
    const many = await Promise.all(
      Array.from({ length: 130 }, (_, i) => authenticate(`nobody-${i}@binhminh.example`, 'wrong guess', flood)),
    );
    expect(many.filter((r) => !r.ok && r.reason === 'rate-limited')).toHaveLength(30);
  });

  it('gives "invalid" for a disabled account with the right password', async () => {
    const user = await insertUser('disabled@binhminh.example', { disabled: true });
    const ip = nextIp();
    expect(await authenticate('disabled@binhminh.example', PASSWORD, ip)).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempts('disabled@binhminh.example')).toEqual([{ ip, success: false }]);
    const audit = await audits('disabled@binhminh.example');
    expect(audit).toEqual([{ action: 'auth.sign_in_failed', actor_id: user.id, entity_id: user.id, ip }]);
    const [row] = await database.sql<{ last_sign_in_at: Date | null }[]>`select last_sign_in_at from users where id = ${user.id}`;
    expect(row?.last_sign_in_at).toBeNull();
  });

  it('rate-limits an IP after 100 attempts within the hour, even with the right password', async () => {
    await insertUser('busy@binhminh.example');
    const ip = nextIp();
    // 100 attempts on 100 different e-mails, so only the per-IP limit can apply.
    await database.sql`
      insert into sign_in_attempts (email, ip, success, created_at)
      select 'spray' || n || '@binhminh.example', ${ip}, false, now() - interval '30 minutes'
      from generate_series(1, 100) as n`;
    const result = await authenticate('busy@binhminh.example', PASSWORD, ip);
    expect(result).toMatchObject({ ok: false, reason: 'rate-limited' });
    if (!result.ok) expect(result.retryAfterSeconds).toBeGreaterThan(0);
    // Refused attempts are still recorded, as failures: they count towards the limits.
    expect(await attempts('busy@binhminh.example')).toEqual([{ ip, success: false }]);

    // Attempts older than an hour do not count.
    const oldIp = nextIp();
    await database.sql`
      insert into sign_in_attempts (email, ip, success, created_at)
      select 'old' || n || '@binhminh.example', ${oldIp}, false, now() - interval '61 minutes'
      from generate_series(1, 100) as n`;
    expect((await authenticate('busy@binhminh.example', PASSWORD, oldIp)).ok).toBe(true);
  });

  it('re-hashes a password hashed with weaker parameters on a successful sign-in', async () => {
    const weak = await hash(PASSWORD.normalize('NFC'), { memoryCost: 4096, timeCost: 1, algorithm: 2 });
    expect(weak.startsWith('$argon2id$v=19$m=4096,t=1,p=1$')).toBe(true);
    const user = await insertUser('legacy@binhminh.example', { hash: weak });

    expect((await authenticate('legacy@binhminh.example', PASSWORD, nextIp())).ok).toBe(true);
    const [row] = await database.sql<{ password_hash: string }[]>`select password_hash from users where id = ${user.id}`;
    expect(row?.password_hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    expect(await verifyPassword(row?.password_hash ?? '', PASSWORD)).toBe(true);

    // The new hash keeps working, and is not re-hashed again.
    expect((await authenticate('legacy@binhminh.example', PASSWORD, nextIp())).ok).toBe(true);
    const [after] = await database.sql<{ password_hash: string }[]>`select password_hash from users where id = ${user.id}`;
    expect(after?.password_hash).toBe(row?.password_hash);
  });

  it('a sign-out ends that session only: its id is revoked, once, the other sessions go on, and it is audited', async () => {
    const { endSession } = await import('./sign-in');
    const { findActiveUser } = await import('@/db/active-user');
    const { db } = await import('@/db');
    const user = await insertUser('signout@binhminh.example');
    const ip = nextIp();
    const phone = randomUUID();
    const office = randomUUID();
    expect(await findActiveUser(db, user.id, phone)).not.toBeNull();
    expect(await endSession({ userId: user.id, sid: phone, sessionVersion: user.session_version }, ip)).toBe(true);
    expect(await findActiveUser(db, user.id, phone)).toBeNull();
    expect(await findActiveUser(db, user.id, office)).toMatchObject({ id: user.id, sessionVersion: user.session_version });
    const [row] = await database.sql<{ session_version: number }[]>`select session_version from users where id = ${user.id}`;
    expect(row?.session_version).toBe(user.session_version);
    // Replaying the ended session's sign-out changes nothing more; malformed input is refused.
    expect(await endSession({ userId: user.id, sid: phone, sessionVersion: user.session_version }, ip)).toBe(false);
    expect(await endSession({ userId: 'not-a-uuid', sid: phone, sessionVersion: 1 }, ip)).toBe(false);
    expect(await endSession({ userId: user.id, sid: 'not-a-session', sessionVersion: user.session_version }, ip)).toBe(false);
    expect(await findActiveUser(db, user.id, 'not-a-session')).toBeNull();
    expect(await audits('signout@binhminh.example')).toEqual([{ action: 'auth.sign_out', actor_id: user.id, entity_id: user.id, ip }]);
    // Revocations are kept only as long as the token could live: expired ones are cleared by the next sign-out.
    await database.sql`update revoked_sessions set expires_at = now() - interval '1 second' where sid = ${phone}`;
    expect(await endSession({ userId: user.id, sid: office, sessionVersion: user.session_version }, ip)).toBe(true);
    expect((await database.sql`select sid from revoked_sessions where user_id = ${user.id}`).map((r) => r.sid)).toEqual([office]);
  });

  it('a token from before session ids ends every session of its account on sign-out, as it always did', async () => {
    const { endSession } = await import('./sign-in');
    const user = await insertUser('signout-legacy@binhminh.example');
    const ip = nextIp();
    expect(await endSession({ userId: user.id, sessionVersion: user.session_version }, ip)).toBe(true);
    const [row] = await database.sql<{ session_version: number }[]>`select session_version from users where id = ${user.id}`;
    expect(row?.session_version).toBe(user.session_version + 1);
    expect(await endSession({ userId: user.id, sessionVersion: user.session_version }, ip)).toBe(false);
    expect(await audits('signout-legacy@binhminh.example')).toEqual([{ action: 'auth.sign_out', actor_id: user.id, entity_id: user.id, ip }]);
  });

  it('takeRateLimit lets exactly `limit` hits through per key and window, also at the same moment', async () => {
    const { takeRateLimit } = await import('./rate-limits');
    const key = nextIp();
    const results = await Promise.all(Array.from({ length: 30 }, () => takeRateLimit('test-bucket', key, 20, 3600)));
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.retryAfterSeconds).toBeGreaterThan(3500);
    // Another key, or another bucket, has its own count.
    expect((await takeRateLimit('test-bucket', nextIp(), 20, 3600)).ok).toBe(true);
    expect((await takeRateLimit('other-bucket', key, 20, 3600)).ok).toBe(true);
    // Hits older than the window no longer count.
    const old = nextIp();
    await database.sql`insert into rate_limit_hits (bucket, key, created_at) select 'test-bucket', ${old}, now() - interval '61 minutes' from generate_series(1, 20)`;
    expect((await takeRateLimit('test-bucket', old, 20, 3600)).ok).toBe(true);
  });
});
