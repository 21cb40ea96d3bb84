// postComment (the reader's comment action) on consent: refused without the tick (zod, beside
// the box, typing kept), stored with the policy version and time when ticked. Real PostgreSQL;
// only Next's request helpers are replaced.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/database';
import { closeAppSql } from '@/db/client';
import { CONSENT_REQUIRED, CONSENT_STALE } from '@/lib/privacy-policy';

const request = vi.hoisted(() => ({ challenge: '', ip: '10.0.0.1' }));
vi.mock('next/headers', () => ({
  cookies: vi.fn(async () => ({ get: (name: string) => (name === 'newsroom_captcha' && request.challenge ? { value: request.challenge } : undefined) })),
  headers: vi.fn(async () => new Headers({ 'x-newsroom-client-ip': request.ip })),
}));

describe('postComment: consent', () => {
  let database: TestDatabase;
  let postComment: typeof import('./actions').postComment;
  let articleId: number;
  let n = 0;

  const fields = (extra: Record<string, string>) => {
    const data = new FormData();
    const all = { name: 'Phạm Đồng Ý', phone: '0912 345 678', title: `Ý kiến ${++n}`, content: 'Nội dung góp ý.', captcha: 'MA-THU', policyVersion: '1', ...extra };
    for (const [k, v] of Object.entries(all)) data.append(k, v);
    return data;
  };
  const stored = (title: string) =>
    database.sql<{ version: number | null; consented: boolean }[]>`select consent_policy_version as version, consented_at is not null as consented from comments where title = ${title}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    process.env.CAPTCHA_TEST_CODE = 'MA-THU';
    process.env.AUTH_SECRET ??= 'bi-mat-kiem-thu-bi-mat-kiem-thu-32';
    ({ postComment } = await import('./actions'));
    const [a] = await database.sql<{ id: number }[]>`insert into articles (slug, title, status, published_at) values ('bai-dong-y', 'Bài', 'published', now()) returning id`;
    articleId = a!.id;
  });

  beforeEach(async () => {
    const [c] = await database.sql<{ id: string }[]>`insert into captcha_challenges (answer_hash, expires_at) values ('x', now() + interval '10 minutes') returning id`;
    request.challenge = c!.id;
    request.ip = `10.0.0.${n + 1}`;
  });

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
    delete process.env.CAPTCHA_TEST_CODE;
  });

  it('without the tick: refused beside the box, everything typed given back, nothing stored', async () => {
    const data = fields({});
    const title = String(data.get('title'));
    const result = await postComment(articleId, {}, data);
    expect(result.ok).toBe(false);
    expect(result.fieldErrors?.consent).toEqual([CONSENT_REQUIRED]);
    expect(result.values).toEqual({ name: 'Phạm Đồng Ý', phone: '0912 345 678', title, content: 'Nội dung góp ý.', consent: '' });
    expect(await stored(title)).toEqual([]);
    // A value other than the box's own is no tick either.
    const forged = await postComment(articleId, {}, fields({ consent: 'on' }));
    expect(forged.fieldErrors?.consent).toEqual([CONSENT_REQUIRED]);
  });

  it('ticked, with no policy version or a malformed one: refused beside the box, the tick kept', async () => {
    for (const policyVersion of ['', 'abc', '0', '99999999999']) {
      const data = fields({ consent: '1', policyVersion });
      const result = await postComment(articleId, {}, data);
      expect(result.fieldErrors?.consent, policyVersion).toEqual([CONSENT_STALE]);
      expect(result.values?.consent).toBe('1');
      expect(await stored(String(data.get('title')))).toEqual([]);
    }
  });

  it('ticked: stored with the version shown and the time', async () => {
    const data = fields({ consent: '1' });
    const result = await postComment(articleId, {}, data);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(await stored(String(data.get('title')))).toEqual([{ version: 1, consented: true }]);
  });

  it('ticked for a version that does not exist: refused, the box cleared, the form told the current version', async () => {
    const data = fields({ consent: '1', policyVersion: '7' });
    const result = await postComment(articleId, {}, data);
    expect(result).toMatchObject({ ok: false, fieldErrors: { consent: [CONSENT_STALE] }, policyVersion: 1, values: { consent: '', content: 'Nội dung góp ý.' } });
    expect(await stored(String(data.get('title')))).toEqual([]);
  });
});
