import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/database';
import { closeAppSql } from '@/db/client';
import { PUBLIC_HOLIDAYS_SEED } from '@/lib/public-holidays-seed';

// The request writes and the person's-comment search and erasure, against a real PostgreSQL.
describe('data requests', () => {
  let database: TestDatabase;
  let writes: typeof import('./data-requests');
  let queries: typeof import('@/db/queries/data-requests');
  let articleId: number;
  const admin = { role: 'admin' as const };
  const actor = { id: null, email: 'quan-tri@binhminh.example' };
  let counter = 0;
  const challenge = async () => {
    const [row] = await database.sql<{ id: string }[]>`
      insert into captcha_challenges (answer_hash, expires_at) values ('dung', now() + interval '10 minutes') returning id`;
    return { id: row!.id, answerHash: 'dung', anyAnswer: false };
  };
  const newRequest = async (address = `dia-chi-${++counter}`) => {
    const result = await writes.storeDataRequest(
      { name: 'Lê Thị Hoa', phone: '0912000111', email: null, kind: 'erasure', content: 'Xóa giúp tôi.', receivedAt: new Date('2026-02-13T03:00:00Z'), acknowledgeBy: '2026-02-24', dueBy: '2026-03-02' },
      await challenge(),
      address,
    );
    if (!result.stored) throw new Error(JSON.stringify(result));
    const [row] = await database.sql<{ id: number }[]>`select id from data_requests where code = ${result.code}`;
    return { id: row!.id, code: result.code };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    writes = await import('./data-requests');
    queries = await import('@/db/queries/data-requests');
    const [a] = await database.sql<{ id: number }[]>`insert into articles (slug, title, status, published_at) values ('bai-yc', 'Bài', 'published', now()) returning id`;
    articleId = a!.id;
  });

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });

  it('the migration pre-fills exactly the 2026–2027 days of the seed list', async () => {
    const rows = await database.sql<{ day: string; name: string; kind: string }[]>`select to_char(day, 'YYYY-MM-DD') as day, name, kind::text from public_holidays order by day`;
    expect(rows).toEqual([...PUBLIC_HOLIDAYS_SEED].sort((a, b) => a.day.localeCompare(b.day)).map((r) => ({ ...r })));
    const calendar = await queries.loadWorkingCalendar('2026-02-13');
    expect(calendar.holidays.has('2026-02-16')).toBe(true);
    expect(calendar.workingWeekendDays.has('2026-08-22')).toBe(false); // beyond the 120 days loaded
    expect((await queries.loadWorkingCalendar('2026-08-01')).workingWeekendDays.has('2026-08-22')).toBe(true);
  });

  it('stores a request behind a right security code, audits it without personal data, and refuses a wrong or reused code', async () => {
    const { id, code } = await newRequest();
    expect(code).toMatch(/^[A-Z2-9]{12}$/);
    const [audit] = await database.sql`select details from audit_log where action = 'data_request.create' and entity_id = ${String(id)}`;
    expect(audit?.details).toEqual({ kind: 'erasure' });
    const wrong = await challenge();
    expect(await writes.storeDataRequest({ name: 'X', phone: null, email: 'x@example.com', kind: 'access', content: 'x', receivedAt: new Date(), acknowledgeBy: '2026-02-24', dueBy: '2026-03-02' }, { ...wrong, answerHash: 'sai' }, 'dia-chi-sai')).toEqual({ stored: false, wrongCode: true });
    // The wrong answer used the code up: the right one now fails too.
    expect(await writes.storeDataRequest({ name: 'X', phone: null, email: 'x@example.com', kind: 'access', content: 'x', receivedAt: new Date(), acknowledgeBy: '2026-02-24', dueBy: '2026-03-02' }, wrong, 'dia-chi-sai')).toEqual({ stored: false, wrongCode: true });
    const status = await queries.getPublicRequestStatus(code);
    expect(Object.keys(status!).sort()).toEqual(['acknowledgeBy', 'acknowledgedAt', 'code', 'doneAt', 'dueBy', 'extendedUntil', 'kind', 'receivedAt', 'reply', 'status']);
  });

  it('limits requests per address like comments', async () => {
    await newRequest('mot-dia-chi');
    await expect(newRequest('mot-dia-chi')).rejects.toThrow(/waitSeconds/);
  });

  it('acknowledges once, extends once by ≤ 15 days, completes once with a reply', async () => {
    const { id } = await newRequest();
    const calendarFor = (day: string) => queries.loadWorkingCalendar(day);
    expect(await writes.acknowledgeDataRequest(id, actor, '127.0.0.1')).toEqual({ ok: true });
    expect(await writes.acknowledgeDataRequest(id, actor, '127.0.0.1')).toEqual({ ok: false, reason: 'already_acknowledged' });
    // 2/3/2026 + 15 = Tue 17/3.
    expect(await writes.extendDataRequest(id, { days: 15, reason: 'Nhiều dữ liệu' }, calendarFor, actor, '127.0.0.1')).toEqual({ ok: true, until: '2026-03-17' });
    expect(await writes.extendDataRequest(id, { days: 5, reason: 'Lần hai' }, calendarFor, actor, '127.0.0.1')).toEqual({ ok: false, reason: 'already_extended' });
    expect(await writes.completeDataRequest(id, 'Đã xóa.', actor, '127.0.0.1')).toEqual({ ok: true });
    expect(await writes.completeDataRequest(id, 'Lần hai', actor, '127.0.0.1')).toEqual({ ok: false, reason: 'done' });
    const other = await newRequest();
    await writes.completeDataRequest(other.id, 'Xong luôn.', actor, '127.0.0.1');
    expect(await writes.extendDataRequest(other.id, { days: 5, reason: 'Muộn' }, calendarFor, actor, '127.0.0.1')).toEqual({ ok: false, reason: 'done' });
    expect(await writes.acknowledgeDataRequest(other.id, actor, '127.0.0.1')).toEqual({ ok: false, reason: 'done' });
    expect(await writes.acknowledgeDataRequest(999_999, actor, '127.0.0.1')).toEqual({ ok: false, reason: 'not_found' });
    const [row] = await database.sql`select status, reply, to_char(extended_until, 'YYYY-MM-DD') as until, extension_reason from data_requests where id = ${id}`;
    expect(row).toEqual({ status: 'done', reply: 'Đã xóa.', until: '2026-03-17', extension_reason: 'Nhiều dữ liệu' });
  });

  it('lists overdue requests first', async () => {
    const { rows } = await queries.listDataRequests(admin, '2026-12-01', 1);
    const flags = rows.map((r) => r.overdue);
    expect(flags.indexOf(false) === -1 || flags.lastIndexOf(true) < flags.indexOf(false)).toBe(true);
    expect(rows.some((r) => r.overdue)).toBe(true);
    expect(rows.filter((r) => r.status === 'done').every((r) => !r.overdue)).toBe(true);
    await expect(queries.listDataRequests({ role: 'editor' }, '2026-12-01', 1)).rejects.toThrow(/permission/);
  });

  it('finds a person by phone or accent-insensitive name, and erases for real (delete, or anonymise)', async () => {
    const { id } = await newRequest();
    const insert = (name: string, phone: string | null, title: string) =>
      database.sql<{ id: number }[]>`insert into comments (article_id, name, phone, title, content, ip_hash, status)
        values (${articleId}, ${name}, ${phone}, ${title}, 'Nội dung', 'hash-dia-chi', 'approved') returning id`.then((r) => Number(r[0]!.id));
    const byPhone = await insert('Tên khác', '0912000111', 'Theo số');
    const byName = await insert('LÊ THỊ HOA', null, 'Theo tên');
    const noAccent = await insert('le thi hoa', null, 'Không dấu');
    const stranger = await insert('Lê Thị Hòa Bình', '0987000000', 'Người khác');
    const found = await queries.findPersonComments(admin, { phone: '0912000111', name: 'Lê Thị Hoa' });
    expect(found.rows.map((r) => r.id).sort()).toEqual([byPhone, byName, noAccent].sort());
    expect(found.rows.map((r) => r.id)).not.toContain(stranger);

    const anonymised = await writes.erasePersonComments(id, [byPhone, byName], 'anonymise', actor, '127.0.0.1');
    expect(anonymised?.count).toBe(2);
    const kept = await database.sql`select name, phone, ip_hash, title from comments where id in ${database.sql([byPhone, byName])} order by id`;
    expect(kept).toEqual([
      { name: 'Ẩn danh', phone: null, ip_hash: null, title: 'Theo số' },
      { name: 'Ẩn danh', phone: null, ip_hash: null, title: 'Theo tên' },
    ]);
    const deleted = await writes.erasePersonComments(id, [noAccent], 'delete', actor, '127.0.0.1');
    expect(deleted).toEqual({ count: 1, slugs: ['bai-yc'] });
    expect(await database.sql`select id from comments where id = ${noAccent}`).toEqual([]);
    expect(await database.sql`select id from comments where id = ${stranger}`).toHaveLength(1);
    const audits = await database.sql`select details from audit_log where action = 'data_request.erase' and entity_id = ${String(id)} order by id`;
    expect(audits.map((a) => a.details)).toEqual([{ mode: 'anonymise', count: 2 }, { mode: 'delete', count: 1 }]);
    // Nobody of that number or name is left.
    expect((await queries.findPersonComments(admin, { phone: '0912000111', name: 'Lê Thị Hoa' })).rows).toEqual([]);
  });

  it('keeps the holiday list editable and audited', async () => {
    const pub = await import('./public-holidays');
    expect(await pub.addPublicHoliday({ day: '2027-12-31', name: 'Nghỉ thử', kind: 'holiday' }, actor, '127.0.0.1')).toBe(true);
    expect(await pub.addPublicHoliday({ day: '2027-12-31', name: 'Lần hai', kind: 'holiday' }, actor, '127.0.0.1')).toBe(false);
    expect((await queries.loadWorkingCalendar('2027-12-01')).holidays.has('2027-12-31')).toBe(true);
    expect(await pub.removePublicHoliday('2027-12-31', actor, '127.0.0.1')).toBe(true);
    expect(await pub.removePublicHoliday('2027-12-31', actor, '127.0.0.1')).toBe(false);
    const audits = await database.sql`select action from audit_log where entity_type = 'public_holiday' order by id`;
    expect(audits.map((a) => a.action)).toEqual(['public_holiday.add', 'public_holiday.remove']);
  });
});
