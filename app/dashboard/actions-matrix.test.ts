// The role matrix: every exported server action under app/dashboard/**/actions.ts, called with
// no session and as each role, is allowed exactly when `can(role, permission)` says so; a
// refused call leaves the database as it was. Real PostgreSQL; only the Next/Auth.js runtime
// around the actions is replaced.
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/database';
import { NOT_ALLOWED, NOT_SIGNED_IN, type ActionState } from '@/lib/auth/action';
import { DATABASE_UNAVAILABLE } from '@/lib/db-errors';
import { can, type Permission, type Role } from '@/lib/auth/permissions';
import type { CurrentUser } from '@/lib/auth/session';
import { hashPassword } from '@/lib/password';
import { closeAppSql } from '@/db/client';
import { addCalendarDays } from '@/lib/working-days';

const state = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; role: 'admin' | 'editor' | 'reporter' }, outage: false }));

vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: vi.fn(async () => state.user),
  sessionLostToOutage: vi.fn(async () => state.outage),
  requireUser: vi.fn(async () => {
    throw new Error('requireUser is not expected in server actions under test');
  }),
}));
// A successful save ends in redirect(); outside Next that is just a marker thrown.
class RedirectMarker extends Error {}
vi.mock('next/navigation', () => ({
  redirect: vi.fn(() => {
    throw new RedirectMarker('redirect');
  }),
  notFound: vi.fn(() => {
    throw new Error('notFound');
  }),
}));
vi.mock('next/cache', () => ({
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
}));
vi.mock('next/headers', () => ({
  headers: vi.fn(async () => new Headers({ 'x-newsroom-client-ip': '127.0.0.1' })),
}));
vi.mock('@/auth', () => ({
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
  auth: vi.fn(async () => null),
  handlers: {},
}));
// next-auth itself cannot load outside Next (it imports "next/server" without an extension,
// which Node's ESM resolver refuses); the actions only use its AuthError class.
vi.mock('next-auth', () => ({
  AuthError: class AuthError extends Error {},
}));

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;
type Context = {
  actor: CurrentUser | null;
  /** A fresh account to act on, so each call starts from the same kind of state. */
  makeTarget: (role?: Role) => Promise<string>;
  /** A fresh pending comment on a live article; returns its id. */
  makeComment: () => Promise<number>;
  /** A fresh empty section (the newest, so it can always move up); returns its id. */
  makeSection: () => Promise<number>;
  /** A draft owned by the acting user, with two revisions. */
  makeDraft: () => Promise<{ id: number; firstRevisionId: number; version: number }>;
  /** A document draft owned by the acting user, with two revisions. */
  makeDocumentDraft: () => Promise<{ id: number; firstRevisionId: number; version: number }>;
  /** A fresh entry of a document list (Loại văn bản, Cơ quan ban hành, Lĩnh vực), the last of it; returns its id. */
  makeTerm: (kind: 'type' | 'issuer' | 'field') => Promise<number>;
  /** A fresh personal-data request (received) and one approved comment by the same phone; their ids. */
  makeDataRequest: () => Promise<{ id: number; commentId: number; phone: string }>;
  /** A fresh listed day off; returns it as 'YYYY-MM-DD'. */
  makeHoliday: () => Promise<string>;
  /** A fresh published article with one correction (version 1); returns both ids. */
  makeCorrection: () => Promise<{ articleId: number; correctionId: number }>;
  unique: () => string;
};
type MatrixRow = { permission: Permission; form: (ctx: Context) => Promise<FormData> | FormData };

const ACTOR_PASSWORD = 'mưa rơi trên phố cổ';
const NEW_PASSWORD = 'nắng vàng trên sông Hàn';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};

