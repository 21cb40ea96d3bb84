// `Văn bản liên quan` end to end below the browser, against a real, migrated PostgreSQL: the
// picker's action (session, permission, zod, the registry's matching rule) and the article save
// writing article_documents in its transaction, with the revision meta, restore and the cache
// tags of the documents touched. Only the Next/Auth.js runtime around the actions is replaced.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeAppSql } from '@/db/client';
import type { RevisionMeta } from '@/db/schema';
import { NOT_ALLOWED, NOT_SIGNED_IN, type ActionState } from '@/lib/auth/action';
import type { CurrentUser } from '@/lib/auth/session';
import { createTestDatabase, type TestDatabase } from '@/testing/database';

const state = vi.hoisted(() => ({ user: null as null | CurrentUser, revalidated: [] as string[] }));

vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: vi.fn(async () => state.user),
  sessionLostToOutage: vi.fn(async () => false),
  requireUser: vi.fn(async () => {
    throw new Error('not expected');
  }),
}));
class RedirectMarker extends Error {
  constructor(readonly url: string) {
    super('redirect');
  }
}
vi.mock('next/navigation', () => ({
  redirect: vi.fn((url: string) => {
    throw new RedirectMarker(url);
  }),
  notFound: vi.fn(() => {
    throw new Error('notFound');
  }),
}));
vi.mock('next/cache', () => ({
  revalidatePath: vi.fn((path: string) => state.revalidated.push(path)),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
}));
vi.mock('next/headers', () => ({ headers: vi.fn(async () => new Headers({ 'x-newsroom-client-ip': '127.0.0.1' })) }));

type Actions = typeof import('@/app/dashboard/articles/actions');
type Picker = typeof import('./find-documents');

