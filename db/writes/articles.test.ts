import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/database';
import type { Role } from '@/lib/auth/permissions';
import type { RevisionMeta } from '@/db/schema';
import type { ArticleInput, ArticleIntent, Editor, SavedArticle } from './articles';
import { closeAppSql } from '@/db/client';

type ArticlesModule = typeof import('./articles');
type Status = SavedArticle['status'];

// Article writes (workflow, permissions, concurrency, slugs, scheduling) against a real,
// migrated PostgreSQL database of its own.
describe('article writes', () => {
  let database: TestDatabase;
  let m: ArticlesModule;
  const IP = '203.0.113.9';

  type ArticleRow = {
    id: number;
    slug: string;
    title: string;
    lead: string;
    body_html: string;
    status: Status;
    version: number;
    published_at: Date | null;
    section_id: number | null;
    author_id: number | null;
    created_by: string | null;
    updated_by: string | null;
    cover_media_id: number | null;
    cover_alt: string;
  };
  type RevisionRow = { version: number; title: string; lead: string; body_html: string; meta: RevisionMeta; created_by: string | null };
  type AuditRow = { action: string; actor_id: string | null; actor_email: string | null; entity_type: string | null; entity_id: string | null; details: Record<string, unknown>; ip: string | null };
  /** An article as the form holds it after a save: the input plus the id and version it got. */
  type Doc = { input: ArticleInput; saved: SavedArticle };

  let admin: Editor;
  let editor: Editor;
  let reporter: Editor;
  let otherReporter: Editor;
  let section: { id: number; slug: string };
  let otherSection: { id: number; slug: string };

  async function insertUser(email: string, role: Role): Promise<Editor> {
    const [row] = await database.sql<Editor[]>`
      insert into users (email, name, role) values (${email}, ${'Tên ' + email}, ${role}) returning id, email, role`;
    if (!row) throw new Error('insert returned nothing');
    return { id: row.id, email: row.email, role: row.role };
  }
  async function insertSection(slug: string, name: string): Promise<{ id: number; slug: string }> {
    const [row] = await database.sql<{ id: number; slug: string }[]>`
      insert into sections (slug, name) values (${slug}, ${name}) returning id, slug`;
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async function getArticle(id: number): Promise<ArticleRow> {
    const [row] = await database.sql<ArticleRow[]>`
      select id, slug, title, lead, body_html, status, version, published_at, section_id, author_id,
             created_by, updated_by, cover_media_id, cover_alt
        from articles where id = ${id}`;
    if (!row) throw new Error(`no article ${id}`);
    return row;
  }
  const revisionsOf = (id: number) =>
    database.sql<RevisionRow[]>`
      select version, title, lead, body_html, meta, created_by from article_revisions where article_id = ${id} order by version`;
  const tagSlugsOf = async (id: number) =>
    (await database.sql<{ slug: string }[]>`
      select t.slug from article_tags at join tags t on t.id = at.tag_id where at.article_id = ${id} order by t.slug`).map((r) => r.slug);
  const slugHistory = () => database.sql<{ slug: string; article_id: number }[]>`select slug, article_id from article_slug_history order by slug`;
  const auditRows = () =>
    database.sql<AuditRow[]>`
      select action, actor_id, actor_email, entity_type, entity_id, details, host(ip) as ip from audit_log order by id`;
  const countOf = async (table: 'articles' | 'article_revisions' | 'tags' | 'authors') => {
    const [row] = await database.sql<{ n: number }[]>`select count(*)::int as n from ${database.sql(table)}`;
    return row?.n ?? -1;
  };
  /** Everything a refused save must leave alone. */
  const snapshot = async (id: number) => ({
    article: await getArticle(id),
    revisions: await revisionsOf(id),
    tags: await tagSlugsOf(id),
    history: await slugHistory(),
    audit: await auditRows(),
    articles: await countOf('articles'),
  });

  let seq = 0;
  function newInput(over: Partial<ArticleInput> = {}): ArticleInput {
    seq += 1;
    return {
      id: null,
      version: null,
      title: `Bài viết số ${seq}`,
      slug: `bai-viet-so-${seq}`,
      lead: 'Tóm tắt ngắn.',
      bodyHtml: '<p>Nội dung bài viết.</p>',
      sectionId: section.id,
      tagNames: [],
      authorName: null,
      publishedAt: null,
      coverMediaId: null,
      coverAlt: '',
      ...over,
    };
  }
  async function create(by: Editor, over: Partial<ArticleInput> = {}, intent: ArticleIntent = 'draft'): Promise<Doc> {
    const input = newInput(over);
    const saved = await m.saveArticle(input, intent, by, IP);
    return { input: { ...input, id: saved.id, version: saved.version }, saved };
  }
  async function edit(doc: Doc, intent: ArticleIntent, by: Editor, over: Partial<ArticleInput> = {}): Promise<Doc> {
    const input = { ...doc.input, ...over };
    const saved = await m.saveArticle(input, intent, by, IP);
    return { input: { ...input, id: saved.id, version: saved.version }, saved };
  }
  /** The rejection of a promise that must reject. */
  const errorOf = (promise: Promise<unknown>): Promise<unknown> =>
    promise.then(
      () => {
        throw new Error('expected the save to be refused');
      },
      (e: unknown) => e,
    );
  async function expectArticleError(promise: Promise<unknown>, field?: string): Promise<void> {
    const error = await errorOf(promise);
    expect(error).toBeInstanceOf(m.ArticleError);
    expect((error as Error).message).toBeTruthy();
    expect((error as InstanceType<ArticlesModule['ArticleError']>).field).toBe(field);
  }
  const hourFromNow = () => new Date(Date.now() + 3_600_000);

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    m = await import('./articles');
    admin = await insertUser('admin@binhminh.example', 'admin');
    editor = await insertUser('btv@binhminh.example', 'editor');
    reporter = await insertUser('pv@binhminh.example', 'reporter');
    otherReporter = await insertUser('pv2@binhminh.example', 'reporter');
    section = await insertSection('thoi-su', 'Thời sự');
    otherSection = await insertSection('the-gioi', 'Thế giới');
  });

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });

  beforeEach(async () => {
    // Cascades to article_tags, article_revisions, article_slug_history and the rest.
    await database.sql`truncate articles, tags, authors, media, audit_log restart identity cascade`;
  });

  describe('creating a draft', () => {
    it('stores a sanitised draft at version 1 with its first revision, tags and author', async () => {
      const input = newInput({
        title: 'Hà Nội mưa lớn',
        slug: 'ha-noi-mua-lon',
        bodyHtml: '<p onclick="alert(1)">Xin chào <strong>bạn đọc</strong></p><script>alert(2)</script><img src="javascript:alert(3)" onerror="alert(4)">',
        tagNames: ['Kinh tế', 'kinh te', 'KINH-TẾ', 'Đà Nẵng', '!!!', ''],
        authorName: 'Nguyễn Văn Đức',
      });
      const saved = await m.saveArticle(input, 'draft', editor, IP);

      expect(saved).toMatchObject({
        slug: 'ha-noi-mua-lon',
        previousSlug: null,
        status: 'draft',
        version: 1,
        sectionSlug: 'thoi-su',
        authorSlug: 'nguyen-van-duc',
        touchesPublic: false,
      });
      expect([...saved.tagSlugs].sort()).toEqual(['da-nang', 'kinh-te']);

      const row = await getArticle(saved.id);
      expect(row).toMatchObject({
        slug: 'ha-noi-mua-lon',
        title: 'Hà Nội mưa lớn',
        status: 'draft',
        version: 1,
        published_at: null,
        section_id: section.id,
        created_by: editor.id,
        updated_by: editor.id,
        cover_media_id: null,
        cover_alt: '',
      });
      // The body is cleaned on the way in: no script, no event handlers, no javascript: URLs.
      expect(row.body_html).toContain('<p>Xin chào <strong>bạn đọc</strong></p>');
      expect(row.body_html).not.toMatch(/script|onclick|onerror|alert|javascript:/i);

      const revisions = await revisionsOf(saved.id);
      expect(revisions).toHaveLength(1);
      expect(revisions[0]).toMatchObject({ version: 1, title: 'Hà Nội mưa lớn', body_html: row.body_html, created_by: editor.id });
      expect(revisions[0]?.meta).toMatchObject({ slug: 'ha-noi-mua-lon', status: 'draft', sectionId: section.id, authorId: row.author_id, publishedAt: null });
      expect(revisions[0]?.meta.tagIds).toHaveLength(2);

      // Tags: one per slug, named after their first spelling.
      expect(await database.sql`select slug, name from tags order by slug`).toEqual([
        { slug: 'da-nang', name: 'Đà Nẵng' },
        { slug: 'kinh-te', name: 'Kinh tế' },
      ]);
      expect(await tagSlugsOf(saved.id)).toEqual(['da-nang', 'kinh-te']);
      const authors = await database.sql<{ id: number; slug: string; name: string }[]>`select id, slug, name from authors`;
      expect(authors).toEqual([{ id: row.author_id, slug: 'nguyen-van-duc', name: 'Nguyễn Văn Đức' }]);
      // A draft is nobody's business but the newsroom's: no audit entry.
      expect(await auditRows()).toEqual([]);
    });

    it('reuses existing tags and authors instead of duplicating them', async () => {
      const first = await create(editor, { tagNames: ['Giáo dục'], authorName: 'Trần Thị Mai' });
      const second = await create(editor, { tagNames: ['giao duc', 'Y tế'], authorName: 'Tran Thi Mai' });
      expect(await countOf('tags')).toBe(2);
      expect(await countOf('authors')).toBe(1);
      expect(second.saved.authorSlug).toBe(first.saved.authorSlug);
      expect(await tagSlugsOf(second.saved.id)).toEqual(['giao-duc', 'y-te']);
      // Saving again replaces the article's tags rather than adding to them.
      await edit(first, 'draft', editor, { tagNames: ['Y tế'] });
      expect(await tagSlugsOf(first.saved.id)).toEqual(['y-te']);
    });

    it('refuses an unknown section, and a cover that is not in the library or has no description', async () => {
      await expectArticleError(m.saveArticle(newInput({ sectionId: 999_999 }), 'draft', editor, IP), 'sectionId');
      await expectArticleError(m.saveArticle(newInput({ coverMediaId: 999_999, coverAlt: 'Ảnh' }), 'draft', editor, IP), 'coverMediaId');
      const [media] = await database.sql<{ id: number }[]>`
        insert into media (storage_key, mime_type, width, height, bytes, alt)
        values ('2026/01/anh.jpg', 'image/jpeg', 1200, 800, 1000, 'Ảnh') returning id`;
      await expectArticleError(m.saveArticle(newInput({ coverMediaId: media?.id ?? 0, coverAlt: '' }), 'draft', editor, IP), 'coverAlt');
      expect(await countOf('articles')).toBe(0);
      const withCover = await create(editor, { coverMediaId: media?.id ?? 0, coverAlt: 'Cầu Rồng về đêm' });
      expect(await getArticle(withCover.saved.id)).toMatchObject({ cover_media_id: media?.id, cover_alt: 'Cầu Rồng về đêm' });
    });

    it('autosave (onlyIfDraft) refuses an article that is no longer a draft', async () => {
      const doc = await create(editor);
      const inReview = await edit(doc, 'review', editor);
      const before = await snapshot(doc.saved.id);
      await expectArticleError(m.saveArticle({ ...inReview.input, title: 'Tự lưu' }, 'draft', editor, IP, { onlyIfDraft: true }));
      expect(await snapshot(doc.saved.id)).toEqual(before);
    });
  });

  describe('publishing and unpublishing', () => {
    it('publishes now when no time is given, and audits it', async () => {
      const doc = await create(editor, { title: 'Tin nóng', slug: 'tin-nong' });
      const before = Date.now();
      const published = await edit(doc, 'publish', editor);
      const after = Date.now();
      expect(published.saved).toMatchObject({ status: 'published', version: 2, touchesPublic: true });
      const row = await getArticle(doc.saved.id);
      expect(row.status).toBe('published');
      expect(row.published_at?.getTime()).toBeGreaterThanOrEqual(before);
      expect(row.published_at?.getTime()).toBeLessThanOrEqual(after);
      expect((await revisionsOf(doc.saved.id)).map((r) => [r.version, r.meta.status])).toEqual([
        [1, 'draft'],
        [2, 'published'],
      ]);
      expect(await auditRows()).toEqual([
        {
          action: 'article.publish',
          actor_id: editor.id,
          actor_email: editor.email,
          entity_type: 'article',
          entity_id: String(doc.saved.id),
          details: { slug: 'tin-nong', title: 'Tin nóng', publishedAt: row.published_at?.toISOString() },
          ip: IP,
        },
      ]);
    });

    it('schedules a future time, and back-dates a past one', async () => {
      const future = hourFromNow();
      const scheduled = await edit(await create(editor), 'publish', editor, { publishedAt: future });
      expect(scheduled.saved).toMatchObject({ status: 'scheduled', touchesPublic: true });
      expect(await getArticle(scheduled.saved.id)).toMatchObject({ status: 'scheduled', published_at: future });

      const past = new Date('2024-05-01T03:00:00.000Z');
      const backDated = await edit(await create(editor), 'publish', admin, { publishedAt: past });
      expect(backDated.saved).toMatchObject({ status: 'published', touchesPublic: true });
      expect(await getArticle(backDated.saved.id)).toMatchObject({ status: 'published', published_at: past });

      expect((await auditRows()).map((a) => [a.action, a.entity_id, a.actor_id, a.details.publishedAt])).toEqual([
        ['article.schedule', String(scheduled.saved.id), editor.id, future.toISOString()],
        ['article.publish', String(backDated.saved.id), admin.id, past.toISOString()],
      ]);
    });

    it('publishes a new article straight away (id null)', async () => {
      const { saved } = await create(editor, {}, 'publish');
      expect(saved).toMatchObject({ status: 'published', version: 1, touchesPublic: true });
      expect((await auditRows()).map((a) => [a.action, a.entity_id])).toEqual([['article.publish', String(saved.id)]]);
    });

    it('unpublishes a published or scheduled article, keeping its time, and audits it', async () => {
      const past = new Date('2025-01-02T03:04:05.000Z');
      const published = await edit(await create(editor), 'publish', editor, { publishedAt: past });
      const unpublished = await edit(published, 'unpublish', editor);
      expect(unpublished.saved).toMatchObject({ status: 'unpublished', version: 3, touchesPublic: true });
      expect(await getArticle(published.saved.id)).toMatchObject({ status: 'unpublished', published_at: past });

      const scheduled = await edit(await create(editor), 'publish', editor, { publishedAt: hourFromNow() });
      const unscheduled = await edit(scheduled, 'unpublish', admin);
      expect(unscheduled.saved.status).toBe('unpublished');

      expect((await auditRows()).map((a) => [a.action, a.entity_id])).toEqual([
        ['article.publish', String(published.saved.id)],
        ['article.unpublish', String(published.saved.id)],
        ['article.schedule', String(scheduled.saved.id)],
        ['article.unpublish', String(scheduled.saved.id)],
      ]);
      const [unpublishEntry] = (await auditRows()).filter((a) => a.action === 'article.unpublish');
      expect(unpublishEntry).toMatchObject({ actor_id: editor.id, actor_email: editor.email, entity_type: 'article', ip: IP });
    });

    it('refuses to unpublish an article that is not published, changing nothing', async () => {
      const draft = await create(editor);
      const before = await snapshot(draft.saved.id);
      await expectArticleError(m.saveArticle(draft.input, 'unpublish', editor, IP));
      expect(await snapshot(draft.saved.id)).toEqual(before);
      await expectArticleError(m.saveArticle(newInput(), 'unpublish', editor, IP));
      expect(await countOf('articles')).toBe(1);
    });

    it('refuses to send a published article back to review', async () => {
      const published = await edit(await create(editor), 'publish', editor);
      const before = await snapshot(published.saved.id);
      await expectArticleError(m.saveArticle(published.input, 'review', editor, IP));
      expect(await snapshot(published.saved.id)).toEqual(before);
    });

    it('keeps a published article published when it is saved as a draft', async () => {
      const published = await edit(await create(editor), 'publish', editor);
      const saved = await edit(published, 'draft', editor, { title: 'Sửa lỗi chính tả' });
      expect(saved.saved).toMatchObject({ status: 'published', version: 3 });
      expect(await getArticle(published.saved.id)).toMatchObject({ status: 'published', title: 'Sửa lỗi chính tả' });
      // No change of state, so no new audit entry.
      expect((await auditRows()).map((a) => a.action)).toEqual(['article.publish']);
    });
  });

  describe('reporters', () => {
    it('create and save their own drafts and send them to review', async () => {
      const doc = await create(reporter, { title: 'Bản nháp của phóng viên' });
      expect(doc.saved).toMatchObject({ status: 'draft', version: 1 });
      expect(await getArticle(doc.saved.id)).toMatchObject({ created_by: reporter.id, updated_by: reporter.id });

      const again = await edit(doc, 'draft', reporter, { lead: 'Thêm tóm tắt' });
      expect(again.saved).toMatchObject({ status: 'draft', version: 2 });
      const inReview = await edit(again, 'review', reporter);
      expect(inReview.saved).toMatchObject({ status: 'review', version: 3, touchesPublic: false });
      // Still theirs while in review: saving it takes it back to a draft.
      const back = await edit(inReview, 'draft', reporter);
      expect(back.saved).toMatchObject({ status: 'draft', version: 4 });
      expect((await revisionsOf(doc.saved.id)).map((r) => [r.version, r.meta.status, r.created_by])).toEqual([
        [1, 'draft', reporter.id],
        [2, 'draft', reporter.id],
        [3, 'review', reporter.id],
        [4, 'draft', reporter.id],
      ]);
      expect(await auditRows()).toEqual([]);
    });

    it('cannot publish or unpublish, and nothing changes', async () => {
      const doc = await create(reporter);
      const before = await snapshot(doc.saved.id);
      await expectArticleError(m.saveArticle(doc.input, 'publish', reporter, IP));
      await expectArticleError(m.saveArticle({ ...doc.input, publishedAt: hourFromNow() }, 'publish', reporter, IP));
      await expectArticleError(m.saveArticle(newInput(), 'publish', reporter, IP));
      expect(await snapshot(doc.saved.id)).toEqual(before);

      const live = await edit(await create(editor), 'publish', editor);
      const liveBefore = await snapshot(live.saved.id);
      await expectArticleError(m.saveArticle(live.input, 'unpublish', reporter, IP));
      expect(await snapshot(live.saved.id)).toEqual(liveBefore);
    });

    it("cannot edit someone else's article", async () => {
      const theirs = await create(otherReporter);
      const editors = await create(editor);
      for (const doc of [theirs, editors]) {
        const before = await snapshot(doc.saved.id);
        await expectArticleError(m.saveArticle({ ...doc.input, title: 'Chiếm bài' }, 'draft', reporter, IP));
        await expectArticleError(m.saveArticle({ ...doc.input, title: 'Chiếm bài' }, 'review', reporter, IP));
        expect(await snapshot(doc.saved.id)).toEqual(before);
      }
      // An editor, though, may edit a reporter's draft.
      const edited = await edit(theirs, 'draft', editor, { title: 'Biên tập lại' });
      expect(edited.saved.version).toBe(2);
      expect(await getArticle(theirs.saved.id)).toMatchObject({ title: 'Biên tập lại', created_by: otherReporter.id, updated_by: editor.id });
    });

    it('cannot edit their own article once it is published (or scheduled, or unpublished)', async () => {
      const own = await create(reporter);
      const published = await edit(own, 'publish', editor);
      const before = await snapshot(own.saved.id);
      await expectArticleError(m.saveArticle({ ...published.input, title: 'Sửa sau khi đăng' }, 'draft', reporter, IP));
      await expectArticleError(m.saveArticle({ ...published.input, title: 'Sửa sau khi đăng' }, 'review', reporter, IP));
      expect(await snapshot(own.saved.id)).toEqual(before);

      const scheduled = await edit(await create(reporter), 'publish', editor, { publishedAt: hourFromNow() });
      await expectArticleError(m.saveArticle(scheduled.input, 'draft', reporter, IP));
      const unpublished = await edit(published, 'unpublish', editor);
      await expectArticleError(m.saveArticle(unpublished.input, 'review', reporter, IP));
      expect((await getArticle(own.saved.id)).status).toBe('unpublished');
    });
  });

  describe('optimistic concurrency', () => {
    it('refuses a save over a newer version, reporting the current one, and changes nothing', async () => {
      const loaded = await create(editor, { title: 'Bản gốc', tagNames: ['Thể thao'] });
      await edit(loaded, 'draft', admin, { title: 'Bản của người khác' }); // now at version 2
      const before = await snapshot(loaded.saved.id);

      for (const version of [1, null, 3]) {
        const error = await errorOf(m.saveArticle({ ...loaded.input, version, title: 'Bản cũ', tagNames: [] }, 'draft', editor, IP));
        expect(error).toBeInstanceOf(m.ArticleConflict);
        expect((error as InstanceType<ArticlesModule['ArticleConflict']>).currentVersion).toBe(2);
      }
      // Also when the stale save would publish.
      const error = await errorOf(m.saveArticle({ ...loaded.input, title: 'Bản cũ' }, 'publish', editor, IP));
      expect(error).toBeInstanceOf(m.ArticleConflict);

      const after = await snapshot(loaded.saved.id);
      expect(after).toEqual(before);
      expect(after.article).toMatchObject({ title: 'Bản của người khác', version: 2 });
      expect(after.revisions).toHaveLength(2);
      expect(after.tags).toEqual(['the-thao']);
    });

    it('lets exactly one of several simultaneous saves from the same version win', async () => {
      let loaded = await create(editor);
      for (let round = 0; round < 5; round++) {
        const from = loaded.input.version ?? 0;
        const results = await Promise.allSettled(
          [editor, admin, editor, admin].map((by, i) => m.saveArticle({ ...loaded.input, title: `Bản ${round}-${i}` }, 'draft', by, IP)),
        );
        const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        expect(won).toHaveLength(1);
        const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
        expect(lost).toHaveLength(3);
        for (const reason of lost) {
          expect(reason).toBeInstanceOf(m.ArticleConflict);
          expect((reason as InstanceType<ArticlesModule['ArticleConflict']>).currentVersion).toBe(from + 1);
        }
        expect((await getArticle(loaded.saved.id)).version).toBe(from + 1);
        expect(await revisionsOf(loaded.saved.id)).toHaveLength(from + 1);
        const winner = won[0];
        if (!winner) throw new Error('no winner');
        loaded = { input: { ...loaded.input, version: winner.version }, saved: winner };
      }
    });
  });

  describe('slugs', () => {
    it('refuses a slug used by another article, on the slug field', async () => {
      const first = await create(editor, { slug: 'bao-so-3' });
      await expectArticleError(m.saveArticle(newInput({ slug: 'bao-so-3' }), 'draft', editor, IP), 'slug');
      expect(await countOf('articles')).toBe(1);

      const second = await create(editor, { slug: 'bao-so-4' });
      const before = await snapshot(second.saved.id);
      await expectArticleError(m.saveArticle({ ...second.input, slug: 'bao-so-3' }, 'draft', editor, IP), 'slug');
      expect(await snapshot(second.saved.id)).toEqual(before);
      // Saving an article under its own slug is of course fine.
      expect((await edit(first, 'draft', editor, { title: 'Cập nhật' })).saved.slug).toBe('bao-so-3');
    });

    it("keeps a published article's former slug, pointing at it, and refuses it to others", async () => {
      const published = await edit(await create(editor, { slug: 'ten-cu' }), 'publish', editor);
      const renamed = await edit(published, 'draft', editor, { slug: 'ten-moi' });
      expect(renamed.saved).toMatchObject({ slug: 'ten-moi', previousSlug: 'ten-cu', status: 'published', touchesPublic: true });
      expect(await slugHistory()).toEqual([{ slug: 'ten-cu', article_id: published.saved.id }]);
      expect((await getArticle(published.saved.id)).slug).toBe('ten-moi');

      // The former slug still redirects, so no one else may take it: neither a new article…
      await expectArticleError(m.saveArticle(newInput({ slug: 'ten-cu' }), 'draft', editor, IP), 'slug');
      // …nor an existing one.
      const other = await create(editor);
      const before = await snapshot(other.saved.id);
      await expectArticleError(m.saveArticle({ ...other.input, slug: 'ten-cu' }, 'draft', editor, IP), 'slug');
      expect(await snapshot(other.saved.id)).toEqual(before);
    });

    it('records nothing when a draft changes its slug', async () => {
      const draft = await create(editor, { slug: 'nhap-1' });
      const renamed = await edit(draft, 'draft', editor, { slug: 'nhap-2' });
      expect(renamed.saved).toMatchObject({ slug: 'nhap-2', previousSlug: 'nhap-1', touchesPublic: false });
      expect(await slugHistory()).toEqual([]);
      // And the old slug is free again.
      const taker = await create(editor, { slug: 'nhap-1' });
      expect(taker.saved.slug).toBe('nhap-1');
    });

    it('drops a former slug from the history when the article takes it back', async () => {
      const a = await edit(await create(editor, { slug: 'mot' }), 'publish', editor);
      const b = await edit(a, 'draft', editor, { slug: 'hai' });
      expect(await slugHistory()).toEqual([{ slug: 'mot', article_id: a.saved.id }]);
      const c = await edit(b, 'draft', editor, { slug: 'mot' });
      expect(c.saved).toMatchObject({ slug: 'mot', previousSlug: 'hai' });
      expect(await slugHistory()).toEqual([{ slug: 'hai', article_id: a.saved.id }]);
      // Unchanged slug: nothing recorded, nothing returned.
      const d = await edit(c, 'draft', editor, { title: 'Không đổi đường dẫn' });
      expect(d.saved.previousSlug).toBeNull();
      expect(await slugHistory()).toEqual([{ slug: 'hai', article_id: a.saved.id }]);
    });
  });

  describe('touchesPublic', () => {
    it('is false while an article has never been visible', async () => {
      const draft = await create(editor);
      expect(draft.saved.touchesPublic).toBe(false);
      const saved = await edit(draft, 'draft', editor, { title: 'Vẫn là nháp' });
      expect(saved.saved.touchesPublic).toBe(false);
      const inReview = await edit(saved, 'review', editor);
      expect(inReview.saved.touchesPublic).toBe(false);
    });

    it('is true when the article goes live, is live, is scheduled, or stops being live', async () => {
      const draft = await create(editor);
      const published = await edit(draft, 'publish', editor);
      expect(published.saved.touchesPublic).toBe(true);
      const edited = await edit(published, 'draft', editor, { lead: 'Cập nhật' });
      expect(edited.saved.touchesPublic).toBe(true);
      const moved = await edit(edited, 'draft', editor, { sectionId: otherSection.id });
      expect(moved.saved).toMatchObject({ touchesPublic: true, sectionSlug: 'the-gioi', previous: { sectionSlug: 'thoi-su' } });
      const unpublished = await edit(moved, 'unpublish', editor);
      expect(unpublished.saved.touchesPublic).toBe(true);
      // Once off the site, further edits are private again.
      const hidden = await edit(unpublished, 'draft', editor, { title: 'Đã gỡ' });
      expect(hidden.saved).toMatchObject({ status: 'unpublished', touchesPublic: false });

      const scheduled = await edit(await create(editor), 'publish', editor, { publishedAt: hourFromNow() });
      expect(scheduled.saved.touchesPublic).toBe(true);
      const editedScheduled = await edit(scheduled, 'draft', editor, { title: 'Hẹn giờ, sửa lại' });
      expect(editedScheduled.saved).toMatchObject({ status: 'scheduled', touchesPublic: true });

      const backDated = await edit(await create(editor), 'publish', editor, { publishedAt: new Date('2023-09-02T00:00:00.000Z') });
      expect(backDated.saved.touchesPublic).toBe(true);
    });
  });

  describe('publishDueArticles', () => {
    it('publishes each due article exactly once across simultaneous runs, leaving future ones scheduled', async () => {
      for (let round = 0; round < 5; round++) {
        await database.sql`truncate articles, audit_log restart identity cascade`;
        const dueInSection = await edit(await create(editor), 'publish', editor, { publishedAt: hourFromNow() });
        const dueNoSection = await edit(await create(editor, { sectionId: null }), 'publish', editor, { publishedAt: hourFromNow() });
        const future = await edit(await create(editor), 'publish', editor, { publishedAt: hourFromNow() });
        const draft = await create(editor, { publishedAt: new Date(Date.now() - 60_000) });
        await database.sql`
          update articles set published_at = now() - interval '1 minute'
           where id in ${database.sql([dueInSection.saved.id, dueNoSection.saved.id])}`;

        const results = await Promise.all([m.publishDueArticles(), m.publishDueArticles(), m.publishDueArticles(), m.publishDueArticles()]);
        const all = results.flat();
        expect(all.filter((a) => a.slug === dueInSection.saved.slug)).toEqual([{ slug: dueInSection.saved.slug, sectionSlug: 'thoi-su', tagSlugs: expect.any(Array), authorSlug: null }]);
        expect(all.filter((a) => a.slug === dueNoSection.saved.slug)).toEqual([{ slug: dueNoSection.saved.slug, sectionSlug: null, tagSlugs: expect.any(Array), authorSlug: null }]);
        expect(results.filter((r) => r.some((a) => a.slug === dueInSection.saved.slug))).toHaveLength(1);
        expect(all).toHaveLength(2);

        expect((await getArticle(dueInSection.saved.id)).status).toBe('published');
        expect((await getArticle(dueNoSection.saved.id)).status).toBe('published');
        expect((await getArticle(future.saved.id)).status).toBe('scheduled');
        expect((await getArticle(draft.saved.id)).status).toBe('draft');

        const scheduledEntries = (await auditRows()).filter((a) => a.details.scheduled === true);
        expect(scheduledEntries.map((a) => [a.action, a.entity_id, a.actor_id, a.ip]).sort()).toEqual(
          [
            ['article.publish', String(dueInSection.saved.id), null, null],
            ['article.publish', String(dueNoSection.saved.id), null, null],
          ].sort(),
        );
        // Nothing left to do.
        expect(await m.publishDueArticles()).toEqual([]);
      }
    });
  });

  describe('mayEdit', () => {
    const OWNER = '11111111-1111-4111-8111-111111111111';
    const STRANGER = '22222222-2222-4222-8222-222222222222';
    const STATUSES: Status[] = ['draft', 'review', 'scheduled', 'published', 'unpublished'];
    const cases: [Role, 'own' | 'other' | 'nobody', Status, boolean][] = [];
    for (const status of STATUSES) {
      for (const owner of ['own', 'other', 'nobody'] as const) {
        cases.push(['admin', owner, status, true]);
        cases.push(['editor', owner, status, true]);
        cases.push(['reporter', owner, status, owner === 'own' && (status === 'draft' || status === 'review')]);
      }
    }

    it.each(cases)('%s, %s article, %s → %s', (role, owner, status, expected) => {
      const who: Editor = { id: OWNER, email: 'x@binhminh.example', role };
      const createdBy = owner === 'own' ? OWNER : owner === 'other' ? STRANGER : null;
      expect(m.mayEdit(who, { createdBy, status })).toBe(expected);
    });
  });

  it('turns two simultaneous saves of the same new slug into a slug error, not a crash', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) => m.saveArticle(newInput({ slug: 'trung-nhau', title: `Trùng ${i}` }), 'draft', editor, IP)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
      expect(r.reason).toBeInstanceOf(m.ArticleError);
      expect(r.reason.field).toBe('slug');
    }
  });
});
