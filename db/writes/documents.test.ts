// Document writes (form validation at the boundary, workflow by role, duplicates and their race,
// optimistic concurrency, revisions, audit, files attached with files_text, the editable lists)
// against a real, migrated PostgreSQL database of its own.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '@/testing/database';
import type { Role } from '@/lib/auth/permissions';
import { DOCUMENT_MESSAGES, DocumentFormSchema } from '@/lib/document-form';
import { closeAppSql } from '@/db/client';
import type { DocumentInput, DocumentEditor, SavedDocument } from './documents';

type DocumentsModule = typeof import('./documents');
type TermsModule = typeof import('./document-terms');

const IP = '203.0.113.7';

describe('document form schema', () => {
  const base = {
    id: '',
    version: '',
    intent: 'draft',
    number: ' 67/KH-UBND ',
    typeId: '1',
    issuerId: '2',
    fieldId: '',
    signer: 'Nguyễn Văn A',
    issuedOn: '2026-03-15',
    effectiveOn: '',
    expiresOn: '',
    abstract: 'Kế hoạch hỗ trợ người khuyết tật',
  };
  const errors = (over: Record<string, unknown>) => {
    const parsed = DocumentFormSchema.safeParse({ ...base, ...over });
    return parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  };

  it('accepts a complete form, trimming text and turning empty optional fields into null', () => {
    const parsed = DocumentFormSchema.parse({ ...base, fileIds: ['3', '1'] });
    expect(parsed).toMatchObject({ id: null, number: '67/KH-UBND', typeId: 1, issuerId: 2, fieldId: null, effectiveOn: null, expiresOn: null, fileIds: [3, 1], replacesId: null });
  });

  it('names each missing required field in Vietnamese', () => {
    expect(errors({ number: '  ', typeId: '', issuerId: '', issuedOn: '', abstract: '' })).toEqual({
      number: [DOCUMENT_MESSAGES.number],
      typeId: [DOCUMENT_MESSAGES.type],
      issuerId: [DOCUMENT_MESSAGES.issuer],
      issuedOn: [DOCUMENT_MESSAGES.issuedOn],
      abstract: [DOCUMENT_MESSAGES.abstract],
    });
  });

  it('takes only real calendar days', () => {
    expect(errors({ issuedOn: '2026-02-30' }).issuedOn).toEqual([DOCUMENT_MESSAGES.badDate]);
    expect(errors({ effectiveOn: '15/03/2026' }).effectiveOn).toEqual([DOCUMENT_MESSAGES.badDate]);
    expect(errors({ expiresOn: '99999-01-01' }).expiresOn).toEqual([DOCUMENT_MESSAGES.badDate]);
    expect(errors({ issuedOn: '2024-02-29' })).toEqual({});
  });

  it('orders the dates: effect not before issue, expiry after effect (or after issue without one)', () => {
    expect(errors({ effectiveOn: '2026-03-14' }).effectiveOn).toEqual([DOCUMENT_MESSAGES.effectiveBeforeIssue]);
    expect(errors({ effectiveOn: '2026-03-15' })).toEqual({});
    expect(errors({ effectiveOn: '2026-04-01', expiresOn: '2026-04-01' }).expiresOn).toEqual([DOCUMENT_MESSAGES.expiryBeforeEffect]);
    expect(errors({ expiresOn: '2026-03-15' }).expiresOn).toEqual([DOCUMENT_MESSAGES.expiryBeforeIssue]);
    expect(errors({ effectiveOn: '2026-04-01', expiresOn: '2027-01-01' })).toEqual({});
  });

  it('refuses a number with nothing to match on, too many files, repeated or malformed file ids', () => {
    expect(errors({ number: '—/—' }).number).toEqual([DOCUMENT_MESSAGES.numberNoKey]);
    expect(errors({ fileIds: Array.from({ length: 11 }, (_, i) => String(i + 1)) }).fileIds).toEqual([DOCUMENT_MESSAGES.tooManyFiles]);
    expect(errors({ fileIds: ['1', '1'] }).fileIds).toEqual([DOCUMENT_MESSAGES.badFile]);
    expect(errors({ fileIds: ['99999999999'] }).fileIds).toEqual([DOCUMENT_MESSAGES.badFile]);
    expect(errors({ typeId: '2147483648' }).typeId).toEqual([DOCUMENT_MESSAGES.badId]);
  });
});