// One row per exported server action; a new export without a row fails the test below.
const MATRIX: Record<string, MatrixRow> = {
  'users/createUserAction': {
    permission: 'users:manage',
    form: ({ unique }) => form({ email: `moi-${unique()}@binhminh.example`, name: 'Người mới', role: 'reporter', mode: 'link' }),
  },
  'users/changeRoleAction': {
    permission: 'users:manage',
    form: async ({ makeTarget }) => form({ userId: await makeTarget('reporter'), role: 'editor' }),
  },
  'users/setDisabledAction': {
    permission: 'users:manage',
    form: async ({ makeTarget }) => form({ userId: await makeTarget('reporter'), disabled: '1' }),
  },
  'articles/saveArticleAction': {
    permission: 'articles:write-own',
    form: ({ unique }) =>
      form({ id: '', version: '', intent: 'draft', title: `Bài mới ${unique()}`, slug: '', lead: 'Tóm tắt', bodyHtml: '<p>Nội dung</p>', sectionId: '', tags: 'Thử', authorName: 'Phóng viên', publishedAt: '' }),
  },
  'articles/autosaveDraftAction': {
    permission: 'articles:write-own',
    form: async ({ makeDraft, unique }) => {
      const draft = await makeDraft();
      return form({ id: String(draft.id), version: String(draft.version), intent: 'draft', title: `Tự lưu ${unique()}`, slug: `tu-luu-${unique()}`, lead: '', bodyHtml: '<p>Đang gõ</p>', sectionId: '', tags: '', authorName: '', publishedAt: '' });
    },
  },
  'articles/restoreRevisionAction': {
    permission: 'articles:write-own',
    form: async ({ makeDraft }) => {
      const draft = await makeDraft();
      return form({ articleId: String(draft.id), revisionId: String(draft.firstRevisionId), version: String(draft.version) });
    },
  },
  'taxonomy/createTaxonomyAction': {
    permission: 'taxonomy:manage',
    form: ({ unique }) => form({ kind: 'tag', name: `Thẻ ${unique()}`, slug: '', description: '' }),
  },
  'taxonomy/renameTaxonomyAction': {
    permission: 'taxonomy:manage',
    form: async ({ makeSection, unique }) =>
      form({ kind: 'section', id: String(await makeSection()), name: `Đổi tên ${unique()}`, slug: `doi-ten-${unique()}`, description: '' }),
  },
  'taxonomy/moveSectionAction': {
    permission: 'taxonomy:manage',
    form: async ({ makeSection }) => {
      await makeSection();
      return form({ id: String(await makeSection()), direction: 'up' });
    },
  },
  'taxonomy/deleteTaxonomyAction': {
    permission: 'taxonomy:manage',
    form: async ({ makeSection }) => form({ kind: 'section', id: String(await makeSection()) }),
  },
  'media/uploadMediaAction': {
    permission: 'media:upload',
    form: async ({ unique }) => {
      // A different image each call (its content hash names the file).
      const n = Number(unique().split('-').pop());
      const png = await sharp({ create: { width: 40 + n, height: 30, channels: 3, background: { r: n % 256, g: 120, b: 200 } } }).png().toBuffer();
      const data = form({ alt: `Ảnh thử ${n}` });
      data.append('file', new File([new Uint8Array(png)], 'anh.png', { type: 'image/png' }));
      return data;
    },
  },
  'van-ban/saveDocumentAction': {
    permission: 'documents:write-own',
    form: async ({ makeTerm, unique }) =>
      form({
        id: '',
        version: '',
        intent: 'draft',
        number: `${unique()}/KH-UBND`,
        typeId: String(await makeTerm('type')),
        issuerId: String(await makeTerm('issuer')),
        fieldId: '',
        signer: 'Người ký',
        issuedOn: '2026-03-15',
        effectiveOn: '',
        expiresOn: '',
        abstract: 'Trích yếu văn bản thử',
      }),
  },
  'van-ban/restoreDocumentRevisionAction': {
    permission: 'documents:write-own',
    form: async ({ makeDocumentDraft }) => {
      const draft = await makeDocumentDraft();
      return form({ documentId: String(draft.id), revisionId: String(draft.firstRevisionId), version: String(draft.version) });
    },
  },
  'van-ban/danh-muc/createDocumentTermAction': {
    permission: 'documents:terms',
    form: ({ unique }) => form({ kind: 'field', name: `Lĩnh vực ${unique()}` }),
  },
  'van-ban/danh-muc/renameDocumentTermAction': {
    permission: 'documents:terms',
    form: async ({ makeTerm, unique }) => form({ kind: 'issuer', id: String(await makeTerm('issuer')), name: `Cơ quan đổi tên ${unique()}` }),
  },
  'van-ban/danh-muc/moveDocumentTermAction': {
    permission: 'documents:terms',
    form: async ({ makeTerm }) => {
      await makeTerm('field');
      return form({ kind: 'field', id: String(await makeTerm('field')), direction: 'up' });
    },
  },
  'van-ban/danh-muc/deleteDocumentTermAction': {
    permission: 'documents:terms',
    form: async ({ makeTerm }) => form({ kind: 'type', id: String(await makeTerm('type')) }),
  },
  'comments/moderateAction': {
    permission: 'comments:moderate',
    form: async ({ makeComment }) => form({ op: `approve:${await makeComment()}` }),
  },
  'users/issueResetLinkAction': {
    permission: 'users:manage',
    form: async ({ makeTarget }) => form({ userId: await makeTarget('editor') }),
  },
  // Issue 16, personal-data requests (admin only).
  'yeu-cau/acknowledgeRequestAction': {
    permission: 'privacy:manage',
    form: async ({ makeDataRequest }) => form({ requestId: String((await makeDataRequest()).id) }),
  },
  'yeu-cau/extendRequestAction': {
    permission: 'privacy:manage',
    form: async ({ makeDataRequest }) => form({ requestId: String((await makeDataRequest()).id), days: '10', reason: 'Cần thêm thời gian' }),
  },
  'yeu-cau/completeRequestAction': {
    permission: 'privacy:manage',
    form: async ({ makeDataRequest }) => form({ requestId: String((await makeDataRequest()).id), reply: 'Đã xử lý xong.' }),
  },
  'yeu-cau/eraseCommentsAction': {
    permission: 'privacy:manage',
    form: async ({ makeDataRequest }) => {
      const request = await makeDataRequest();
      return form({ requestId: String(request.id), mode: 'delete', ids: String(request.commentId), sdt: request.phone, ten: '' });
    },
  },
  'yeu-cau/ngay-nghi/addPublicHolidayAction': {
    permission: 'privacy:manage',
    // A distinct day each call, far from the seeded years.
    form: ({ unique }) => form({ day: addCalendarDays('2040-01-01', Number(unique().split('-').pop())), name: 'Ngày nghỉ thử', kind: 'holiday' }),
  },
  'yeu-cau/ngay-nghi/removePublicHolidayAction': {
    permission: 'privacy:manage',
    form: async ({ makeHoliday }) => form({ day: await makeHoliday() }),
  },
  'du-lieu-ca-nhan/publishPrivacyPolicyAction': {
    permission: 'privacy:manage',
    // A different organisation name each call: an unchanged policy is refused (nothing to publish).
    form: ({ unique }) =>
      form({
        organisationName: `Ủy ban nhân dân ${unique()}`,
        address: 'Số 1 đường Hòa Bình',
        contactPhone: '028 0000 0000',
        contactEmail: '',
        collected: 'Họ tên, số điện thoại.',
        purposes: 'Kiểm duyệt bình luận.',
        retention: '12 tháng.',
        rights: 'Gửi yêu cầu tại /yeu-cau-du-lieu-ca-nhan.',
        basedOn: '',
      }),
  },
  'articles/addCorrectionAction': {
    permission: 'articles:correct',
    form: async ({ makeCorrection }) => form({ articleId: String((await makeCorrection()).articleId), body: 'Đính chính: số liệu đúng là 12%.' }),
  },
  'articles/editCorrectionAction': {
    permission: 'articles:correct',
    form: async ({ makeCorrection, unique }) => {
      const { articleId, correctionId } = await makeCorrection();
      return form({ articleId: String(articleId), correctionId: String(correctionId), version: '1', body: `Đã sửa ${unique()}`, reason: 'Sai số liệu' });
    },
  },
  'account/updateNameAction': {
    permission: 'dashboard:view',
    form: ({ unique }) => form({ name: `Tên mới ${unique()}` }),
  },
  'account/changePasswordAction': {
    permission: 'dashboard:view',
    form: () => form({ currentPassword: ACTOR_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
  },
  // Personal data: retention (issue 16).
  'du-lieu-ca-nhan/luu-tru/updateRetentionSettingsAction': {
    permission: 'privacy:manage',
    form: ({ unique }) => form({ phoneMonths: String(1 + (Number(unique().split('-').pop()) % 120)), rejectedDays: '45' }),
  },
};

const DASHBOARD = import.meta.dirname;
const ROLES_TO_TRY: (Role | null)[] = [null, 'reporter', 'editor', 'admin'];

/** Every app/dashboard/**\/actions.ts, relative to app/dashboard, e.g. "users/actions.ts". */
function actionFiles(): string[] {
  return readdirSync(DASHBOARD, { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === 'actions.ts')
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

describe('dashboard server actions: role matrix', () => {
  let database: TestDatabase;
  const actions = new Map<string, Action>();
  const nonFunctionExports: string[] = [];
  const actors = new Map<Role, CurrentUser>();
  let actorHash: string;
  let counter = 0;
  const unique = () => `${Date.now().toString(36)}-${++counter}`;

  async function insertUser(role: Role, email: string): Promise<CurrentUser> {
    const name = `Tài khoản ${role}`;
    const [row] = await database.sql<{ id: string }[]>`
      insert into users (email, name, role, password_hash) values (${email}, ${name}, ${role}, ${actorHash}) returning id`;
    if (!row) throw new Error('insert returned nothing');
    return { id: row.id, email, name, role };
  }

  /** What a refused call must leave untouched. */
  async function snapshot() {
    const [counts] = await database.sql`
      select (select count(*)::int from users) as users,
             (select count(*)::int from user_tokens) as user_tokens,
             (select count(*)::int from user_tokens where used_at is null) as unused_tokens,
             (select count(*)::int from audit_log) as audit_log,
             (select count(*)::int from comments) as comments,
             (select count(*)::int from comments where status <> 'pending') as moderated_comments,
             (select count(*)::int from articles) as articles,
             (select count(*)::int from article_revisions) as revisions,
             (select count(*)::int from tags) as tags,
             (select count(*)::int from media) as media,
             (select count(*)::int from documents) as documents,
             (select count(*)::int from document_revisions) as document_revisions,
             (select string_agg(id || ':' || status || ':' || coalesce(extended_until::text, ''), ',' order by id) from data_requests) as data_requests,
             (select string_agg(day::text, ',' order by day) from public_holidays) as public_holidays,
             (select count(*)::int from privacy_policy_versions) as privacy_policy_versions,
             (select string_agg(phone_months || ':' || rejected_days, ',') from privacy_retention_settings) as retention_settings,
             (select count(*)::int from article_corrections) as corrections,
             (select count(*)::int from article_correction_versions) as correction_versions,
             (select string_agg(id || ':' || version || ':' || body, ',' order by id) from article_corrections) as correction_texts,
             (select string_agg(id || ':' || kind || ':' || name || ':' || position, ',' order by id) from document_terms) as document_terms,
             (select string_agg(id || ':' || slug || ':' || name || ':' || position, ',' order by id) from sections) as sections`;
    const rows = await database.sql`
      select id, email, role, disabled, name, session_version, password_hash from users order by id`;
    return { counts, rows };
  }

  beforeAll(async () => {
    process.env.MEDIA_DIR = mkdtempSync(path.join(os.tmpdir(), 'newsroom-media-'));
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    delete process.env.SMTP_URL; // links are handed back, not e-mailed
    for (const file of actionFiles()) {
      const module = (await import(path.join(DASHBOARD, file))) as Record<string, unknown>;
      const prefix = path.posix.dirname(file);
      for (const [name, value] of Object.entries(module)) {
        if (typeof value === 'function') actions.set(`${prefix}/${name}`, value as Action);
        else nonFunctionExports.push(`${prefix}/${name}`);
      }
    }
    actorHash = await hashPassword(ACTOR_PASSWORD);
    for (const role of ['reporter', 'editor', 'admin'] as const) {
      actors.set(role, await insertUser(role, `${role}@binhminh.example`));
    }
  });

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });

  beforeEach(async () => {
    // Each call starts with the actors' known password (changePasswordAction changes it).
    await database.sql`update users set password_hash = ${actorHash} where id in ${database.sql([...actors.values()].map((a) => a.id))}`;
    state.user = null;
  });

  it('finds the action modules and has a matrix row for every exported action, and none extra', () => {
    expect(actionFiles()).toEqual(expect.arrayContaining(['account/actions.ts', 'users/actions.ts']));
    expect(nonFunctionExports).toEqual([]);
    expect([...actions.keys()].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const contextFor = (actor: CurrentUser | null): Context => ({
    actor,
    unique,
    makeTarget: async (targetRole = 'reporter') => (await insertUser(targetRole, `dich-${unique()}@binhminh.example`)).id,
    makeComment: async () => {
      const slug = `bai-${unique()}`;
      const [comment] = await database.sql<{ id: number }[]>`
        with a as (insert into articles (slug, title, status, published_at) values (${slug}, 'Bài', 'published', now()) returning id)
        insert into comments (article_id, name, title, content, ip_hash) select id, 'Độc giả', 'Ý kiến', 'Nội dung', 'h' from a
        returning id`;
      return Number(comment?.id);
    },
    makeSection: async () => {
      const slug = `cm-${unique()}`;
      const [section] = await database.sql<{ id: number }[]>`
        insert into sections (slug, name, position) values (${slug}, ${slug}, (select coalesce(max(position), 0) + 1 from sections)) returning id`;
      return Number(section?.id);
    },
    makeDataRequest: async () => {
      const n = ++counter;
      const phone = `09${String(10_000_000 + n).slice(-8)}`;
      const code = `MATRIX${String(n).padStart(6, '0')}`;
      const [request] = await database.sql<{ id: number }[]>`
        insert into data_requests (code, name, phone, kind, content, acknowledge_by, due_by)
        values (${code}, 'Người yêu cầu', ${phone}, 'erasure', 'Xóa dữ liệu của tôi', '2026-12-07', '2026-12-18') returning id`;
      const slug = `bai-yc-${unique()}`;
      const [comment] = await database.sql<{ id: number }[]>`
        with a as (insert into articles (slug, title, status, published_at) values (${slug}, 'Bài', 'published', now()) returning id)
        insert into comments (article_id, name, phone, title, content, ip_hash, status) select id, 'Người yêu cầu', ${phone}, 'Ý kiến', 'Nội dung', 'h', 'approved' from a
        returning id`;
      return { id: Number(request?.id), commentId: Number(comment?.id), phone };
    },
    makeHoliday: async () => {
      const day = addCalendarDays('2060-01-01', ++counter);
      await database.sql`insert into public_holidays (day, name) values (${day}, 'Ngày thử') on conflict do nothing`;
      return day;
    },
    makeTerm: async (kind) => {
      const slug = `muc-${unique()}`;
      const [term] = await database.sql<{ id: number }[]>`
        insert into document_terms (kind, slug, name, position)
        values (${kind}, ${slug}, ${slug}, (select coalesce(max(position), 0) + 1 from document_terms where kind = ${kind})) returning id`;
      return Number(term?.id);
    },
    makeDraft: async () => {
      const slug = `nhap-${unique()}`;
      const owner = actor?.id ?? null;
      const [article] = await database.sql<{ id: number }[]>`
        insert into articles (slug, title, status, created_by, version) values (${slug}, 'Bản hai', 'draft', ${owner}, 2) returning id`;
      const id = Number(article?.id);
      const meta = { slug, status: 'draft', sectionId: null, authorId: null, tagIds: [], coverMediaId: null, coverAlt: '', publishedAt: null };
      const [first] = await database.sql<{ id: number }[]>`
        insert into article_revisions (article_id, version, title, lead, body_html, meta, created_by)
        values (${id}, 1, 'Bản một', '', '', ${database.sql.json(meta)}, ${owner}) returning id`;
      await database.sql`
        insert into article_revisions (article_id, version, title, lead, body_html, meta, created_by)
        values (${id}, 2, 'Bản hai', '', '', ${database.sql.json(meta)}, ${owner})`;
      return { id, firstRevisionId: Number(first?.id), version: 2 };
    },
    makeCorrection: async () => {
      const slug = `dinh-chinh-${unique()}`;
      const [row] = await database.sql<{ article_id: number; id: number }[]>`
        with a as (insert into articles (slug, title, status, published_at) values (${slug}, 'Bài có đính chính', 'published', now()) returning id),
             c as (insert into article_corrections (article_id, body) select id, 'Bản gốc' from a returning id, article_id)
        insert into article_correction_versions (correction_id, version, body) select id, 1, 'Bản gốc' from c
        returning (select article_id from c), correction_id as id`;
      return { articleId: Number(row?.article_id), correctionId: Number(row?.id) };
    },
    makeDocumentDraft: async () => {
      const owner = actor?.id ?? null;
      const number = `${unique()}/TB-UBND`;
      const [type] = await database.sql<{ id: number }[]>`select id from document_terms where kind = 'type' order by id limit 1`;
      const issuerSlug = `co-quan-${unique()}`;
      const [issuer] = await database.sql<{ id: number }[]>`insert into document_terms (kind, slug, name) values ('issuer', ${issuerSlug}, ${issuerSlug}) returning id`;
      const fields = { number, typeId: Number(type?.id), issuerId: Number(issuer?.id), fieldId: null, signer: 'Người ký', issuedOn: '2026-03-15', effectiveOn: null, expiresOn: null, replacesId: null, fileIds: [], publishedAt: null };
      const [doc] = await database.sql<{ id: number }[]>`
        insert into documents (slug, number, type_id, issuer_id, signer, issued_on, abstract, status, created_by, version)
        values (${`vb-${unique()}`}, ${number}, ${fields.typeId}, ${fields.issuerId}, 'Người ký', '2026-03-15', 'Bản hai', 'draft', ${owner}, 2) returning id`;
      const id = Number(doc?.id);
      const [first] = await database.sql<{ id: number }[]>`
        insert into document_revisions (document_id, version, snapshot, created_by)
        values (${id}, 1, ${database.sql.json({ ...fields, slug: `vb-${id}`, abstract: 'Bản một', status: 'draft' })}, ${owner}) returning id`;
      await database.sql`
        insert into document_revisions (document_id, version, snapshot, created_by)
        values (${id}, 2, ${database.sql.json({ ...fields, slug: `vb-${id}`, abstract: 'Bản hai', status: 'draft' })}, ${owner})`;
      return { id, firstRevisionId: Number(first?.id), version: 2 };
    },
  });

  const cases = Object.entries(MATRIX).flatMap(([name, row]) =>
    ROLES_TO_TRY.map((role) => ({ name, row, role, allowed: can(role, row.permission) })),
  );

  it.each(cases)('$name as $role: allowed=$allowed', async ({ name, row, role, allowed }) => {
    const action = actions.get(name);
    expect(action, `${name} is not exported`).toBeTypeOf('function');
    const actor = role ? (actors.get(role) ?? null) : null;
    expect(role === null || actor !== null).toBe(true);
    const formData = await row.form(contextFor(actor));
    state.user = actor;

    const before = await snapshot();
    let result: ActionState;
    try {
      result = await action!({}, formData);
    } catch (error) {
      if (!(error instanceof RedirectMarker)) throw error;
      result = { ok: true };
    }
    const after = await snapshot();

    if (allowed) {
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      // The allowed call really did something, so the refused ones are compared with a call that writes.
      expect(after).not.toEqual(before);
    } else {
      expect(result.ok).toBe(false);
      expect(result.message).toBe(role === null ? NOT_SIGNED_IN : NOT_ALLOWED);
      expect(after).toEqual(before);
    }
  });

  // Every id an action takes, replaced by values outside a PostgreSQL integer (or not written
  // as one): a field error each time, never an exception from SQL.
  const ID_FIELDS: [action: string, field: string, column: 'integer' | 'bigint'][] = [
    ['articles/saveArticleAction', 'id', 'integer'],
    ['articles/saveArticleAction', 'version', 'integer'],
    ['articles/saveArticleAction', 'sectionId', 'integer'],
    ['articles/saveArticleAction', 'coverMediaId', 'integer'],
    ['articles/autosaveDraftAction', 'id', 'integer'],
    ['articles/autosaveDraftAction', 'version', 'integer'],
    ['articles/restoreRevisionAction', 'articleId', 'integer'],
    ['articles/restoreRevisionAction', 'revisionId', 'bigint'],
    ['articles/restoreRevisionAction', 'version', 'integer'],
    ['taxonomy/renameTaxonomyAction', 'id', 'integer'],
    ['taxonomy/moveSectionAction', 'id', 'integer'],
    ['taxonomy/deleteTaxonomyAction', 'id', 'integer'],
    ['van-ban/restoreDocumentRevisionAction', 'documentId', 'integer'],
    ['van-ban/restoreDocumentRevisionAction', 'revisionId', 'bigint'],
    ['van-ban/restoreDocumentRevisionAction', 'version', 'integer'],
    ['van-ban/saveDocumentAction', 'id', 'integer'],
    ['van-ban/saveDocumentAction', 'version', 'integer'],
    ['van-ban/saveDocumentAction', 'typeId', 'integer'],
    ['van-ban/saveDocumentAction', 'issuerId', 'integer'],
    ['van-ban/saveDocumentAction', 'fieldId', 'integer'],
    ['van-ban/saveDocumentAction', 'replacesId', 'integer'],
    ['van-ban/saveDocumentAction', 'fileIds', 'integer'],
    ['van-ban/danh-muc/renameDocumentTermAction', 'id', 'integer'],
    ['van-ban/danh-muc/moveDocumentTermAction', 'id', 'integer'],
    ['van-ban/danh-muc/deleteDocumentTermAction', 'id', 'integer'],
    ['yeu-cau/acknowledgeRequestAction', 'requestId', 'integer'],
    ['yeu-cau/extendRequestAction', 'requestId', 'integer'],
    ['yeu-cau/completeRequestAction', 'requestId', 'integer'],
    ['yeu-cau/eraseCommentsAction', 'requestId', 'integer'],
    ['yeu-cau/eraseCommentsAction', 'ids', 'bigint'],
    ['articles/addCorrectionAction', 'articleId', 'integer'],
    ['articles/editCorrectionAction', 'articleId', 'integer'],
    ['articles/editCorrectionAction', 'correctionId', 'integer'],
    ['articles/editCorrectionAction', 'version', 'integer'],
    ['comments/moderateAction', 'op', 'bigint'],
    ['comments/moderateAction', 'ids', 'bigint'],
    ['du-lieu-ca-nhan/publishPrivacyPolicyAction', 'basedOn', 'integer'],
  ];
  const NOT_AN_ID = ['99999999999999999999', '1e400', '-1', '0', '01', ' 1', '1.5', '0x10', ''];
  // bigserial ids are read as JavaScript numbers: exact up to 2^53 − 1.
  const OUT_OF_RANGE = { integer: ['2147483648', '9007199254740991', ...NOT_AN_ID], bigint: ['9007199254740992', ...NOT_AN_ID] };
  const idCases = ID_FIELDS.flatMap(([name, field, column]) =>
    // An empty id is how the form says "none" where the id may be absent.
    OUT_OF_RANGE[column].filter((value) => value !== '' || !['saveArticleAction/id', 'saveArticleAction/version', 'saveArticleAction/sectionId', 'saveArticleAction/coverMediaId', 'autosaveDraftAction/id', 'autosaveDraftAction/version', 'saveDocumentAction/id', 'saveDocumentAction/version', 'saveDocumentAction/fieldId', 'saveDocumentAction/replacesId', 'saveDocumentAction/fileIds', 'publishPrivacyPolicyAction/basedOn'].includes(`${name.split('/')[1]}/${field}`)).map((value) => ({ name, field, value })),
  );

  it.each(idCases)('$name with $field = "$value": a field error, nothing written', async ({ name, field, value }) => {
    const actor = actors.get('admin')!;
    const formData = await MATRIX[name]!.form(contextFor(actor));
    if (name === 'comments/moderateAction') {
      if (field === 'op') formData.set('op', `approve:${value}`);
      else {
        formData.set('op', 'approve:selected');
        formData.set('ids', value);
      }
    } else formData.set(field, value);
    state.user = actor;
    const before = await snapshot();
    const result = await actions.get(name)!({}, formData);
    expect(result.ok, JSON.stringify(result)).toBe(false);
    expect(result.fieldErrors?.[field]?.length, JSON.stringify(result)).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });

  it('with the session check lost to a database outage, says so (not "signed out") and gives the typing back', async () => {
    state.user = null;
    state.outage = true;
    try {
      const before = await snapshot();
      const title = `Bài đang soạn ${unique()}`;
      const result = await actions.get('articles/saveArticleAction')!(
        {},
        form({ id: '', version: '', intent: 'draft', title, slug: '', lead: '', bodyHtml: '<p>Nội dung</p>', sectionId: '', tags: '', authorName: '', publishedAt: '' }),
      );
      expect(result).toMatchObject({ ok: false, message: DATABASE_UNAVAILABLE });
      expect(result.values?.title).toBe(title);
      expect(await snapshot()).toEqual(before);
    } finally {
      state.outage = false;
    }
  });

  it('has rows that cover both outcomes for each permission used', () => {
    for (const [name, row] of Object.entries(MATRIX)) {
      const outcomes = new Set(ROLES_TO_TRY.map((role) => can(role, row.permission)));
      expect(outcomes, name).toEqual(new Set([true, false]));
    }
    // users:* is for admins only; the account page is for any signed-in role.
    expect(ROLES_TO_TRY.filter((r) => can(r, 'users:manage'))).toEqual(['admin']);
    expect(ROLES_TO_TRY.filter((r) => can(r, 'dashboard:view'))).toEqual(['reporter', 'editor', 'admin']);
  });
});
