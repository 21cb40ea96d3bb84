import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/database';
import { seedDemoContent } from '../seed';
import { closeAppSql } from '@/db/client';

// storeComment() against a real, migrated PostgreSQL database of its own.
describe('storeComment', () => {
  let database: TestDatabase;
  let comments: typeof import('./comments');
  let live: number;
  let draft: number;
  let counter = 0;
  const nextIpHash = () => `ip-hash-${++counter}-${Date.now()}`;
  /** A fresh challenge whose right answer hashes to `answerHash`. */
  const challenge = async (answerHash = 'dung') => {
    const [row] = await database.sql<{ id: string }[]>`
      insert into captcha_challenges (answer_hash, expires_at) values (${answerHash}, now() + interval '10 minutes') returning id`;
    return { id: row!.id, answerHash, anyAnswer: false };
  };
  const comment = async (articleId: number, ipHash: string, captcha?: { id: string; answerHash: string; anyAnswer: boolean }) =>
    comments.storeComment(
      { articleId, name: 'Người đọc', phone: null, title: 'Ý kiến', content: 'Nội dung bình luận', ipHash, flags: [], consentPolicyVersion: 1 },
      captcha ?? (await challenge()),
    );
  const stored = (ipHash: string) =>
    database.sql<{ status: string; flags: string[]; phone: string | null }[]>`select status, flags, phone from comments where ip_hash = ${ipHash}`;
  const hits = async (ipHash: string) =>
    Number((await database.sql`select count(*)::int as n from rate_limit_hits where bucket = 'comment' and key = ${ipHash}`)[0]?.n);

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoContent(database.sql);
    process.env.DATABASE_URL = database.url;
    comments = await import('./comments');
    const [a] = await database.sql<{ id: number }[]>`select id from articles where status = 'published' and published_at <= now() limit 1`;
    const [d] = await database.sql<{ id: number }[]>`
      insert into articles (slug, title, status) values ('ban-nhap-binh-luan', 'Bản nháp', 'draft') returning id`;
    live = a!.id;
    draft = d!.id;
  });

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });

  it('stores a pending comment with its flags and phone, and counts it against the address', async () => {
    const ipHash = nextIpHash();
    const result = await comments.storeComment(
      { articleId: live, name: 'Người đọc', phone: '+84912345678', title: 'Ý kiến', content: 'Có liên kết', ipHash, flags: ['links'], consentPolicyVersion: 1 },
      await challenge(),
    );
    expect(result).toEqual({ stored: true });
    expect(await stored(ipHash)).toEqual([{ status: 'pending', flags: ['links'], phone: '+84912345678' }]);
    expect(await hits(ipHash)).toBe(1);
    const other = nextIpHash();
    expect(await comment(live, other)).toEqual({ stored: true });
    expect((await stored(other))[0]?.flags).toEqual([]);
  });

  it('uses up the code whatever the answer: a wrong answer stores nothing, and no code works twice', async () => {
    const ipHash = nextIpHash();
    const code = await challenge('dung');
    expect(await comment(live, ipHash, { ...code, answerHash: 'sai' })).toEqual({ stored: false, wrongCode: true });
    expect(await comment(live, ipHash, code)).toEqual({ stored: false, wrongCode: true });
    expect(await comment(live, ipHash, { id: 'khong-phai-ma', answerHash: 'dung', anyAnswer: true })).toEqual({ stored: false, wrongCode: true });
    const [used] = await database.sql<{ used: boolean }[]>`select used_at is not null as used from captcha_challenges where id = ${code.id}`;
    expect(used?.used).toBe(true);
    const fresh = await challenge('dung');
    expect(await comment(live, ipHash, fresh)).toEqual({ stored: true });
    expect(await comment(live, nextIpHash(), fresh)).toEqual({ stored: false, wrongCode: true });
    // The test code answers any fresh challenge.
    expect(await comment(live, nextIpHash(), { ...(await challenge('dung')), answerHash: 'bat-ky', anyAnswer: true })).toEqual({ stored: true });
    expect((await stored(ipHash)).length).toBe(1);
    expect(await hits(ipHash)).toBe(1);
  });

  it('makes an address wait between comments, and after ten in an hour; stores nothing meanwhile', async () => {
    const ipHash = nextIpHash();
    expect(await comment(live, ipHash)).toEqual({ stored: true });
    const again = await comment(live, ipHash);
    expect(again).toMatchObject({ stored: false });
    expect('waitSeconds' in again && again.waitSeconds).toBeGreaterThanOrEqual(14);
    expect((await stored(ipHash)).length).toBe(1);
    expect(await hits(ipHash)).toBe(1);

    const busy = nextIpHash();
    await database.sql`
      insert into rate_limit_hits (bucket, key, created_at)
      select 'comment', ${busy}, now() - make_interval(mins => 50 - n) from generate_series(1, ${comments.MAX_COMMENTS_PER_HOUR}) as n`;
    const limited = await comment(live, busy);
    expect(limited).toMatchObject({ stored: false });
    // The oldest of the ten was 49 minutes ago: about 11 minutes to go.
    expect('waitSeconds' in limited && limited.waitSeconds).toBeGreaterThan(10 * 60);
    expect('waitSeconds' in limited && limited.waitSeconds).toBeLessThanOrEqual(11 * 60);
    expect(await stored(busy)).toEqual([]);
  });

  it('refuses an article that is not live, and does not count the attempt', async () => {
    const ipHash = nextIpHash();
    expect(await comment(draft, ipHash)).toEqual({ stored: false, closed: true });
    expect(await comment(2_000_000_000, ipHash)).toEqual({ stored: false, closed: true });
    expect(await stored(ipHash)).toEqual([]);
    expect(await hits(ipHash)).toBe(0);
  });

  it('gives one address CAPTCHAS_PER_ADDRESS codes per window, then says when to come back; other addresses are not held', async () => {
    const rows = async () => Number((await database.sql`select count(*)::int as n from captcha_challenges`)[0]?.n);
    const before = await rows();
    const results = [];
    for (let i = 0; i <= comments.CAPTCHAS_PER_ADDRESS + 5; i++) results.push(await comments.createCaptchaChallenge(`dap-an-${i}`, 'mot-dia-chi'));
    const issued = results.filter((r) => 'id' in r);
    expect(issued.length).toBe(comments.CAPTCHAS_PER_ADDRESS);
    expect(results.at(-1)).toEqual({ limited: true, retryAfterSeconds: expect.any(Number) });
    const last = results.at(-1) as { retryAfterSeconds: number };
    expect(last.retryAfterSeconds).toBeGreaterThan(0);
    expect(last.retryAfterSeconds).toBeLessThanOrEqual(comments.CAPTCHA_WINDOW_MINUTES * 60);
    // Refused requests store nothing.
    expect(await rows()).toBe(before + comments.CAPTCHAS_PER_ADDRESS);
    expect('id' in (await comments.createCaptchaChallenge('dap-an', 'dia-chi-khac'))).toBe(true);

    // Once the window has passed, the address gets codes again.
    await database.sql`update rate_limit_hits set created_at = now() - make_interval(mins => ${comments.CAPTCHA_WINDOW_MINUTES + 1}) where key = 'mot-dia-chi'`;
    expect('id' in (await comments.createCaptchaChallenge('dap-an', 'mot-dia-chi'))).toBe(true);
  });

  it('stores the consent with the comment: the policy version shown and the server time', async () => {
    const ipHash = nextIpHash();
    const [start] = await database.sql<{ at: string }[]>`select clock_timestamp()::text as at`;
    expect(await comment(live, ipHash)).toEqual({ stored: true });
    const [row] = await database.sql<{ version: number; fresh: boolean }[]>`
      select consent_policy_version as version, consented_at between ${start!.at}::timestamptz and clock_timestamp() as fresh
        from comments where ip_hash = ${ipHash}`;
    expect(row).toEqual({ version: 1, fresh: true });
    // Proof is whole or absent: a version without a time (or the reverse) is refused by the database.
    await expect(database.sql`update comments set consented_at = null where ip_hash = ${ipHash}`).rejects.toThrow(/comments_consent_complete/);
  });

  it('refuses a policy version that does not exist, or that was superseded more than a day ago; the code is used up, nothing counted', async () => {
    const unknownIp = nextIpHash();
    const code = await challenge();
    const unknown = await comments.storeComment(
      { articleId: live, name: 'Người đọc', phone: null, title: 'Ý kiến', content: 'Phiên bản lạ', ipHash: unknownIp, flags: [], consentPolicyVersion: 999 },
      code,
    );
    expect(unknown).toEqual({ stored: false, stalePolicy: true, currentVersion: 1 });
    expect(await stored(unknownIp)).toEqual([]);
    expect(await hits(unknownIp)).toBe(0);
    expect(await comment(live, nextIpHash(), code)).toEqual({ stored: false, wrongCode: true });

    // Version 2 published just now: a page still showing version 1 may be consented to.
    await database.sql`insert into privacy_policy_versions (version, organisation_name, address, contact_email, collected, purposes, retention, rights)
      select 2, organisation_name || ' (2)', address, contact_email, collected, purposes, retention, rights from privacy_policy_versions where version = 1`;
    expect(await comment(live, nextIpHash())).toEqual({ stored: true });
    // Version 3, published more than SUPERSEDED_GRACE_HOURS ago: versions 1 and 2 are no longer accepted.
    await database.sql`insert into privacy_policy_versions (version, organisation_name, address, contact_email, collected, purposes, retention, rights, created_at)
      select 3, organisation_name || ' (3)', address, contact_email, collected, purposes, retention, rights, now() - interval '25 hours' from privacy_policy_versions where version = 1`;
    const ipHash = nextIpHash();
    const late = (version: number) =>
      challenge().then((c) =>
        comments.storeComment({ articleId: live, name: 'Người đọc', phone: null, title: 'Ý kiến', content: `Đồng ý bản ${version}`, ipHash, flags: [], consentPolicyVersion: version }, c),
      );
    expect(await late(1)).toEqual({ stored: false, stalePolicy: true, currentVersion: 3 });
    expect(await late(2)).toEqual({ stored: false, stalePolicy: true, currentVersion: 3 });
    expect(await late(3)).toEqual({ stored: true });
    expect((await database.sql`select consent_policy_version as v from comments where ip_hash = ${ipHash}`).map((r) => r.v)).toEqual([3]);
  });
});
