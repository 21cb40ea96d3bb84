import { drizzle } from 'drizzle-orm/postgres-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../lib/testing/database';
import { createFirstAdmin, ensureFirstAdmin, isSetupTokenValid } from './first-admin';
import * as schema from './schema';

describe('first admin', () => {
  let database: TestDatabase;
  let db: ReturnType<typeof drizzle<typeof schema>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = drizzle(database.sql, { schema });
  });
  afterAll(async () => {
    await database.drop();
  });

  it('issues a one-time setup link when there is no admin; the link creates one admin, once', async () => {
    const first = await ensureFirstAdmin(db);
    const second = await ensureFirstAdmin(db);
    expect(first.kind).toBe('setup-link');
    expect(second.kind).toBe('setup-link');
    if (first.kind !== 'setup-link' || second.kind !== 'setup-link') throw new Error('unreachable');
    // A new start replaces the link: the older one stops working.
    expect(await isSetupTokenValid(db, first.token)).toBe(false);
    expect(await isSetupTokenValid(db, second.token)).toBe(true);

    const input = { email: 'quantri@binhminh.example', name: 'Quản trị', password: 'một câu mật khẩu dài' };
    expect(await createFirstAdmin(db, first.token, input)).toBeNull();
    const created = await createFirstAdmin(db, second.token, input);
    expect(created?.id).toBeTruthy();
    expect(await createFirstAdmin(db, second.token, { ...input, email: 'khac@binhminh.example' })).toBeNull();
    const admins = await database.sql`select email, role from users where role = 'admin'`;
    expect(admins).toEqual([{ email: 'quantri@binhminh.example', role: 'admin' }]);
    expect(await ensureFirstAdmin(db)).toEqual({ kind: 'exists' });
  });

  it('creates the admin from ADMIN_EMAIL and ADMIN_PASSWORD only when none is active', async () => {
    await database.sql`update users set disabled = true where role = 'admin'`;
    const result = await ensureFirstAdmin(db, { email: 'Env.Admin@BinhMinh.example', password: 'mật khẩu từ biến môi trường' });
    expect(result).toEqual({ kind: 'created', email: 'env.admin@binhminh.example' });
    const [row] = await database.sql`select role, disabled, password_hash from users where email = 'env.admin@binhminh.example'`;
    expect(row).toMatchObject({ role: 'admin', disabled: false });
    expect(String(row?.password_hash)).toMatch(/^\$argon2id\$/);
    expect(await ensureFirstAdmin(db, { email: 'other@binhminh.example', password: 'mật khẩu khác nữa' })).toEqual({ kind: 'exists' });
  });
});
