import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeAppSql } from '@/db/client';
import * as schema from '@/db/schema';
import { createTestDatabase, type TestDatabase } from '@/testing/database';

// The retention job against a real, migrated PostgreSQL database of its own. "Instances" are
// separate connection pools on the same database, as separate servers would have.
describe('runPrivacyRetention', () => {
  let database: TestDatabase;
  let retention: typeof import('./privacy-retention');
  let articleId: number;
  const pools: postgres.Sql[] = [];
  /** Another server's view of the database: its own pool, its own drizzle. */
  const instance = () => {
    const client = postgres(database.url, { max: 3, onnotice: () => {} });
    pools.push(client);
    return drizzle(client, { schema });
  };

  /** A comment `age` old (an SQL interval), with a phone and an address hash unless told otherwise. */
  async function comment(age: string, fields: { status?: string; moderatedAge?: string | null; phone?: string | null; ipHash?: string | null } = {}) {
    const { status = 'approved', moderatedAge = null, phone = '+84912345678', ipHash = 'hash-of-address' } = fields;
    const [row] = await database.sql<{ id: string }[]>`
      insert into comments (article_id, name, phone, title, content, status, ip_hash, created_at, moderated_at)
      values (${articleId}, 'Người đọc', ${phone}, 'Ý kiến', 'Nội dung', ${status}, ${ipHash}, now() - ${age}::interval,
              case when ${moderatedAge}::interval is null then null else now() - ${moderatedAge}::interval end)
      returning id`;
    return Number(row!.id);
  }
  const commentRow = async (id: number) =>
    (await database.sql<{ phone: string | null; ipHash: string | null; content: string; name: string }[]>`
      select phone, ip_hash as "ipHash", content, name from comments where id = ${id}`)[0];
  const runAudits = () =>
    database.sql<{ details: Record<string, unknown>; actorId: string | null }[]>`
      select details, actor_id as "actorId" from audit_log where action = 'privacy_retention.run' order by id`;

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    retention = await import('./privacy-retention');
    const [article] = await database.sql<{ id: number }[]>`
      insert into articles (slug, title, status, published_at) values ('bai-luu-tru', 'Bài', 'published', now() - interval '3 years') returning id`;
    articleId = article!.id;
  });

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end({ timeout: 5 })));
    await closeAppSql();
    await database?.drop();
  });

  beforeEach(async () => {
    await database.sql`truncate comments, rate_limit_hits, article_view_readers, privacy_retention_runs, privacy_retention_settings, audit_log`;
  });

  it('erases phone numbers and address hashes past 12 months and rejected/spam comments past 30 days; keeps the rest as it was', async () => {
    const oldApproved = await comment('13 months');
    const oldPhoneOnly = await comment('400 days', { ipHash: null });
    const recent = await comment('11 months');
    const rejectedOld = await comment('40 days', { status: 'rejected', moderatedAge: '31 days' });
    const spamOld = await comment('2 years', { status: 'spam', moderatedAge: '2 years' });
    // Rejected 29 days ago, though written long before: its 30 days run from the rejection.
    const rejectedRecently = await comment('300 days', { status: 'rejected', moderatedAge: '29 days' });
    const spamNoModeration = await comment('31 days', { status: 'spam' });
    const pendingOld = await comment('40 days', { status: 'pending' });
    await database.sql`insert into rate_limit_hits (bucket, key, created_at) values ('comment', 'old', now() - interval '2 days'), ('comment', 'new', now() - interval '1 hour')`;
    await database.sql`insert into article_view_readers (article_id, reader_hash, address_hash, counted_at)
      values (${articleId}, 'old', 'a', now() - interval '2 hours'), (${articleId}, 'new', 'b', now())`;

    const result = await retention.runPrivacyRetention({ day: '2026-06-01' });
    expect(result).toMatchObject({
      ran: true,
      runDate: '2026-06-01',
      settings: { phoneMonths: 12, rejectedDays: 30 },
      // oldApproved held both, oldPhoneOnly a phone only.
      counts: { phonesErased: 2, addressHashesErased: 1, commentsDeleted: 3, rateLimitHitsDeleted: 1, viewReadersDeleted: 1 },
    });
    expect(await commentRow(oldApproved)).toEqual({ phone: null, ipHash: null, content: 'Nội dung', name: 'Người đọc' });
    expect(await commentRow(oldPhoneOnly)).toMatchObject({ phone: null, ipHash: null });
    expect(await commentRow(recent)).toMatchObject({ phone: '+84912345678', ipHash: 'hash-of-address' });
    expect(await commentRow(rejectedOld)).toBeUndefined();
    expect(await commentRow(spamOld)).toBeUndefined();
    expect(await commentRow(spamNoModeration)).toBeUndefined();
    expect(await commentRow(rejectedRecently)).toMatchObject({ phone: '+84912345678' });
    expect(await commentRow(pendingOld)).toMatchObject({ phone: '+84912345678', ipHash: 'hash-of-address' });
    expect((await database.sql`select key from rate_limit_hits`).map((r) => r.key)).toEqual(['new']);
    expect((await database.sql`select reader_hash from article_view_readers`).map((r) => r.reader_hash)).toEqual(['new']);
    // Nothing anywhere still holds the erased phone of the old comments.
    const [left] = await database.sql`select count(*)::int as n from comments where phone is not null and created_at < now() - interval '12 months'`;
    expect(left?.n).toBe(0);

    const audits = await runAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: null,
      details: { runDate: '2026-06-01', trigger: 'schedule', phoneMonths: 12, rejectedDays: 30, phonesErased: 2, addressHashesErased: 1, commentsDeleted: 3 },
    });
  });

  it('counts phones and hashes by what each row held', async () => {
    await comment('13 months');
    await comment('13 months', { ipHash: null });
    await comment('13 months', { phone: null });
    await comment('13 months', { phone: null, ipHash: null });
    const result = await retention.runPrivacyRetention({ day: '2026-06-02' });
    expect(result).toMatchObject({ ran: true, counts: { phonesErased: 2, addressHashesErased: 2, commentsDeleted: 0 } });
    const [left] = await database.sql`select count(*)::int as n from comments where phone is not null or ip_hash is not null`;
    expect(left?.n).toBe(0);
  });

  it('follows the settings saved by an admin, and audits the change with old and new values', async () => {
    const [admin] = await database.sql<{ id: string }[]>`
      insert into users (email, name, role) values ('qtv-luu-tru@binhminh.example', 'Quản trị', 'admin') on conflict do nothing returning id`;
    await retention.updateRetentionSettings({ phoneMonths: 1, rejectedDays: 7 }, { id: admin!.id, email: 'qtv-luu-tru@binhminh.example' }, '203.0.113.9');
    const [update] = await database.sql<{ details: unknown; actorId: string; ip: string }[]>`
      select details, actor_id as "actorId", host(ip) as ip from audit_log where action = 'privacy_retention.update'`;
    expect(update).toEqual({ details: { old: { phoneMonths: 12, rejectedDays: 30 }, new: { phoneMonths: 1, rejectedDays: 7 } }, actorId: admin!.id, ip: '203.0.113.9' });

    const twoMonths = await comment('2 months');
    const twoWeeks = await comment('2 weeks');
    const rejected8 = await comment('8 days', { status: 'rejected', moderatedAge: '8 days' });
    const rejected6 = await comment('6 days', { status: 'spam', moderatedAge: '6 days' });
    const result = await retention.runPrivacyRetention({ day: '2026-06-03' });
    expect(result).toMatchObject({ ran: true, settings: { phoneMonths: 1, rejectedDays: 7 }, counts: { phonesErased: 1, commentsDeleted: 1 } });
    expect(await commentRow(twoMonths)).toMatchObject({ phone: null, ipHash: null });
    expect(await commentRow(twoWeeks)).toMatchObject({ phone: '+84912345678', ipHash: 'hash-of-address' });
    expect(await commentRow(rejected8)).toBeUndefined();
    expect(await commentRow(rejected6)).toMatchObject({ phone: '+84912345678' });

    // A second save records the first's values as old.
    await retention.updateRetentionSettings({ phoneMonths: 24, rejectedDays: 60 }, { id: admin!.id, email: 'qtv-luu-tru@binhminh.example' }, null);
    const updates = await database.sql<{ details: unknown }[]>`select details from audit_log where action = 'privacy_retention.update' order by id`;
    expect(updates[1]?.details).toEqual({ old: { phoneMonths: 1, rejectedDays: 7 }, new: { phoneMonths: 24, rejectedDays: 60 } });
  });

  it('the database refuses settings out of bounds even without the form', async () => {
    await expect(database.sql`insert into privacy_retention_settings (id, phone_months) values (true, 0)`).rejects.toThrow(/privacy_retention_settings_phone_months/);
    await expect(database.sql`insert into privacy_retention_settings (id, rejected_days) values (true, 366)`).rejects.toThrow(/privacy_retention_settings_rejected_days/);
    await expect(database.sql`insert into privacy_retention_settings (id) values (false)`).rejects.toThrow(/privacy_retention_settings_one_row/);
  });

  it('run twice on one day: the second erases nothing and writes no second audit entry; the next day erases what came due', async () => {
    await comment('13 months');
    expect(await retention.runPrivacyRetention({ day: '2026-06-04' })).toMatchObject({ ran: true, counts: { phonesErased: 1 } });
    const late = await comment('13 months'); // due, but the day's run is done
    expect(await retention.runPrivacyRetention({ day: '2026-06-04' })).toEqual({ ran: false, reason: 'already-claimed' });
    expect(await retention.runPrivacyRetention({ day: '2026-06-04', database: instance() })).toEqual({ ran: false, reason: 'already-claimed' });
    expect(await commentRow(late)).toMatchObject({ phone: '+84912345678' });
    expect(await runAudits()).toHaveLength(1);

    expect(await retention.runPrivacyRetention({ day: '2026-06-05' })).toMatchObject({ ran: true, runDate: '2026-06-05', counts: { phonesErased: 1 } });
    expect(await commentRow(late)).toMatchObject({ phone: null, ipHash: null });
    expect(await runAudits()).toHaveLength(2);
  });

  it('several instances at once, twice over: one of them runs, each item is erased once, one audit entry with the right counts', async () => {
    for (let i = 0; i < 25; i++) await comment('13 months');
    for (let i = 0; i < 15; i++) await comment('40 days', { status: 'spam', moderatedAge: '40 days' });
    const instances = [instance(), instance(), instance(), instance()];
    const results = await Promise.all(
      [...instances, ...instances].map((database, i) => retention.runPrivacyRetention({ database, day: '2026-06-06', batchSize: 4, instance: `server-${i}` })),
    );
    const ran = results.filter((r) => r.ran);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({ counts: { phonesErased: 25, addressHashesErased: 25, commentsDeleted: 15 } });
    expect(results.filter((r) => !r.ran)).toEqual(Array.from({ length: 7 }, () => ({ ran: false, reason: 'already-claimed' })));
    const audits = await runAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]?.details).toMatchObject({ phonesErased: 25, addressHashesErased: 25, commentsDeleted: 15 });
    const [left] = await database.sql`select count(*)::int as n, count(phone)::int as phones from comments`;
    expect(left).toEqual({ n: 25, phones: 0 });
  });

  it('a manual run at the same moment as the daily one: between them each item is erased and counted exactly once', async () => {
    for (let i = 0; i < 60; i++) await comment('13 months');
    for (let i = 0; i < 30; i++) await comment('40 days', { status: 'rejected', moderatedAge: '40 days' });
    const results = await Promise.all([
      retention.runPrivacyRetention({ database: instance(), day: '2026-06-07', batchSize: 5 }),
      retention.runPrivacyRetention({ database: instance(), day: '2026-06-07', batchSize: 5, trigger: 'manual' }),
      retention.runPrivacyRetention({ database: instance(), day: '2026-06-07', batchSize: 5, trigger: 'manual' }),
    ]);
    const sum = (key: 'phonesErased' | 'commentsDeleted') => results.reduce((total, r) => total + (r.ran ? r.counts[key] : 0), 0);
    expect(results.every((r) => r.ran)).toBe(true);
    expect(sum('phonesErased')).toBe(60);
    expect(sum('commentsDeleted')).toBe(30);
    const audits = await runAudits();
    expect(audits).toHaveLength(3);
    expect(audits.reduce((total, a) => total + Number(a.details.phonesErased), 0)).toBe(60);
    const [left] = await database.sql`select count(*)::int as n, count(phone)::int as phones from comments`;
    expect(left).toEqual({ n: 60, phones: 0 });
  });

  it('works through a backlog larger than one batch, in batches', async () => {
    // 1,234 due comments and 1,100 due spam, with the default batch of 500: three batches each.
    await database.sql`
      insert into comments (article_id, name, phone, title, content, status, ip_hash, created_at)
      select ${articleId}, 'Người đọc', '+8490' || g, 'Ý kiến', 'Nội dung', 'approved', 'h' || g, now() - interval '13 months' - g * interval '1 minute'
        from generate_series(1, 1234) g`;
    await database.sql`
      insert into comments (article_id, name, phone, title, content, status, ip_hash, created_at, moderated_at)
      select ${articleId}, 'Rác', null, 'Mua ngay', 'Nội dung', 'spam', 'h', now() - interval '60 days', now() - interval '60 days'
        from generate_series(1, 1100) g`;
    const kept = await comment('1 month');
    expect(retention.RETENTION_BATCH_SIZE).toBe(500);
    const result = await retention.runPrivacyRetention({ day: '2026-06-08' });
    expect(result).toMatchObject({ ran: true, counts: { phonesErased: 1234, addressHashesErased: 1234, commentsDeleted: 1100 } });
    const [left] = await database.sql`select count(*)::int as n, count(phone)::int as phones, count(ip_hash)::int as hashes from comments`;
    expect(left).toEqual({ n: 1235, phones: 1, hashes: 1 });
    expect(await commentRow(kept)).toMatchObject({ phone: '+84912345678' });
  });

  it('a claim whose instance died is taken over after the timeout; the run finishes once, counting the dead attempt’s work', async () => {
    await comment('13 months');
    await comment('13 months');
    // An instance claimed the day 20 minutes ago, erased 3 phones, and went silent.
    await database.sql`
      insert into privacy_retention_runs (run_date, trigger, claimed_by, started_at, heartbeat_at, phone_months, rejected_days, phone_cutoff, rejected_cutoff, phones_erased)
      values ('2026-06-09', 'schedule', 'dead:1', now() - interval '20 minutes', now() - interval '20 minutes', 12, 30, now() - interval '12 months', now() - interval '30 days', 3)`;
    const result = await retention.runPrivacyRetention({ day: '2026-06-09', instance: 'alive:2' });
    expect(result).toMatchObject({ ran: true, attempt: 2, counts: { phonesErased: 5 } });
    const audits = await runAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]?.details).toMatchObject({ attempts: 2, phonesErased: 5 });
    expect(await retention.runPrivacyRetention({ day: '2026-06-09' })).toEqual({ ran: false, reason: 'already-claimed' });
  });

  it('a live claim is left alone; a run stopped by shutdown releases its claim for another instance at once', async () => {
    await database.sql`
      insert into privacy_retention_runs (run_date, trigger, claimed_by, phone_months, rejected_days, phone_cutoff, rejected_cutoff)
      values ('2026-06-10', 'schedule', 'busy:1', 12, 30, now() - interval '12 months', now() - interval '30 days')`;
    expect(await retention.runPrivacyRetention({ day: '2026-06-10' })).toEqual({ ran: false, reason: 'already-claimed' });

    const due = await comment('13 months');
    const stopped = new AbortController();
    stopped.abort();
    expect(await retention.runPrivacyRetention({ day: '2026-06-11', signal: stopped.signal })).toEqual({ ran: false, reason: 'stopped' });
    expect(await commentRow(due)).toMatchObject({ phone: '+84912345678' });
    expect(await runAudits()).toHaveLength(0);
    expect(await retention.runPrivacyRetention({ day: '2026-06-11', database: instance() })).toMatchObject({ ran: true, attempt: 2, counts: { phonesErased: 1 } });
    expect(await commentRow(due)).toMatchObject({ phone: null });
    expect(await runAudits()).toHaveLength(1);
  });

  it('a run taken over while it worked (it stalled past the timeout) undoes its batch and writes no audit entry', async () => {
    for (let i = 0; i < 12; i++) await comment('13 months');
    const locker = postgres(database.url, { max: 1, onnotice: () => {} });
    pools.push(locker);
    let run: Promise<unknown> | undefined;
    // A moderator's transaction holds the comments: the run's erasure waits on it, stalled, and
    // meanwhile another instance takes the day's run over (what the timeout allows).
    await locker.begin(async (tx) => {
      await tx`select id from comments for update`;
      run = retention.runPrivacyRetention({ database: instance(), day: '2026-06-12', batchSize: 5 });
      for (let i = 0; i < 400; i++) {
        const [claimed] = await database.sql`select 1 from privacy_retention_runs where run_date = '2026-06-12'`;
        if (claimed) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const taken = await database.sql`update privacy_retention_runs set attempt = attempt + 1, claimed_by = 'other:1' where run_date = '2026-06-12' returning 1`;
      expect(taken).toHaveLength(1);
    });
    expect(await run).toEqual({ ran: false, reason: 'lost-claim' });
    expect(await runAudits()).toHaveLength(0);
    // Its batch was rolled back: the phones are still there for the taker to erase and count.
    const [state] = await database.sql`
      select (select phones_erased from privacy_retention_runs where run_date = '2026-06-12') as phones, (select count(phone)::int from comments) as left`;
    expect(state).toEqual({ phones: 0, left: 12 });
  });
});
