import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/database';
import type { Role } from '@/lib/auth/permissions';
import { closeAppSql } from '@/db/client';
import type { Corrector } from './corrections';

type CorrectionsModule = typeof import('./corrections');
type QueriesModule = typeof import('@/db/queries/corrections');

// Correction writes against a real, migrated PostgreSQL database of their own: adding, editing
// (a version each time), the refusals (not published, not allowed, stale, limits) and what the
// database itself refuses (a silent change, a deleted or rewritten version).
describe('correction writes', () => {
  let database: TestDatabase;
  let m: CorrectionsModule;
  let q: QueriesModule;
  let editor: Corrector;
  let admin: Corrector;
  let reporter: Corrector;
  const IP = '203.0.113.7';
  let seq = 0;

  async function insertUser(role: Role): Promise<Corrector> {
    const email = `${role}-${++seq}@binhminh.example`;
    const [row] = await database.sql<{ id: string }[]>`insert into users (email, name, role) values (${email}, ${`Tên ${role}`}, ${role}) returning id`;
    return { id: row!.id, email, role };
  }
  async function insertArticle(status: 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished' = 'published'): Promise<number> {
    const slug = `bai-${++seq}`;
    const publishedAt = status === 'draft' || status === 'review' ? null : new Date(Date.now() - (status === 'scheduled' ? -3_600_000 : 60_000));
    const [row] = await database.sql<{ id: number }[]>`
      insert into articles (slug, title, status, published_at) values (${slug}, ${`Bài ${seq}`}, ${status}, ${publishedAt}) returning id`;
    return row!.id;
  }
  const correctionsOf = (articleId: number) =>
    database.sql<{ id: number; body: string; version: number; created_at: Date; updated_at: Date; created_by: string | null }[]>`
      select id, body, version, created_at, updated_at, created_by from article_corrections where article_id = ${articleId} order by id`;
  const versionsOf = (correctionId: number) =>
    database.sql<{ version: number; body: string; reason: string; changed_by: string | null }[]>`
      select version, body, reason, changed_by from article_correction_versions where correction_id = ${correctionId} order by version`;
  const auditOf = (articleId: number) =>
    database.sql<{ action: string; actor_id: string | null; details: Record<string, unknown>; ip: string | null }[]>`
      select action, actor_id, details, host(ip) as ip from audit_log where entity_type = 'article' and entity_id = ${String(articleId)} order by id`;
  const counts = async () =>
    (await database.sql<{ c: number; v: number; a: number }[]>`
      select (select count(*)::int from article_corrections) as c, (select count(*)::int from article_correction_versions) as v,
             (select count(*)::int from audit_log) as a`)[0];
  async function refusal(promise: Promise<unknown>): Promise<Error> {
    const error = await promise.then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: unknown) => e as Error,
    );
    return error;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    m = await import('./corrections');
    q = await import('@/db/queries/corrections');
    editor = await insertUser('editor');
    admin = await insertUser('admin');
    reporter = await insertUser('reporter');
  });

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });

  it('adds a correction to a published article: the row, its version 1 and the audit entry, with ids', async () => {
    const articleId = await insertArticle();
    const before = Date.now();
    const saved = await m.addCorrection(articleId, 'Ông A là Phó Chủ tịch, không phải Chủ tịch.', editor, IP);
    expect(saved).toMatchObject({ articleId, version: 1, slug: expect.stringMatching(/^bai-/), sectionSlug: null });
    const [row] = await correctionsOf(articleId);
    expect(row).toMatchObject({ id: saved.correctionId, body: 'Ông A là Phó Chủ tịch, không phải Chủ tịch.', version: 1, created_by: editor.id });
    expect(row!.created_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row!.updated_at.getTime()).toBe(row!.created_at.getTime());
    expect(await versionsOf(saved.correctionId)).toEqual([{ version: 1, body: row!.body, reason: '', changed_by: editor.id }]);
    expect(await auditOf(articleId)).toEqual([
      { action: 'article.correction.add', actor_id: editor.id, details: expect.objectContaining({ correctionId: saved.correctionId, version: 1 }), ip: IP },
    ]);
    // The article itself is untouched: an editor with its form open is not told of a conflict.
    const [article] = await database.sql<{ version: number }[]>`select version from articles where id = ${articleId}`;
    expect(article?.version).toBe(1);
  });

  it('editing records a version with its reason; every earlier text stays', async () => {
    const articleId = await insertArticle();
    const saved = await m.addCorrection(articleId, 'Bản đầu.', editor, IP);
    const first = (await correctionsOf(articleId))[0]!;
    await new Promise((r) => setTimeout(r, 20));
    const edited = await m.editCorrection({ articleId, correctionId: saved.correctionId, version: 1, body: 'Bản thứ hai.', reason: 'Sai chính tả' }, admin, IP);
    expect(edited.version).toBe(2);
    const again = await m.editCorrection({ articleId, correctionId: saved.correctionId, version: 2, body: 'Bản thứ ba.', reason: 'Bổ sung' }, editor, IP);
    expect(again.version).toBe(3);
    const [row] = await correctionsOf(articleId);
    expect(row).toMatchObject({ body: 'Bản thứ ba.', version: 3 });
    // Its time stays when it was added; the edit time is kept apart.
    expect(row!.created_at.getTime()).toBe(first.created_at.getTime());
    expect(row!.updated_at.getTime()).toBeGreaterThan(first.created_at.getTime());
    expect(await versionsOf(saved.correctionId)).toEqual([
      { version: 1, body: 'Bản đầu.', reason: '', changed_by: editor.id },
      { version: 2, body: 'Bản thứ hai.', reason: 'Sai chính tả', changed_by: admin.id },
      { version: 3, body: 'Bản thứ ba.', reason: 'Bổ sung', changed_by: editor.id },
    ]);
    expect((await auditOf(articleId)).map((a) => [a.action, a.details.correctionId, a.details.version])).toEqual([
      ['article.correction.add', saved.correctionId, 1],
      ['article.correction.edit', saved.correctionId, 2],
      ['article.correction.edit', saved.correctionId, 3],
    ]);
    const history = await q.listCorrectionsForEdit(editor, articleId);
    expect(history[0]?.versions.map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it('refuses a draft, a submitted, a scheduled and an unpublished article, writing nothing', async () => {
    for (const status of ['draft', 'review', 'scheduled', 'unpublished'] as const) {
      const articleId = await insertArticle(status);
      const before = await counts();
      const error = await refusal(m.addCorrection(articleId, 'Đính chính', editor, IP));
      expect(error).toBeInstanceOf(m.CorrectionError);
      expect(error.message).toBe('Chỉ thêm hoặc sửa đính chính được khi bài đang xuất bản.');
      expect(await counts()).toEqual(before);
    }
    // Taken down after a correction: it stays, but cannot be changed until published again.
    const articleId = await insertArticle();
    const saved = await m.addCorrection(articleId, 'Trước khi gỡ.', editor, IP);
    await database.sql`update articles set status = 'unpublished' where id = ${articleId}`;
    const error = await refusal(m.editCorrection({ articleId, correctionId: saved.correctionId, version: 1, body: 'Sau khi gỡ.', reason: 'Thử' }, editor, IP));
    expect(error.message).toBe('Chỉ thêm hoặc sửa đính chính được khi bài đang xuất bản.');
    expect((await correctionsOf(articleId))[0]?.body).toBe('Trước khi gỡ.');
    expect(await refusal(m.addCorrection(2_000_000, 'Không có bài', editor, IP))).toBeInstanceOf(m.CorrectionError);
  });

  it('refuses a reporter in the write and the data function themselves, writing nothing', async () => {
    const articleId = await insertArticle();
    const saved = await m.addCorrection(articleId, 'Của biên tập viên.', editor, IP);
    const before = await counts();
    expect((await refusal(m.addCorrection(articleId, 'Của phóng viên', reporter, IP))).name).toBe('PermissionDenied');
    expect((await refusal(m.editCorrection({ articleId, correctionId: saved.correctionId, version: 1, body: 'Sửa', reason: 'x' }, reporter, IP))).name).toBe('PermissionDenied');
    expect((await refusal(q.listCorrectionsForEdit(reporter, articleId))).name).toBe('PermissionDenied');
    expect(await counts()).toEqual(before);
  });

  it('refuses a stale edit, an unchanged text, a correction of another article, and past the limits', async () => {
    const articleId = await insertArticle();
    const other = await insertArticle();
    const saved = await m.addCorrection(articleId, 'Một.', editor, IP);
    await m.editCorrection({ articleId, correctionId: saved.correctionId, version: 1, body: 'Hai.', reason: 'r' }, editor, IP);
    const before = await counts();
    expect((await refusal(m.editCorrection({ articleId, correctionId: saved.correctionId, version: 1, body: 'Ba.', reason: 'r' }, admin, IP))).message).toMatch(/vừa được người khác sửa/);
    expect(await refusal(m.editCorrection({ articleId, correctionId: saved.correctionId, version: 2, body: 'Hai.', reason: 'r' }, admin, IP))).toMatchObject({ field: 'body' });
    expect((await refusal(m.editCorrection({ articleId: other, correctionId: saved.correctionId, version: 2, body: 'Ba.', reason: 'r' }, admin, IP))).message).toBe('Không tìm thấy đính chính.');
    expect(await counts()).toEqual(before);

    const { MAX_CORRECTIONS_PER_ARTICLE } = await import('@/lib/corrections');
    const full = await insertArticle();
    await Promise.all(Array.from({ length: MAX_CORRECTIONS_PER_ARTICLE }, (_, i) => m.addCorrection(full, `Đính chính ${i}`, editor, IP)));
    // Added at once, they still stop at the limit: the article row is locked for each.
    const late = await Promise.allSettled([m.addCorrection(full, 'Quá một', editor, IP), m.addCorrection(full, 'Quá hai', editor, IP)]);
    expect(late.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((await correctionsOf(full)).length).toBe(MAX_CORRECTIONS_PER_ARTICLE);
  });

  it('the database refuses a silent change, a rewritten or deleted version, and deleting a correction, but lets it go with its article', async () => {
    const articleId = await insertArticle();
    const saved = await m.addCorrection(articleId, 'Nguyên văn.', editor, IP);
    const id = saved.correctionId;
    await expect(database.sql`update article_corrections set body = 'Sửa lén' where id = ${id}`).rejects.toThrow(/only by a new version/);
    await expect(database.sql`update article_corrections set body = 'Sửa lén', version = 2 where id = ${id}`).rejects.toThrow(/has no version 2/);
    await expect(database.sql`update article_correction_versions set body = 'Sửa lén' where correction_id = ${id}`).rejects.toThrow(/never changed/);
    await expect(database.sql`delete from article_correction_versions where correction_id = ${id}`).rejects.toThrow(/goes only with its correction/);
    await expect(database.sql`delete from article_corrections where id = ${id}`).rejects.toThrow(/kept as long as its article/);
    await expect(database.sql`insert into article_corrections (article_id, body) values (${articleId}, ${'x'.repeat(2001)})`).rejects.toThrow(/body_length/);
    expect((await correctionsOf(articleId))[0]?.body).toBe('Nguyên văn.');
    expect(await versionsOf(id)).toHaveLength(1);
    // Deleting the article takes its corrections and their versions with it.
    await database.sql`delete from articles where id = ${articleId}`;
    expect(await correctionsOf(articleId)).toEqual([]);
    expect(await versionsOf(id)).toEqual([]);
  });

  it('an account deleted later leaves its corrections and versions, unnamed', async () => {
    const gone = await insertUser('editor');
    const articleId = await insertArticle();
    const saved = await m.addCorrection(articleId, 'Của người đã nghỉ.', gone, IP);
    await m.editCorrection({ articleId, correctionId: saved.correctionId, version: 1, body: 'Đã sửa.', reason: 'r' }, gone, IP);
    await database.sql`delete from users where id = ${gone.id}`;
    expect((await correctionsOf(articleId))[0]).toMatchObject({ body: 'Đã sửa.', created_by: null });
    expect((await versionsOf(saved.correctionId)).map((v) => v.changed_by)).toEqual([null, null]);
  });

  it('lists the public page newest first, live articles only, and the feed\u2019s newest few with the latest change', async () => {
    const a = await insertArticle();
    const b = await insertArticle();
    const first = await m.addCorrection(a, 'Cũ nhất', editor, IP);
    await new Promise((r) => setTimeout(r, 10));
    await m.addCorrection(b, 'Giữa', editor, IP);
    await new Promise((r) => setTimeout(r, 10));
    await m.addCorrection(a, 'Mới nhất', editor, IP);
    for (let i = 0; i < 3; i++) await m.addCorrection(a, `Thêm ${i}`, editor, IP);
    const page = await q.listCorrectionsPage(1);
    const ofThese = page.items.filter((c) => c.articleSlug.startsWith('bai-'));
    expect(ofThese[0]?.body).toBe('Thêm 2');
    const times = page.items.map((c) => c.createdAt.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    const feed = await q.listFeedCorrections([a, b]);
    expect(feed.get(a)?.total).toBe(5);
    expect(feed.get(a)?.items.map((c) => c.body)).toEqual(['Thêm 2', 'Thêm 1', 'Thêm 0']);
    expect(feed.get(b)?.items.map((c) => c.body)).toEqual(['Giữa']);
    await m.editCorrection({ articleId: a, correctionId: first.correctionId, version: 1, body: 'Cũ nhất, đã sửa', reason: 'r' }, editor, IP);
    const [edited] = await correctionsOf(a);
    expect((await q.listFeedCorrections([a])).get(a)?.latestChange.getTime()).toBe(edited!.updated_at.getTime());
    // The sitemap's articles carry the latest correction time.
    const { listSitemapArticles } = await import('@/db/queries/articles');
    const sitemap = await listSitemapArticles(1000);
    const [latestOfA] = await database.sql<{ slug: string; t: Date }[]>`
      select a.slug, max(c.updated_at) as t from article_corrections c join articles a on a.id = c.article_id where a.id = ${a} group by a.slug`;
    expect(sitemap.find((r) => r.slug === latestOfA!.slug)?.correctedAt?.getTime()).toBe(latestOfA!.t.getTime());
    expect(sitemap.find((r) => r.slug !== latestOfA!.slug && r.correctedAt === null)).toBeDefined();
    const [newest] = await database.sql<{ t: Date }[]>`select max(updated_at) as t from article_corrections`;
    expect((await q.latestCorrectionChange())?.getTime()).toBe(newest!.t.getTime());
    // Taken down: its corrections leave /dinh-chinh.
    const totalBefore = (await q.listCorrectionsPage(1)).total;
    await database.sql`update articles set status = 'unpublished' where id = ${b}`;
    expect((await q.listCorrectionsPage(1)).total).toBe(totalBefore - 1);
  });
});
