import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/database';
import { hashPassword, verifyPassword } from '@/lib/password';

// The real hashing, watched: a link that is not valid must not cost an argon2id hash.
vi.mock('@/lib/password', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/password')>();
  return { ...actual, hashPassword: vi.fn(actual.hashPassword) };
});
import type { Role } from '@/lib/auth/permissions';
import { closeAppSql } from '@/db/client';

type UsersModule = typeof import('./users');

// Account writes against a real, migrated PostgreSQL database of its own.
describe('account writes', () => {
  let database: TestDatabase;
  let m: UsersModule;
  let knownHash: string;
  const IP = '203.0.113.7';
  const PASSWORD = 'mưa rơi trên phố cổ';
  const NEW_PASSWORD = 'nắng vàng trên sông Hàn';

  type UserRow = { id: string; email: string; name: string; role: Role; disabled: boolean; session_version: number; password_hash: string | null };
  type AuditRow = { action: string; actor_id: string | null; actor_email: string | null; entity_type: string | null; entity_id: string | null; details: Record<string, unknown>; ip: string | null };

  async function insertUser(email: string, role: Role, disabled = false): Promise<UserRow> {
    const [row] = await database.sql<UserRow[]>`
      insert into users (email, name, role, password_hash, disabled)
      values (${email}, ${'Tên ' + email}, ${role}, ${knownHash}, ${disabled})
      returning id, email, name, role, disabled, session_version, password_hash`;
    if (!row) throw new Error('insert returned nothing');
    return row;
  }
  async function getUser(id: string): Promise<UserRow> {
    const [row] = await database.sql<UserRow[]>`
      select id, email, name, role, disabled, session_version, password_hash from users where id = ${id}`;
    if (!row) throw new Error(`no user ${id}`);
    return row;
  }
  const auditRows = () =>
    database.sql<AuditRow[]>`
      select action, actor_id, actor_email, entity_type, entity_id, details, host(ip) as ip from audit_log order by id`;
  const tokenRows = (userId: string) =>
    database.sql<{ token_hash: string; purpose: string; expires_at: Date; used_at: Date | null; created_by: string | null }[]>`
      select token_hash, purpose, expires_at, used_at, created_by from user_tokens where user_id = ${userId} order by created_at, id`;
  const actorOf = (u: UserRow) => ({ id: u.id, email: u.email });

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    m = await import('./users');
    knownHash = await hashPassword(PASSWORD);
  });

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });

  let admin: UserRow;
  beforeEach(async () => {
    await database.sql`truncate users, user_tokens, audit_log, sign_in_attempts cascade`;
    admin = await insertUser('admin@binhminh.example', 'admin');
  });

  describe('createUser', () => {
    it('creates an account with a password, and audits it', async () => {
      const created = await m.createUser({ email: 'pv@binhminh.example', name: 'Phóng viên', role: 'reporter', password: PASSWORD }, actorOf(admin), IP);
      expect(created.setupToken).toBeUndefined();
      const user = await getUser(created.id);
      expect(user).toMatchObject({ email: 'pv@binhminh.example', name: 'Phóng viên', role: 'reporter', disabled: false });
      expect(user.password_hash?.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
      expect(await verifyPassword(user.password_hash ?? '', PASSWORD)).toBe(true);
      expect(await tokenRows(created.id)).toEqual([]);
      expect(await auditRows()).toEqual([
        {
          action: 'user.create',
          actor_id: admin.id,
          actor_email: admin.email,
          entity_type: 'user',
          entity_id: created.id,
          details: { email: 'pv@binhminh.example', role: 'reporter' },
          ip: IP,
        },
      ]);
    });

    it('creates an account with a one-time set-password link instead', async () => {
      const created = await m.createUser({ email: 'btv@binhminh.example', name: 'Biên tập viên', role: 'editor' }, actorOf(admin), IP);
      expect(created.setupToken).toEqual(expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/));
      const user = await getUser(created.id);
      expect(user.password_hash).toBeNull();
      const tokens = await tokenRows(created.id);
      expect(tokens).toHaveLength(1);
      // Only the hash of the token is stored, never the token itself.
      expect(tokens[0]).toMatchObject({ token_hash: m.hashToken(created.setupToken ?? ''), purpose: 'setup', used_at: null, created_by: admin.id });
      const hoursLeft = ((tokens[0]?.expires_at.getTime() ?? 0) - Date.now()) / 3_600_000;
      expect(hoursLeft).toBeGreaterThan(m.SETUP_LINK_HOURS - 0.1);
      expect(hoursLeft).toBeLessThanOrEqual(m.SETUP_LINK_HOURS);
      expect((await auditRows()).map((a) => [a.action, a.entity_id])).toEqual([['user.create', created.id]]);

      // The link sets the first password.
      expect(await m.isTokenUsable(created.setupToken ?? '')).toBe(true);
      expect(await m.setPasswordWithToken(created.setupToken ?? '', NEW_PASSWORD, IP)).toBe('btv@binhminh.example');
      expect(await verifyPassword((await getUser(created.id)).password_hash ?? '', NEW_PASSWORD)).toBe(true);
      expect(await m.isTokenUsable(created.setupToken ?? '')).toBe(false);
    });

    it('refuses a second account with the same e-mail, with an error on the email field', async () => {
      await m.createUser({ email: 'dup@binhminh.example', name: 'Một', role: 'reporter', password: PASSWORD }, actorOf(admin), IP);
      const error = await m
        .createUser({ email: 'dup@binhminh.example', name: 'Hai', role: 'admin', password: PASSWORD }, actorOf(admin), IP)
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(m.UserError);
      expect((error as InstanceType<UsersModule['UserError']>).field).toBe('email');
      expect((error as Error).message).toBeTruthy();
      const rows = await database.sql`select name, role from users where email = 'dup@binhminh.example'`;
      expect(rows).toEqual([{ name: 'Một', role: 'reporter' }]);
      expect((await auditRows()).map((a) => a.action)).toEqual(['user.create']);
    });
  });

  describe('changeRole', () => {
    it('refuses to demote the last active admin', async () => {
      await expect(m.changeRole(admin.id, 'editor', actorOf(admin), IP)).rejects.toBeInstanceOf(m.UserError);
      expect((await getUser(admin.id)).role).toBe('admin');
      expect(await auditRows()).toEqual([]);
    });

    it('does not count a disabled admin as another active admin', async () => {
      await insertUser('old-admin@binhminh.example', 'admin', true);
      await expect(m.changeRole(admin.id, 'reporter', actorOf(admin), IP)).rejects.toBeInstanceOf(m.UserError);
      expect((await getUser(admin.id)).role).toBe('admin');
      expect(await auditRows()).toEqual([]);
    });

    it('demotes an admin while another active admin remains, and audits it', async () => {
      const other = await insertUser('admin2@binhminh.example', 'admin');
      await m.changeRole(admin.id, 'editor', actorOf(other), IP);
      expect((await getUser(admin.id)).role).toBe('editor');
      expect(await auditRows()).toEqual([
        {
          action: 'user.role_change',
          actor_id: other.id,
          actor_email: other.email,
          entity_type: 'user',
          entity_id: admin.id,
          details: { email: admin.email, from: 'admin', to: 'editor' },
          ip: IP,
        },
      ]);
      // Now `other` is the last one.
      await expect(m.changeRole(other.id, 'reporter', actorOf(other), IP)).rejects.toBeInstanceOf(m.UserError);
    });

    it('promotes a reporter, and refuses an unknown account', async () => {
      const reporter = await insertUser('pv@binhminh.example', 'reporter');
      await m.changeRole(reporter.id, 'editor', actorOf(admin), IP);
      expect((await getUser(reporter.id)).role).toBe('editor');
      expect((await auditRows()).map((a) => [a.action, a.details])).toEqual([
        ['user.role_change', { email: reporter.email, from: 'reporter', to: 'editor' }],
      ]);
      await expect(m.changeRole('00000000-0000-4000-8000-000000000000', 'editor', actorOf(admin), IP)).rejects.toBeInstanceOf(m.UserError);
    });
  });

  describe('setDisabled', () => {
    it('refuses to disable the last active admin', async () => {
      await expect(m.setDisabled(admin.id, true, actorOf(admin), IP)).rejects.toBeInstanceOf(m.UserError);
      expect(await getUser(admin.id)).toMatchObject({ disabled: false, session_version: admin.session_version });
      expect(await auditRows()).toEqual([]);
    });

    it('disables an admin while another active admin remains, bumping the session version', async () => {
      const other = await insertUser('admin2@binhminh.example', 'admin');
      await m.setDisabled(admin.id, true, actorOf(other), IP);
      expect(await getUser(admin.id)).toMatchObject({ disabled: true, session_version: admin.session_version + 1 });
      expect(await auditRows()).toEqual([
        {
          action: 'user.disable',
          actor_id: other.id,
          actor_email: other.email,
          entity_type: 'user',
          entity_id: admin.id,
          details: { email: admin.email },
          ip: IP,
        },
      ]);
      // The remaining admin is now the last one.
      await expect(m.setDisabled(other.id, true, actorOf(other), IP)).rejects.toBeInstanceOf(m.UserError);
      expect((await getUser(other.id)).disabled).toBe(false);
    });

    it('keeps one admin when two admins are disabled at the same moment, without deadlocking', async () => {
      for (let round = 0; round < 5; round++) {
        await database.sql`update users set disabled = false where role = 'admin'`;
        const other = await insertUser(`admin-race-${round}@binhminh.example`, 'admin');
        const results = await Promise.allSettled([
          m.setDisabled(admin.id, true, actorOf(other), IP),
          m.setDisabled(other.id, true, actorOf(admin), IP),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const refused = results.find((r) => r.status === 'rejected');
        expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(m.UserError);
        const [active] = await database.sql`select count(*)::int as n from users where role = 'admin' and not disabled`;
        expect(active?.n).toBe(1);
        await database.sql`delete from users where id = ${other.id}`;
      }
    });

    it('disables and enables a reporter, bumping the session version each time', async () => {
      const reporter = await insertUser('pv@binhminh.example', 'reporter');
      await m.setDisabled(reporter.id, true, actorOf(admin), IP);
      expect(await getUser(reporter.id)).toMatchObject({ disabled: true, session_version: reporter.session_version + 1 });
      // Disabling again changes nothing.
      await m.setDisabled(reporter.id, true, actorOf(admin), IP);
      expect((await getUser(reporter.id)).session_version).toBe(reporter.session_version + 1);
      await m.setDisabled(reporter.id, false, actorOf(admin), IP);
      expect(await getUser(reporter.id)).toMatchObject({ disabled: false, session_version: reporter.session_version + 2 });
      expect((await auditRows()).map((a) => [a.action, a.entity_id, a.actor_id])).toEqual([
        ['user.disable', reporter.id, admin.id],
        ['user.enable', reporter.id, admin.id],
      ]);
    });
  });

  describe('issueResetLink and setPasswordWithToken', () => {
    it('resets a password once; the link cannot be used a second time', async () => {
      const editor = await insertUser('btv@binhminh.example', 'editor');
      const { token, email } = await m.issueResetLink(editor.id, actorOf(admin), IP);
      expect(email).toBe(editor.email);
      const [stored] = await tokenRows(editor.id);
      expect(stored).toMatchObject({ token_hash: m.hashToken(token), purpose: 'reset', used_at: null, created_by: admin.id });
      const hoursLeft = ((stored?.expires_at.getTime() ?? 0) - Date.now()) / 3_600_000;
      expect(hoursLeft).toBeGreaterThan(m.RESET_LINK_HOURS - 0.1);
      expect(hoursLeft).toBeLessThanOrEqual(m.RESET_LINK_HOURS);

      expect(await m.setPasswordWithToken(token, NEW_PASSWORD, IP)).toBe(editor.email);
      const after = await getUser(editor.id);
      expect(await verifyPassword(after.password_hash ?? '', NEW_PASSWORD)).toBe(true);
      expect(await verifyPassword(after.password_hash ?? '', PASSWORD)).toBe(false);
      // Every other session of the account ends.
      expect(after.session_version).toBe(editor.session_version + 1);

      expect(await m.setPasswordWithToken(token, 'một mật khẩu khác hẳn', IP)).toBeNull();
      const again = await getUser(editor.id);
      expect(again.password_hash).toBe(after.password_hash);
      expect(again.session_version).toBe(after.session_version);

      expect(await auditRows()).toEqual([
        {
          action: 'user.reset_link',
          actor_id: admin.id,
          actor_email: admin.email,
          entity_type: 'user',
          entity_id: editor.id,
          details: { email: editor.email },
          ip: IP,
        },
        {
          action: 'user.password_set',
          actor_id: editor.id,
          actor_email: editor.email,
          entity_type: 'user',
          entity_id: editor.id,
          details: {},
          ip: IP,
        },
      ]);
    });

    it('refuses an expired link', async () => {
      const editor = await insertUser('btv@binhminh.example', 'editor');
      const { token } = await m.issueResetLink(editor.id, actorOf(admin), IP);
      await database.sql`update user_tokens set expires_at = now() - interval '1 minute' where token_hash = ${m.hashToken(token)}`;
      expect(await m.isTokenUsable(token)).toBe(false);
      expect(await m.setPasswordWithToken(token, NEW_PASSWORD, IP)).toBeNull();
      const after = await getUser(editor.id);
      expect(after.password_hash).toBe(editor.password_hash);
      expect(after.session_version).toBe(editor.session_version);
      expect((await auditRows()).map((a) => a.action)).toEqual(['user.reset_link']);
    });

    it('refuses an unknown token, and an earlier link once a newer one is issued', async () => {
      const editor = await insertUser('btv@binhminh.example', 'editor');
      expect(await m.setPasswordWithToken('not-a-token', NEW_PASSWORD, IP)).toBeNull();
      const first = await m.issueResetLink(editor.id, actorOf(admin), IP);
      const second = await m.issueResetLink(editor.id, actorOf(admin), IP);
      expect(second.token).not.toBe(first.token);
      expect(await m.setPasswordWithToken(first.token, NEW_PASSWORD, IP)).toBeNull();
      expect(await m.setPasswordWithToken(second.token, NEW_PASSWORD, IP)).toBe(editor.email);
      expect((await auditRows()).map((a) => a.action)).toEqual(['user.reset_link', 'user.reset_link', 'user.password_set']);
    });

    it('refuses a reset link for an unknown account', async () => {
      await expect(m.issueResetLink('00000000-0000-4000-8000-000000000000', actorOf(admin), IP)).rejects.toBeInstanceOf(m.UserError);
      expect(await auditRows()).toEqual([]);
    });
  });

  describe('one-time links and password changes', () => {
    const usable = async (userId: string) => (await tokenRows(userId)).filter((t) => t.used_at === null && t.expires_at.getTime() > Date.now());

    it('changing one’s own password voids the account’s outstanding set-password and reset links', async () => {
      const editor = await insertUser('btv@binhminh.example', 'editor');
      const { token } = await m.issueResetLink(editor.id, actorOf(admin), IP);
      expect(await m.isTokenUsable(token)).toBe(true);
      await m.changeOwnPassword(editor.id, PASSWORD, NEW_PASSWORD, IP);
      expect(await verifyPassword((await getUser(editor.id)).password_hash ?? '', NEW_PASSWORD)).toBe(true);
      expect(await m.isTokenUsable(token)).toBe(false);
      expect(await usable(editor.id)).toEqual([]);
      // The old link cannot put a password of its holder's choosing back.
      expect(await m.setPasswordWithToken(token, 'mật khẩu của kẻ giữ liên kết', IP)).toBeNull();
      expect(await verifyPassword((await getUser(editor.id)).password_hash ?? '', NEW_PASSWORD)).toBe(true);
    });

    it('a new link voids every older outstanding link of the account, whatever its purpose', async () => {
      const created = await m.createUser({ email: 'moi@binhminh.example', name: 'Người mới', role: 'reporter' }, actorOf(admin), IP);
      const setupToken = created.setupToken ?? '';
      expect(await m.isTokenUsable(setupToken)).toBe(true);
      const reset = await m.issueResetLink(created.id, actorOf(admin), IP);
      expect(await m.isTokenUsable(setupToken)).toBe(false);
      expect(await m.setPasswordWithToken(setupToken, NEW_PASSWORD, IP)).toBeNull();
      expect(await m.setPasswordWithToken(reset.token, NEW_PASSWORD, IP)).toBe('moi@binhminh.example');
      expect(await usable(created.id)).toEqual([]);
    });

    it('does not hash a password for a link that is unknown, used or expired', async () => {
      const hashing = vi.mocked(hashPassword);
      const editor = await insertUser('btv@binhminh.example', 'editor');
      const expired = await m.issueResetLink(editor.id, actorOf(admin), IP);
      await database.sql`update user_tokens set expires_at = now() - interval '1 minute' where token_hash = ${m.hashToken(expired.token)}`;
      const used = await m.issueResetLink(editor.id, actorOf(admin), IP);
      expect(await m.setPasswordWithToken(used.token, NEW_PASSWORD, IP)).toBe(editor.email);

      hashing.mockClear();
      expect(await m.setPasswordWithToken('khong-phai-lien-ket-nao-ca-0123456789', NEW_PASSWORD, IP)).toBeNull();
      expect(await m.setPasswordWithToken(expired.token, NEW_PASSWORD, IP)).toBeNull();
      expect(await m.setPasswordWithToken(used.token, NEW_PASSWORD, IP)).toBeNull();
      expect(hashing).not.toHaveBeenCalled();

      // A valid link does hash, once.
      const fresh = await m.issueResetLink(editor.id, actorOf(admin), IP);
      expect(await m.setPasswordWithToken(fresh.token, PASSWORD, IP)).toBe(editor.email);
      expect(hashing).toHaveBeenCalledTimes(1);
    });

    it('changes one’s own password with the right current one, and audits it', async () => {
      const editor = await insertUser('btv@binhminh.example', 'editor');
      expect(await m.changeOwnPassword(editor.id, PASSWORD, NEW_PASSWORD, IP)).toEqual({ ok: true });
      const after = await getUser(editor.id);
      expect(await verifyPassword(after.password_hash ?? '', NEW_PASSWORD)).toBe(true);
      expect(after.session_version).toBe(editor.session_version + 1);
      expect((await auditRows()).map((a) => [a.action, a.actor_id, a.entity_id, a.ip])).toEqual([['user.password_change', editor.id, editor.id, IP]]);
    });

    it('locks the change after five wrong current passwords from one address, even when the next is right; audits each', async () => {
      const editor = await insertUser('btv@binhminh.example', 'editor');
      for (let i = 0; i < 5; i++) {
        expect(await m.changeOwnPassword(editor.id, `đoán sai lần ${i}`, NEW_PASSWORD, IP)).toEqual({ ok: false, reason: 'wrong-current' });
      }
      const sixth = await m.changeOwnPassword(editor.id, PASSWORD, NEW_PASSWORD, IP);
      expect(sixth).toMatchObject({ ok: false, reason: 'locked' });
      if (sixth.ok || sixth.reason === 'wrong-current') throw new Error('unreachable');
      expect(sixth.retryAfterSeconds).toBeGreaterThan(0);
      expect(sixth.retryAfterSeconds).toBeLessThanOrEqual(10 * 60);
      const unchanged = await getUser(editor.id);
      expect(unchanged.password_hash).toBe(editor.password_hash);
      expect(unchanged.session_version).toBe(editor.session_version);
      expect((await auditRows()).map((a) => [a.action, a.actor_id, a.entity_id, a.ip])).toEqual([
        ...Array.from({ length: 5 }, () => ['user.password_change_failed', editor.id, editor.id, IP]),
        ['user.password_change_locked', editor.id, editor.id, IP],
      ]);
      // The same lock holds for signing in to the account from that address, as after five
      // wrong sign-ins: both are guesses at the same password.
      const { authenticate } = await import('./sign-in');
      expect(await authenticate(editor.email, PASSWORD, IP)).toMatchObject({ ok: false, reason: 'locked' });

      // From elsewhere the owner can still change it.
      expect(await m.changeOwnPassword(editor.id, PASSWORD, NEW_PASSWORD, '198.51.100.200')).toEqual({ ok: true });
    });
  });
});
