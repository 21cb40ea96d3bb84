// The set-password form's action against a real PostgreSQL: attempts are limited per client
// address before any token is looked up or any password hashed. Only Next's runtime is replaced.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/database';
import type { ActionState } from '@/lib/auth/action';
import { hashPassword } from '@/lib/password';
import { closeAppSql } from '@/db/client';

const request = vi.hoisted(() => ({ ip: '203.0.113.10' }));
class RedirectMarker extends Error {}
vi.mock('next/headers', () => ({ headers: vi.fn(async () => new Headers({ 'x-newsroom-client-ip': request.ip })) }));
vi.mock('next/navigation', () => ({
  redirect: vi.fn((to: string) => {
    throw new RedirectMarker(to);
  }),
}));

describe('setPasswordAction', () => {
  let database: TestDatabase;
  let setPasswordAction: typeof import('./actions').setPasswordAction;
  let users: typeof import('@/db/writes/users');
  let limit: number;
  let userId: string;
  const NEW_PASSWORD = 'nắng vàng trên sông Hàn';

  const form = (token: string, password = NEW_PASSWORD) => {
    const data = new FormData();
    data.append('token', token);
    data.append('password', password);
    data.append('confirmPassword', password);
    return data;
  };
  const submit = (token: string): Promise<ActionState | 'redirected'> =>
    setPasswordAction({}, form(token)).catch((error: unknown) => {
      if (error instanceof RedirectMarker) return 'redirected' as const;
      throw error;
    });
  const passwordHash = async () => (await database.sql<{ h: string | null }[]>`select password_hash as h from users where id = ${userId}`)[0]?.h;

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    ({ setPasswordAction } = await import('./actions'));
    users = await import('@/db/writes/users');
    ({ LINK_ATTEMPTS_PER_HOUR: limit } = await import('@/db/writes/sign-in'));
    const [row] = await database.sql<{ id: string }[]>`
      insert into users (email, name, role, password_hash) values ('btv@binhminh.example', 'Biên tập', 'editor', ${await hashPassword('mưa rơi trên phố cổ')})
      returning id`;
    if (!row) throw new Error('insert returned nothing');
    userId = row.id;
  });
  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });
  beforeEach(async () => {
    await database.sql`delete from rate_limit_hits`;
  });

  it('refuses attempts from an address over the limit, even with a valid link, in Vietnamese, without the passwords', async () => {
    expect(limit).toBeGreaterThan(0);
    request.ip = '203.0.113.10';
    for (let i = 0; i < limit; i++) {
      const answer = await submit(`khong-phai-lien-ket-${i}-0123456789abcdef`);
      expect(answer).toMatchObject({ ok: false, message: expect.stringContaining('không còn hiệu lực') });
    }
    const { token } = await users.issueResetLink(userId, { id: null, email: null }, '203.0.113.1');
    const before = await passwordHash();
    const refused = await submit(token);
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/quá nhiều lần.*thử lại sau \d+ phút/) });
    expect(JSON.stringify(refused)).not.toContain(NEW_PASSWORD);
    expect(await passwordHash()).toBe(before);
    // The link itself is not spent by a refused attempt.
    expect(await users.isTokenUsable(token)).toBe(true);

    // Another address is not held back by the first one's attempts.
    request.ip = '203.0.113.11';
    expect(await submit(token)).toBe('redirected');
    expect(await passwordHash()).not.toBe(before);
  });

  it('does not count a form that fails its own checks (nothing is looked up or hashed for it)', async () => {
    request.ip = '203.0.113.12';
    for (let i = 0; i < limit + 5; i++) {
      const answer = await setPasswordAction({}, form('ngan'));
      expect(answer.ok).toBe(false);
      expect(answer.fieldErrors?.token).toBeTruthy();
    }
    const [row] = await database.sql`select count(*)::int as n from rate_limit_hits`;
    expect(row?.n).toBe(0);
  });
});
