import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAppSql } from '@/db/client';
import { createTestDatabase, type TestDatabase } from '@/testing/database';

// The registry's reads against a real, migrated PostgreSQL: only published documents, newest
// issue date first, filters and search combined, the capped count, the facets, a document's page.
describe('public document reads', () => {
  let database: TestDatabase;
  let q: typeof import('./documents');
  const ids: Record<string, number> = {};
  let terms: Record<string, number>;

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    q = await import('./documents');
    const sql = database.sql;
    const term = async (kind: string, slug: string, name: string) =>
      (await sql<{ id: number }[]>`insert into document_terms (kind, slug, name) values (${kind}, ${slug}, ${name})
        on conflict (kind, slug) do update set name = excluded.name returning id`)[0]!.id;
    terms = {
      keHoach: (await sql<{ id: number }[]>`select id from document_terms where kind = 'type' and slug = 'ke-hoach'`)[0]!.id,
      quyetDinh: (await sql<{ id: number }[]>`select id from document_terms where kind = 'type' and slug = 'quyet-dinh'`)[0]!.id,
      congVan: (await sql<{ id: number }[]>`select id from document_terms where kind = 'type' and slug = 'cong-van'`)[0]!.id,
      ubnd: await term('issuer', 'ubnd-quan', 'UBND quận'),
      so: await term('issuer', 'so-y-te', 'Sở Y tế'),
      xaHoi: await term('field', 'xa-hoi', 'Xã hội'),
      yTe: await term('field', 'y-te', 'Y tế'),
    };
    const insert = async (
      number: string,
      fields: { type: number; issuer: number; field?: number; issuedOn: string; abstract: string; status?: string; filesText?: string; replacesId?: number },
    ) => {
      const [row] = await sql<{ id: number }[]>`
        insert into documents (slug, number, type_id, issuer_id, field_id, issued_on, abstract, status, files_text, replaces_id, published_at)
        values (${number.toLowerCase().replace(/[^a-z0-9]+/g, '-')}, ${number}, ${fields.type}, ${fields.issuer}, ${fields.field ?? null},
                ${fields.issuedOn}, ${fields.abstract}, ${fields.status ?? 'published'}, ${fields.filesText ?? ''}, ${fields.replacesId ?? null}, now())
        returning id`;
      ids[number] = row!.id;
      return row!.id;
    };
    const old = await insert('10/KH-UBND', { type: terms.keHoach!, issuer: terms.ubnd!, field: terms.xaHoi, issuedOn: '2024-05-01', abstract: 'Kế hoạch cũ về người khuyết tật' });
    await insert('67/KH-UBND', {
      type: terms.keHoach!,
      issuer: terms.ubnd!,
      field: terms.xaHoi,
      issuedOn: '2026-02-01',
      abstract: 'Kế hoạch thực hiện chính sách đối với người khuyết tật',
      filesText: 'Phượng vĩ đỏ thắm',
      replacesId: old,
    });
    await insert('15/QĐ-SYT', { type: terms.quyetDinh!, issuer: terms.so!, field: terms.yTe, issuedOn: '2026-02-01', abstract: 'Quyết định về tiêm chủng' });
    await insert('99/CV-UBND', { type: terms.congVan!, issuer: terms.ubnd!, issuedOn: '2026-03-01', abstract: 'Công văn nháp', status: 'draft' });
    await sql`insert into document_files (document_id, position, storage_key, original_name, mime_type, bytes, sha256)
              values (${ids['67/KH-UBND']!}, 1, 'documents/b.pdf', 'Phụ lục.pdf', 'application/pdf', 20, 'b'),
                     (${ids['67/KH-UBND']!}, 0, 'documents/a.pdf', 'Kế hoạch 67.pdf', 'application/pdf', 10, 'a'),
                     (${ids['99/CV-UBND']!}, 0, 'documents/c.pdf', 'Nháp.pdf', 'application/pdf', 5, 'c'),
                     (null, 0, 'documents/d.pdf', 'Chưa gắn.pdf', 'application/pdf', 5, 'd')`;
  });

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });

  const numbers = (page: { items: { number: string }[] }) => page.items.map((d) => d.number);

  it('lists published documents only, newest issue date first, then newest id, with their files in order', async () => {
    const page = await q.listDocuments({}, 1);
    expect(numbers(page)).toEqual(['15/QĐ-SYT', '67/KH-UBND', '10/KH-UBND']);
    expect(page.total).toBe(3);
    expect(page.more).toBe(false);
    expect(page.items[1]!.files.map((f) => f.originalName)).toEqual(['Kế hoạch 67.pdf', 'Phụ lục.pdf']);
  });

  it('narrows by each filter and by search, combined', async () => {
    expect(numbers(await q.listDocuments({ typeId: terms.keHoach }, 1))).toEqual(['67/KH-UBND', '10/KH-UBND']);
    expect(numbers(await q.listDocuments({ issuerId: terms.so }, 1))).toEqual(['15/QĐ-SYT']);
    expect(numbers(await q.listDocuments({ fieldId: terms.xaHoi }, 1))).toEqual(['67/KH-UBND', '10/KH-UBND']);
    expect(numbers(await q.listDocuments({ year: 2024 }, 1))).toEqual(['10/KH-UBND']);
    expect(numbers(await q.listDocuments({ q: 'nguoi khuyet tat' }, 1))).toEqual(['67/KH-UBND', '10/KH-UBND']);
    expect(numbers(await q.listDocuments({ q: 'nguoi khuyet tat', year: 2026 }, 1))).toEqual(['67/KH-UBND']);
    expect(numbers(await q.listDocuments({ q: 'phuong vi', typeId: terms.keHoach, issuerId: terms.ubnd }, 1))).toEqual(['67/KH-UBND']);
    expect(numbers(await q.listDocuments({ q: '67 kh ubnd' }, 1))[0]).toBe('67/KH-UBND');
    expect(numbers(await q.listDocuments({ q: 'cong van nhap' }, 1))).toEqual([]);
    const past = await q.listDocuments({}, 5);
    expect(past.items).toEqual([]);
    expect(past.total).toBe(3);
  });

  it('offers only the list entries and years that have published documents', async () => {
    const facets = await q.listDocumentFacets();
    expect(facets.type.map((t) => t.slug)).toEqual(expect.arrayContaining(['ke-hoach', 'quyet-dinh']));
    expect(facets.type.map((t) => t.slug)).not.toContain('cong-van');
    expect(facets.issuer.map((t) => t.slug).sort()).toEqual(['so-y-te', 'ubnd-quan']);
    expect(facets.field.map((t) => t.slug).sort()).toEqual(['xa-hoi', 'y-te']);
    expect(facets.years).toEqual([2026, 2024]);
  });

  it('caps the count', async () => {
    await database.sql`
      insert into documents (slug, number, type_id, issuer_id, issued_on, abstract, status)
      select 'hang-loat-' || n, n || '/HL', ${terms.congVan!}, ${terms.so!}, date '2020-01-01' + n, 'Văn bản hàng loạt', 'published'
      from generate_series(1, ${q.DOCUMENT_COUNT_CAP + 5}) n`;
    const page = await q.listDocuments({ q: 'hang loat' }, 1);
    expect(page.total).toBe(q.DOCUMENT_COUNT_CAP);
    expect(page.more).toBe(true);
    expect(page.pages).toBe(q.DOCUMENT_MAX_PAGE);
    expect(page.items).toHaveLength(20);
    await database.sql`delete from documents where slug like 'hang-loat-%'`;
  });

  it('reads a published document with its links, and nothing for a draft', async () => {
    const doc = await q.getPublishedDocumentBySlug('67-kh-ubnd');
    expect(doc).toMatchObject({ number: '67/KH-UBND', typeName: 'Kế hoạch', issuerName: 'UBND quận', fieldName: 'Xã hội', issuedOn: '2026-02-01' });
    expect(doc!.replaces?.number).toBe('10/KH-UBND');
    expect((await q.getPublishedDocumentBySlug('10-kh-ubnd'))!.replacedBy.map((d) => d.number)).toEqual(['67/KH-UBND']);
    expect(await q.getPublishedDocumentBySlug('99-cv-ubnd')).toBeNull();
    expect(await q.getPublishedDocumentBySlug('khong-co')).toBeNull();
    expect(await q.listRecentDocumentSlugs(10)).not.toContain('99-cv-ubnd');
  });

  it('says which files anyone may download', async () => {
    const [published] = await database.sql<{ id: number }[]>`select id from document_files where storage_key = 'documents/a.pdf'`;
    const [draft] = await database.sql<{ id: number }[]>`select id from document_files where storage_key = 'documents/c.pdf'`;
    const [loose] = await database.sql<{ id: number }[]>`select id from document_files where storage_key = 'documents/d.pdf'`;
    expect((await q.getDownloadableFile(published!.id))?.isPublic).toBe(true);
    expect((await q.getDownloadableFile(draft!.id))?.isPublic).toBe(false);
    expect((await q.getDownloadableFile(loose!.id))?.isPublic).toBe(false);
    expect(await q.getDownloadableFile(2_000_000_000)).toBeNull();
  });
});
