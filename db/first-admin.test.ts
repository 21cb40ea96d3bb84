import { drizzle } from 'drizzle-orm/postgres-js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../lib/password';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createFirstAdmin, ensureFirstAdmin, isSetupTokenValid } from './first-admin';
import * as schema from './schema';

// The real hashing, watched: a setup link that is not valid must not cost an argon2id hash.
vi.mock('../lib/password', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../lib/password')>();
  return { ...actual, hashPassword: vi.fn(actual.hashPassword) };
});

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

describe('first admin setup link, checked before hashing', () => {
  let database: TestDatabase;
  let db: ReturnType<typeof drizzle<typeof schema>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = drizzle(database.sql, { schema });
  });
  afterAll(async () => {
    await database.drop();
  });

  it('does not hash a password for a wrong or replaced setup token', async () => {
    const hashing = vi.mocked(hashPassword);
    const old = await ensureFirstAdmin(db);
    const current = await ensureFirstAdmin(db);
    if (old.kind !== 'setup-link' || current.kind !== 'setup-link') throw new Error('expected setup links');
    const input = { email: 'quantri@binhminh.example', name: 'Quản trị', password: 'một câu mật khẩu dài' };
    hashing.mockClear();
    expect(await createFirstAdmin(db, 'khong-phai-ma-thiet-lap-0123456789', input)).toBeNull();
    expect(await createFirstAdmin(db, old.token, input)).toBeNull();
    expect(hashing).not.toHaveBeenCalled();
    expect(await createFirstAdmin(db, current.token, input)).not.toBeNull();
    expect(hashing).toHaveBeenCalledTimes(1);
    // Once an admin exists the link is spent: no hashing for it either.
    hashing.mockClear();
    expect(await createFirstAdmin(db, current.token, { ...input, email: 'khac@binhminh.example' })).toBeNull();
    expect(hashing).not.toHaveBeenCalled();
  });
});