describe('Văn bản liên quan: the picker action and the article save', () => {
  let database: TestDatabase;
  let actions: Actions;
  let picker: Picker;
  const users = {} as Record<'admin' | 'editor' | 'reporter' | 'otherReporter', CurrentUser>;
  const docs = {} as Record<'plan' | 'decree' | 'draft' | 'notice', { id: number; slug: string }>;

  async function insertUser(email: string, role: CurrentUser['role']): Promise<CurrentUser> {
    const [row] = await database.sql<{ id: string }[]>`insert into users (email, name, role) values (${email}, ${email}, ${role}) returning id`;
    return { id: row!.id, email, name: email, role };
  }

  async function insertDocument(number: string, abstract: string, status: 'draft' | 'published', issuedOn: string) {
    const [type] = await database.sql<{ id: number }[]>`select id from document_terms where kind = 'type' and slug = 'ke-hoach'`;
    const [issuer] = await database.sql<{ id: number }[]>`
      insert into document_terms (kind, slug, name) values ('issuer', 'ubnd-quan', 'UBND quận')
      on conflict (kind, slug) do update set name = excluded.name returning id`;
    const slug = number.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/[^a-z0-9]+/g, '-');
    const [row] = await database.sql<{ id: number; slug: string }[]>`
      insert into documents (slug, number, type_id, issuer_id, issued_on, abstract, status, published_at)
      values (${slug}, ${number}, ${type!.id}, ${issuer!.id}, ${issuedOn}, ${abstract}, ${status}, ${status === 'published' ? new Date() : null})
      returning id, slug`;
    return row!;
  }

  const form = (fields: Record<string, string | string[]>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
    return data;
  };
  const articleForm = (over: Record<string, string | string[]> = {}) =>
    form({ id: '', version: '', intent: 'draft', title: 'Bài có văn bản', slug: '', lead: '', bodyHtml: '<p>Nội dung</p>', sectionId: '', tags: '', authorName: '', publishedAt: '', ...over });

  /** Runs a form action as `user`; a redirect (a successful save) gives the article id. */
  async function run(user: CurrentUser | null, action: (s: ActionState, f: FormData) => Promise<ActionState>, data: FormData) {
    state.user = user;
    try {
      return { state: await action({}, data), id: null as number | null };
    } catch (error) {
      if (error instanceof RedirectMarker) return { state: { ok: true } as ActionState, id: Number(/articles\/(\d+)/.exec(error.url)?.[1]) };
      throw error;
    }
  }

  const cited = async (articleId: number) =>
    (await database.sql<{ document_id: number; position: number }[]>`
      select document_id, position from article_documents where article_id = ${articleId} order by position`).map((r) => [r.document_id, r.position]);
  const lastMeta = async (articleId: number) =>
    (await database.sql<{ meta: RevisionMeta; id: number; version: number }[]>`
      select id, version, meta from article_revisions where article_id = ${articleId} order by version desc limit 1`)[0]!;

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    actions = await import('@/app/dashboard/articles/actions');
    picker = await import('./find-documents');
    users.admin = await insertUser('admin@binhminh.example', 'admin');
    users.editor = await insertUser('editor@binhminh.example', 'editor');
    users.reporter = await insertUser('reporter@binhminh.example', 'reporter');
    users.otherReporter = await insertUser('reporter2@binhminh.example', 'reporter');
    docs.plan = await insertDocument('67/KH-UBND', 'Kế hoạch thực hiện chính sách đối với người khuyết tật', 'published', '2026-02-01');
    docs.decree = await insertDocument('12/2025/NĐ-CP', 'Nghị định về quản lý trật tự đô thị', 'published', '2025-05-10');
    docs.draft = await insertDocument('99/TB-UBND', 'Thông báo lịch tiếp công dân', 'draft', '2026-03-01');
    docs.notice = await insertDocument('671/KH-UBND', 'Kế hoạch phòng chống thiên tai', 'published', '2026-03-05');
  });

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });

  beforeEach(() => {
    state.user = null;
    state.revalidated = [];
  });

  describe('findDocumentsAction', () => {
    it('needs a session and a staff role', async () => {
      state.user = null;
      expect(await picker.findDocumentsAction('67')).toEqual({ ok: false, message: NOT_SIGNED_IN });
      // Every role holds documents:write-own today; the check is still there for a role that does not.
      for (const role of ['reporter', 'editor', 'admin'] as const) {
        state.user = users[role];
        expect((await picker.findDocumentsAction('67 kh ubnd')).ok).toBe(true);
      }
      state.user = { ...users.reporter, role: 'guest' as CurrentUser['role'] };
      expect(await picker.findDocumentsAction('67')).toEqual({ ok: false, message: NOT_ALLOWED });
    });

    it('finds by a loose number (exact first) and by words without accents, any status', async () => {
      state.user = users.reporter;
      const numbers = async (q: string, exclude?: number[]) => {
        const answer = await picker.findDocumentsAction(q, exclude);
        if (!answer.ok) throw new Error(answer.message);
        return answer.results.map((r) => r.number);
      };
      expect(await numbers('67/kh-ubnd')).toEqual(['67/KH-UBND']);
      expect(await numbers('67 kh ubnd')).toEqual(['67/KH-UBND']);
      expect(await numbers('67')).toEqual(['671/KH-UBND', '67/KH-UBND']); // a prefix, newest issued first
      expect(await numbers('nguoi khuyet tat')).toEqual(['67/KH-UBND']);
      expect(await numbers('tiep cong dan')).toEqual(['99/TB-UBND']); // a draft may be cited
      expect(await numbers('67', [docs.plan.id])).toEqual(['671/KH-UBND']);
      expect(await numbers('?!')).toEqual([]);
      const answer = await picker.findDocumentsAction('ke hoach');
      expect(answer.ok && answer.results[0]).toMatchObject({ id: expect.any(Number), number: expect.any(String), abstract: expect.any(String), issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), status: 'published' });
    });

    it('refuses what zod refuses, with a message and no query', async () => {
      state.user = users.editor;
      for (const [query, exclude] of [
        ['x'.repeat(201), undefined],
        [42, undefined],
        [{ toString: 'x' }, undefined],
        ['67', ['1']],
        ['67', [0]],
        ['67', [2 ** 31]],
        ['67', Array.from({ length: 101 }, (_, i) => i + 1)],
      ] as [unknown, unknown][]) {
        const answer = await picker.findDocumentsAction(query, exclude);
        expect(answer.ok, JSON.stringify(query).slice(0, 40)).toBe(false);
        expect(answer.ok ? '' : answer.message).toBeTruthy();
      }
    });
  });

  describe('saving an article with documents', () => {
    it('a reporter attaches documents to a new draft, in order; the revision records them', async () => {
      const { state: result, id } = await run(users.reporter, actions.saveArticleAction, articleForm({ documentIds: [String(docs.decree.id), String(docs.plan.id)] }));
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      expect(await cited(id!)).toEqual([[docs.decree.id, 0], [docs.plan.id, 1]]);
      expect((await lastMeta(id!)).meta.documentIds).toEqual([docs.decree.id, docs.plan.id]);
    });

    it('reorders, removes and empties; the other reporter cannot touch the draft', async () => {
      const { id } = await run(users.reporter, actions.saveArticleAction, articleForm({ title: 'Bài sắp xếp', documentIds: [String(docs.plan.id), String(docs.decree.id)] }));
      const version = async () => (await lastMeta(id!)).version;
      const edit = (user: CurrentUser, documentIds: string | string[] | undefined, v: number) =>
        run(user, actions.saveArticleAction, articleForm({ id: String(id), version: String(v), title: 'Bài sắp xếp', ...(documentIds === undefined ? {} : { documentIds }) }));

      expect((await edit(users.reporter, [String(docs.decree.id), String(docs.plan.id), String(docs.draft.id)], await version())).state.ok).toBe(true);
      expect(await cited(id!)).toEqual([[docs.decree.id, 0], [docs.plan.id, 1], [docs.draft.id, 2]]);

      const refused = await edit(users.otherReporter, [String(docs.notice.id)], await version());
      expect(refused.state.ok).toBe(false);
      expect(await cited(id!)).toEqual([[docs.decree.id, 0], [docs.plan.id, 1], [docs.draft.id, 2]]);

      // A form without the field (an older page) leaves them as they are.
      expect((await edit(users.reporter, undefined, await version())).state.ok).toBe(true);
      expect(await cited(id!)).toHaveLength(3);
      expect((await lastMeta(id!)).meta.documentIds).toEqual([docs.decree.id, docs.plan.id, docs.draft.id]);

      // The picker's empty input: none chosen.
      expect((await edit(users.reporter, '', await version())).state.ok).toBe(true);
      expect(await cited(id!)).toEqual([]);
      expect((await lastMeta(id!)).meta.documentIds).toEqual([]);
    });

    it('refuses bad ids beside the field, writing nothing', async () => {
      const { id } = await run(users.editor, actions.saveArticleAction, articleForm({ title: 'Bài lỗi văn bản', documentIds: String(docs.plan.id) }));
      const before = await lastMeta(id!);
      for (const documentIds of [['abc'], ['0'], [String(2 ** 31)], Array.from({ length: 51 }, (_, i) => String(i + 1)), ['999999']]) {
        const { state: result } = await run(users.editor, actions.saveArticleAction, articleForm({ id: String(id), version: String(before.version), title: 'Bài lỗi văn bản', documentIds }));
        expect(result.ok).toBe(false);
        expect(result.fieldErrors?.documentIds?.[0], documentIds.join(',').slice(0, 30)).toBeTruthy();
      }
      expect((await lastMeta(id!)).version).toBe(before.version);
      expect(await cited(id!)).toEqual([[docs.plan.id, 0]]);
    });

    it('publishing refreshes the pages of documents added and removed', async () => {
      const { id } = await run(users.editor, actions.saveArticleAction, articleForm({ title: 'Bài xuất bản', intent: 'publish', documentIds: [String(docs.plan.id)] }));
      expect(state.revalidated).toEqual(expect.arrayContaining(['/bai-viet/bai-xuat-ban', `/van-ban/${docs.plan.slug}`]));
      state.revalidated = [];
      const v = (await lastMeta(id!)).version;
      await run(users.editor, actions.saveArticleAction, articleForm({ id: String(id), version: String(v), title: 'Bài xuất bản', intent: 'publish', documentIds: [String(docs.decree.id)] }));
      expect(state.revalidated).toEqual(expect.arrayContaining([`/van-ban/${docs.plan.slug}`, `/van-ban/${docs.decree.slug}`]));
      expect(state.revalidated).not.toContain(`/van-ban/${docs.notice.slug}`);
    });

    it('restoring a revision restores its documents (those still existing)', async () => {
      const { id } = await run(users.reporter, actions.saveArticleAction, articleForm({ title: 'Bài khôi phục', documentIds: [String(docs.plan.id), String(docs.notice.id)] }));
      const first = await lastMeta(id!);
      await run(users.reporter, actions.saveArticleAction, articleForm({ id: String(id), version: String(first.version), title: 'Bài khôi phục', documentIds: '' }));
      expect(await cited(id!)).toEqual([]);
      const second = await lastMeta(id!);
      const { state: result } = await run(users.reporter, actions.restoreRevisionAction, form({ articleId: String(id), revisionId: String(first.id), version: String(second.version) }));
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      expect(await cited(id!)).toEqual([[docs.plan.id, 0], [docs.notice.id, 1]]);

      // A revision from before documents existed leaves the current documents alone.
      const third = await lastMeta(id!);
      const { meta } = first;
      const legacy = { ...meta } as Partial<RevisionMeta>;
      delete legacy.documentIds;
      const [old] = await database.sql<{ id: number }[]>`
        insert into article_revisions (article_id, version, title, lead, body_html, meta) values (${id!}, 0, 'Bản cũ', '', '', ${database.sql.json(legacy)}) returning id`;
      const restored = await run(users.reporter, actions.restoreRevisionAction, form({ articleId: String(id), revisionId: String(old!.id), version: String(third.version) }));
      expect(restored.state.ok).toBe(true);
      expect(await cited(id!)).toEqual([[docs.plan.id, 0], [docs.notice.id, 1]]);
    });
  });
});