describe('document writes', () => {
  let database: TestDatabase;
  let m: DocumentsModule;
  let t: TermsModule;
  let admin: DocumentEditor;
  let editor: DocumentEditor;
  let reporter: DocumentEditor;
  let otherReporter: DocumentEditor;
  let typeId: number;
  let issuerId: number;
  let otherIssuerId: number;
  let fieldId: number;

  async function insertUser(email: string, role: Role): Promise<DocumentEditor> {
    const [row] = await database.sql<DocumentEditor[]>`insert into users (email, name, role) values (${email}, ${'Tên ' + email}, ${role}) returning id, email, role`;
    if (!row) throw new Error('insert returned nothing');
    return row;
  }
  async function term(kind: 'type' | 'issuer' | 'field', slug: string, name: string): Promise<number> {
    const [row] = await database.sql<{ id: number }[]>`
      insert into document_terms (kind, slug, name) values (${kind}, ${slug}, ${name})
      on conflict (kind, slug) do update set name = excluded.name returning id`;
    return row!.id;
  }
  async function upload(by: DocumentEditor, name: string, text: { status: string; content?: string } = { status: 'pending' }): Promise<number> {
    const sha = `${name}-${Math.random()}`.padEnd(64, '0').slice(0, 64);
    const [row] = await database.sql<{ id: number }[]>`
      insert into document_files (storage_key, original_name, mime_type, bytes, sha256, text_status, text_content, uploaded_by)
      values (${`documents/${sha}.pdf`}, ${name}, 'application/pdf', 1234, ${sha}, ${text.status}, ${text.content ?? ''}, ${by.id}) returning id`;
    return row!.id;
  }

  let seq = 0;
  function newInput(over: Partial<DocumentInput> = {}): DocumentInput {
    seq += 1;
    return {
      id: null,
      version: null,
      number: `${seq}/KH-UBND`,
      typeId,
      issuerId,
      fieldId: null,
      signer: 'Trần Thị B',
      issuedOn: '2026-03-15',
      effectiveOn: null,
      expiresOn: null,
      abstract: `Kế hoạch số ${seq} về hỗ trợ người khuyết tật`,
      fileIds: [],
      replacesId: null,
      ...over,
    };
  }
  type Doc = { input: DocumentInput; saved: SavedDocument };
  async function create(by: DocumentEditor, over: Partial<DocumentInput> = {}, intent: 'draft' | 'publish' = 'draft'): Promise<Doc> {
    const input = newInput(over);
    const saved = await m.saveDocument(input, intent, by, IP);
    return { input: { ...input, id: saved.id, version: saved.version }, saved };
  }
  async function edit(doc: Doc, intent: 'draft' | 'publish' | 'unpublish', by: DocumentEditor, over: Partial<DocumentInput> = {}): Promise<Doc> {
    const input = { ...doc.input, ...over };
    const saved = await m.saveDocument(input, intent, by, IP);
    return { input: { ...input, id: saved.id, version: saved.version }, saved };
  }
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: unknown) => e as Error & { field?: string; duplicate?: { id: number; number: string } },
    );
  const row = async (id: number) =>
    (await database.sql<{ slug: string; status: string; version: number; files_text: string; published_at: Date | null; replaces_id: number | null; created_by: string }[]>`
      select slug, status, version, files_text, published_at, replaces_id, created_by from documents where id = ${id}`)[0]!;
  const audit = () => database.sql<{ action: string; entity_id: string; actor_id: string; details: Record<string, unknown> }[]>`select action, entity_id, actor_id, details from audit_log order by id`;
  const counts = async () =>
    (await database.sql`
      select (select count(*)::int from documents) as documents, (select count(*)::int from document_revisions) as revisions,
             (select count(*)::int from audit_log) as audit, (select string_agg(id || ':' || coalesce(document_id::text, '-') || ':' || position, ',' order by id) from document_files) as files`)[0];

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    m = await import('./documents');
    t = await import('./document-terms');
    admin = await insertUser('admin@vb.example', 'admin');
    editor = await insertUser('btv@vb.example', 'editor');
    reporter = await insertUser('pv@vb.example', 'reporter');
    otherReporter = await insertUser('pv2@vb.example', 'reporter');
    typeId = (await database.sql<{ id: number }[]>`select id from document_terms where kind = 'type' and slug = 'ke-hoach'`)[0]!.id;
    issuerId = await term('issuer', 'ubnd-quan', 'UBND quận');
    otherIssuerId = await term('issuer', 'so-lao-dong', 'Sở Lao động');
    fieldId = await term('field', 'xa-hoi', 'Xã hội');
  });

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });

  beforeEach(async () => {
    await database.sql`truncate documents, document_files, audit_log restart identity cascade`;
  });

  it('creates a draft at version 1 with its slug from the number, a revision and an audit line', async () => {
    const doc = await create(reporter, { number: '67/KH-UBND', fieldId, effectiveOn: '2026-04-01' });
    expect(doc.saved).toMatchObject({ slug: '67-kh-ubnd', status: 'draft', version: 1, previousSlug: null });
    const [revision] = await database.sql<{ version: number; snapshot: Record<string, unknown>; created_by: string }[]>`
      select version, snapshot, created_by from document_revisions where document_id = ${doc.saved.id}`;
    expect(revision).toMatchObject({
      version: 1,
      created_by: reporter.id,
      snapshot: { number: '67/KH-UBND', slug: '67-kh-ubnd', typeId, issuerId, fieldId, issuedOn: '2026-03-15', effectiveOn: '2026-04-01', expiresOn: null, status: 'draft', fileIds: [], publishedAt: null, replacesId: null },
    });
    expect(await audit()).toEqual([expect.objectContaining({ action: 'document.create', entity_id: String(doc.saved.id), actor_id: reporter.id })]);
  });

  it('lets a reporter only draft their own; editors publish, republish and take down', async () => {
    expect((await refusal(m.saveDocument(newInput(), 'publish', reporter, IP))).message).toBe(m.DOCUMENT_REFUSALS.forbidden);
    const doc = await create(reporter);
    expect((await refusal(edit(doc, 'draft', otherReporter))).message).toBe(m.DOCUMENT_REFUSALS.notOwnDraft);
    expect((await refusal(edit(doc, 'unpublish', editor))).message).toBe(m.DOCUMENT_REFUSALS.notPublished);

    const live = await edit(doc, 'publish', editor);
    expect(live.saved.status).toBe('published');
    const firstPublished = (await row(doc.saved.id)).published_at;
    expect(firstPublished).toBeInstanceOf(Date);
    // The owner cannot touch it once it is live; Lưu nháp on a live document is refused for all.
    expect((await refusal(edit(live, 'draft', reporter))).message).toBe(m.DOCUMENT_REFUSALS.notOwnDraft);
    expect((await refusal(edit(live, 'draft', editor))).message).toBe(m.DOCUMENT_REFUSALS.publishedNeedsButton);

    const changed = await edit(live, 'publish', admin, { abstract: 'Trích yếu đã sửa' });
    expect((await row(doc.saved.id)).published_at).toEqual(firstPublished);
    const down = await edit(changed, 'unpublish', editor);
    expect(down.saved.status).toBe('unpublished');
    const back = await edit(down, 'draft', editor, { signer: 'Người ký mới' });
    expect(back.saved.status).toBe('unpublished');
    expect((await audit()).map((a) => a.action)).toEqual(['document.create', 'document.publish', 'document.update', 'document.unpublish', 'document.update']);
    expect((await row(doc.saved.id)).version).toBe(5);
  });

  it('refuses a save over a newer version (optimistic concurrency), writing nothing', async () => {
    const doc = await create(editor);
    await edit(doc, 'draft', editor, { abstract: 'Bản của người thứ nhất' });
    const before = await counts();
    const error = await refusal(edit(doc, 'draft', admin, { abstract: 'Bản cũ của người thứ hai' }));
    expect(error).toBeInstanceOf(m.DocumentConflict);
    expect((error as unknown as { currentVersion: number }).currentVersion).toBe(2);
    expect(await counts()).toEqual(before);
  });

  it('keeps the slug once published; before that it follows the number, with the issuer, then -2 on collisions', async () => {
    const a = await create(editor, { number: '12/QĐ-UBND' });
    expect(a.saved.slug).toBe('12-qd-ubnd');
    const b = await create(editor, { number: '12/QĐ-UBND', issuerId: otherIssuerId });
    expect(b.saved.slug).toBe('12-qd-ubnd-so-lao-dong');
    const c = await create(editor, { number: '12 QĐ UBND', issuerId: otherIssuerId, issuedOn: '2025-01-01' }).catch((e: unknown) => e);
    // Same number key from the same issuer: a duplicate, not a third slug.
    expect((c as { field?: string }).field).toBe('number');
    const renamed = await edit(a, 'draft', editor, { number: '13/QĐ-UBND' });
    expect(renamed.saved).toMatchObject({ slug: '13-qd-ubnd', previousSlug: '12-qd-ubnd' });
    const live = await edit(renamed, 'publish', editor);
    const after = await edit(live, 'publish', editor, { number: '14/QĐ-UBND' });
    expect(after.saved.slug).toBe('13-qd-ubnd');
  });

  it('refuses the same number from the same issuer, loosely typed, naming the existing document', async () => {
    const first = await create(editor, { number: '67/KH-UBND' });
    const before = await counts();
    const error = await refusal(m.saveDocument(newInput({ number: '67 kh ubnd' }), 'draft', reporter, IP));
    expect(error).toBeInstanceOf(m.DocumentError);
    expect(error.field).toBe('number');
    expect(error.duplicate).toEqual({ id: first.saved.id, number: '67/KH-UBND' });
    expect(await counts()).toEqual(before);
    // Another issuer may use it.
    await create(editor, { number: '67/KH-UBND', issuerId: otherIssuerId });
  });

  it('maps the race on the unique index to the same refusal: of two saves at once, one wins', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => m.saveDocument(newInput({ number: '99/TB-UBND' }), 'draft', editor, IP)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    for (const r of lost) {
      expect(r.reason).toBeInstanceOf(m.DocumentError);
      expect((r.reason as { field?: string }).field).toBe('number');
    }
  });

  it('checks the lists: a type must be a type, an issuer an issuer, a field a field', async () => {
    expect((await refusal(m.saveDocument(newInput({ typeId: issuerId }), 'draft', editor, IP))).field).toBe('typeId');
    expect((await refusal(m.saveDocument(newInput({ issuerId: typeId }), 'draft', editor, IP))).field).toBe('issuerId');
    expect((await refusal(m.saveDocument(newInput({ fieldId: 999999 }), 'draft', editor, IP))).field).toBe('fieldId');
  });

  it('attaches files in order, only the editor’s own unattached uploads or the document’s, and rebuilds files_text', async () => {
    const one = await upload(editor, 'mot.pdf', { status: 'done', content: 'chữ tệp một' });
    const two = await upload(editor, 'hai.pdf', { status: 'done', content: 'chữ tệp hai' });
    const pending = await upload(editor, 'ba.pdf');
    const stranger = await upload(otherReporter, 'la.pdf');
    const doc = await create(editor, { fileIds: [two, one, pending] });
    expect((await row(doc.saved.id)).files_text).toBe('chữ tệp hai\nchữ tệp một');
    const positions = await database.sql<{ id: number; document_id: number | null; position: number }[]>`select id, document_id, position from document_files order by id`;
    expect(positions).toEqual([
      { id: one, document_id: doc.saved.id, position: 1 },
      { id: two, document_id: doc.saved.id, position: 0 },
      { id: pending, document_id: doc.saved.id, position: 2 },
      { id: stranger, document_id: null, position: 0 },
    ]);

    // Someone else's upload, or a file of another document, is refused and nothing changes.
    const other = await create(editor, { fileIds: [] });
    const before = await counts();
    expect((await refusal(edit(doc, 'draft', editor, { fileIds: [one, stranger] }))).field).toBe('fileIds');
    expect((await refusal(edit(other, 'draft', editor, { fileIds: [one] }))).field).toBe('fileIds');
    expect(await counts()).toEqual(before);

    // Reordered and one removed: the removed file is detached, the text follows.
    const after = await edit(doc, 'draft', editor, { fileIds: [one, pending] });
    expect((await row(doc.saved.id)).files_text).toBe('chữ tệp một');
    expect((await database.sql`select document_id from document_files where id = ${two}`)[0]?.document_id).toBeNull();
    const [revision] = await database.sql<{ snapshot: { fileIds: number[] } }[]>`
      select snapshot from document_revisions where document_id = ${doc.saved.id} order by version desc limit 1`;
    expect(revision?.snapshot.fileIds).toEqual([one, pending]);
    await edit(after, 'draft', editor, { fileIds: [] });
    expect((await row(doc.saved.id)).files_text).toBe('');
  });

  it('links the replaced document, refusing itself, a missing one and a cycle; reports related slugs', async () => {
    const old = await create(editor, { number: '1/QĐ-UBND' }, 'publish');
    const neu = await create(editor, { number: '2/QĐ-UBND', replacesId: old.saved.id }, 'publish');
    expect(neu.saved.relatedDocumentSlugs).toEqual(['1-qd-ubnd']);
    expect((await row(neu.saved.id)).replaces_id).toBe(old.saved.id);
    expect((await refusal(edit(neu, 'publish', editor, { replacesId: neu.saved.id }))).field).toBe('replacesId');
    expect((await refusal(edit(neu, 'publish', editor, { replacesId: 987654 }))).field).toBe('replacesId');
    expect((await refusal(edit(old, 'publish', editor, { replacesId: neu.saved.id }))).message).toBe(m.DOCUMENT_REFUSALS.replacesCycle);
    // Saving the old one names the one that replaces it, so its page is refreshed too.
    const again = await edit(old, 'publish', editor, { signer: 'Ký lại' });
    expect(again.saved.relatedDocumentSlugs).toEqual(['2-qd-ubnd']);
  });

  it('restores a revision as a new one: its fields and files back, the status kept, an audit line', async () => {
    const one = await upload(editor, 'mot.pdf', { status: 'done', content: 'chữ tệp một' });
    const two = await upload(editor, 'hai.pdf', { status: 'done', content: 'chữ tệp hai' });
    const first = await create(editor, { abstract: 'Trích yếu gốc', fileIds: [one, two] }, 'publish');
    const second = await edit(first, 'publish', editor, { abstract: 'Trích yếu đã sửa', signer: 'Người ký khác', fileIds: [two] });
    // The file taken off stays, marked with the document, and nobody else's document can take it.
    expect((await database.sql`select document_id, former_document_id from document_files where id = ${one}`)[0]).toEqual({ document_id: null, former_document_id: first.saved.id });
    const other = await create(editor);
    expect((await refusal(edit(other, 'draft', editor, { fileIds: [one] }))).field).toBe('fileIds');

    const [v1] = await database.sql<{ id: number }[]>`select id from document_revisions where document_id = ${first.saved.id} and version = 1`;
    const target = { documentId: first.saved.id, revisionId: v1!.id, version: second.saved.version };
    // A reporter cannot restore a live document; a revision of another document is not found.
    expect((await refusal(m.restoreDocumentRevision(target, reporter, IP))).message).toBe(m.DOCUMENT_REFUSALS.forbidden);
    expect((await refusal(m.restoreDocumentRevision({ ...target, documentId: other.saved.id }, editor, IP))).message).toBe(m.DOCUMENT_REFUSALS.revisionNotFound);

    const restored = await m.restoreDocumentRevision(target, editor, IP);
    expect(restored).toMatchObject({ id: first.saved.id, version: 3, status: 'published', fromVersion: 1, filesLeftOut: 0 });
    const [doc] = await database.sql`select abstract, signer, status, version, files_text from documents where id = ${first.saved.id}`;
    expect(doc).toEqual({ abstract: 'Trích yếu gốc', signer: 'Trần Thị B', status: 'published', version: 3, files_text: 'chữ tệp một\nchữ tệp hai' });
    const files = await database.sql`select id, document_id, former_document_id, position from document_files where id in (${one}, ${two}) order by position`;
    expect(files).toEqual([
      { id: one, document_id: first.saved.id, former_document_id: null, position: 0 },
      { id: two, document_id: first.saved.id, former_document_id: null, position: 1 },
    ]);
    const versions = await database.sql<{ version: number; abstract: string }[]>`
      select version, snapshot->>'abstract' as abstract from document_revisions where document_id = ${first.saved.id} order by version`;
    expect(versions).toEqual([
      { version: 1, abstract: 'Trích yếu gốc' },
      { version: 2, abstract: 'Trích yếu đã sửa' },
      { version: 3, abstract: 'Trích yếu gốc' },
    ]);
    const last = (await audit()).at(-1)!;
    expect(last).toMatchObject({ action: 'document.restore', entity_id: String(first.saved.id), details: { fromVersion: 1, version: 3, fileIds: [one, two] } });

    // The same restore again, from the page loaded at version 2: refused, nothing written.
    const before = await counts();
    expect(await refusal(m.restoreDocumentRevision(target, editor, IP))).toBeInstanceOf(m.DocumentConflict);
    expect(await counts()).toEqual(before);
  });

  it('restores a draft as a draft, dropping a replaced document deleted since, refusing a number taken since', async () => {
    const replaced = await create(editor, { number: '5/QĐ-UBND' });
    const doc = await create(reporter, { number: '6/QĐ-UBND', replacesId: replaced.saved.id });
    const renumbered = await edit(doc, 'draft', reporter, { number: '7/QĐ-UBND', replacesId: null });
    await database.sql`delete from documents where id = ${replaced.saved.id}`;
    const [v1] = await database.sql<{ id: number }[]>`select id from document_revisions where document_id = ${doc.saved.id} and version = 1`;
    const restored = await m.restoreDocumentRevision({ documentId: doc.saved.id, revisionId: v1!.id, version: renumbered.saved.version }, reporter, IP);
    expect(restored).toMatchObject({ status: 'draft', version: 3 });
    expect(await row(doc.saved.id)).toMatchObject({ replaces_id: null, slug: '6-qd-ubnd' });

    // Its old number now belongs to another document: the same refusal as the form's.
    const moved = await edit({ input: { ...doc.input, version: 3 }, saved: restored }, 'draft', reporter, { number: '8/QĐ-UBND', replacesId: null });
    await create(editor, { number: '6/QĐ-UBND' });
    const error = await refusal(m.restoreDocumentRevision({ documentId: doc.saved.id, revisionId: v1!.id, version: moved.saved.version }, reporter, IP));
    expect(error.message).toBe(m.DOCUMENT_REFUSALS.duplicate);
  });

  it('reports the articles citing the document, for their pages to be refreshed', async () => {
    const doc = await create(editor, {}, 'publish');
    const [article] = await database.sql<{ id: number }[]>`insert into articles (slug, title, status, published_at) values ('bai-trich-dan', 'Bài', 'published', now()) returning id`;
    await database.sql`insert into article_documents (article_id, document_id) values (${article!.id}, ${doc.saved.id})`;
    expect((await edit(doc, 'publish', editor)).saved.citingArticleSlugs).toEqual(['bai-trich-dan']);
  });

  describe('the editable lists', () => {
    const actor = () => ({ id: admin.id, email: admin.email });
    it('adds at the end with a free slug, renames without changing the slug, reorders, refuses a repeated name', async () => {
      const a = await t.createDocumentTerm('issuer', 'UBND phường Bến Nghé', actor(), IP);
      const b = await t.createDocumentTerm('issuer', 'UBND phường Ben Nghe!', actor(), IP).catch((e: unknown) => e);
      expect(b).toBeInstanceOf(t.DocumentTermError);
      const c = await t.createDocumentTerm('issuer', 'UBND phường Bến Nghé (cũ)', actor(), IP);
      await t.renameDocumentTerm('issuer', a, 'UBND phường Bến Nghé mới', actor(), IP);
      const rows = await database.sql<{ id: number; slug: string; name: string; position: number }[]>`
        select id, slug, name, position from document_terms where id in (${a}, ${c}) order by position`;
      expect(rows.map((r) => [r.id, r.slug, r.name])).toEqual([
        [a, 'ubnd-phuong-ben-nghe', 'UBND phường Bến Nghé mới'],
        [c, 'ubnd-phuong-ben-nghe-cu', 'UBND phường Bến Nghé (cũ)'],
      ]);
      await t.moveDocumentTerm('issuer', c, 'up', actor(), IP);
      const order = await database.sql<{ id: number }[]>`select id from document_terms where id in (${a}, ${c}) order by position, id`;
      expect(order.map((r) => r.id)).toEqual([c, a]);
      expect((await audit()).map((r) => r.action)).toEqual(['document_term.create', 'document_term.create', 'document_term.rename', 'document_term.move']);
    });

    it('deletes an unused entry, refuses one in use with a clear message', async () => {
      const unused = await t.createDocumentTerm('field', 'Giáo dục', actor(), IP);
      await t.deleteDocumentTerm('field', unused, actor(), IP);
      await create(editor, { fieldId });
      const error = await t.deleteDocumentTerm('field', fieldId, actor(), IP).catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(t.DocumentTermError);
      expect((error as Error).message).toMatch(/1 văn bản đang dùng/);
      // The kind must match: an issuer id is not a field.
      expect(await t.deleteDocumentTerm('field', issuerId, actor(), IP).catch((e: unknown) => e)).toBeInstanceOf(t.DocumentTermError);
    });
  });
});
