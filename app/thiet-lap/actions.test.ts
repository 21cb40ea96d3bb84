// The first-admin setup form's action against a real PostgreSQL: attempts are limited per
// client address before the token is checked or any password hashed. Only Next's runtime is replaced.
import { drizzle } from 'drizzle-orm/postgres-js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/database';
import type { ActionState } from '@/lib/auth/action';
import * as schema from '@/db/schema';
import { closeAppSql } from '@/db/client';

const request = vi.hoisted(() => ({ ip: '203.0.113.20' }));
class RedirectMarker extends Error {}
vi.mock('next/headers', () => ({ headers: vi.fn(async () => new Headers({ 'x-newsroom-client-ip': request.ip })) }));
vi.mock('next/navigation', () => ({
  redirect: vi.fn((to: string) => {
    throw new RedirectMarker(to);
  }),
}));

describe('setupFirstAdmin', () => {
  let database: TestDatabase;
  let setupFirstAdmin: typeof import('./actions').setupFirstAdmin;
  let limit: number;
  const PASSWORD = 'một câu mật khẩu thật dài';

  const form = (token: string) => {
    const data = new FormData();
    data.append('token', token);
    data.append('email', 'quantri@binhminh.example');
    data.append('name', 'Nguyễn Quản Trị');
    data.append('password', PASSWORD);
    data.append('confirmPassword', PASSWORD);
    return data;
  };
  const submit = (token: string): Promise<ActionState | 'redirected'> =>
    setupFirstAdmin({}, form(token)).catch((error: unknown) => {
      if (error instanceof RedirectMarker) return 'redirected' as const;
      throw error;
    });
  const admins = async () => (await database.sql`select count(*)::int as n from users where role = 'admin'`)[0]?.n;

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    ({ setupFirstAdmin } = await import('./actions'));
    ({ LINK_ATTEMPTS_PER_HOUR: limit } = await import('@/db/writes/sign-in'));
  });
  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });

  it('refuses attempts from an address over the limit, even with the valid link; keeps the typed e-mail and name, not the passwords', async () => {
    expect(limit).toBeGreaterThan(0);
    const { ensureFirstAdmin } = await import('@/db/first-admin');
    const link = await ensureFirstAdmin(drizzle(database.sql, { schema }));
    if (link.kind !== 'setup-link') throw new Error('expected a setup link');
    for (let i = 0; i < limit; i++) {
      expect(await submit(`khong-phai-ma-thiet-lap-${i}-0123456789`)).toMatchObject({ ok: false, message: expect.stringContaining('không còn hiệu lực') });
    }
    const refused = await submit(link.token);
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringMatching(/quá nhiều lần.*thử lại sau \d+ phút/),
      values: { email: 'quantri@binhminh.example', name: 'Nguyễn Quản Trị' },
    });
    expect(JSON.stringify(refused)).not.toContain(PASSWORD);
    expect(await admins()).toBe(0);

    request.ip = '203.0.113.21';
    expect(await submit(link.token)).toBe('redirected');
    expect(await admins()).toBe(1);
  });
});
