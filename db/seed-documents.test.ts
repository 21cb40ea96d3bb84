import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAppSql } from '@/db/client';
import { documentState, vietnamToday } from '@/lib/documents';
import { directoryStorage } from '@/lib/storage/directory';
import { StorageUnavailable, type Storage } from '@/lib/storage';
import { createTestDatabase, type TestDatabase } from '@/testing/database';
import { demoDocuments } from '@/seed/documents';
import { seedDemoContent } from './seed';

const DISABILITY_ARTICLE = 'ho-tro-nguoi-khuyet-tat-tim-viec-lam-va-hoc-nghe-mien-phi-tai-quan';
const quiet = () => {};

async function readAll(storage: Storage, key: string): Promise<Buffer> {
  const object = await storage.get(key);
  if (!object) throw new Error(`${key} missing`);
  return Buffer.from(await new Response(object.body).arrayBuffer());
}

// The demo documents against a real, migrated PostgreSQL and a real directory store.
describe('demo documents', () => {
  let database: TestDatabase;
  let mediaDir: string;
  let storage: Storage;
  let find: (query: string) => Promise<string[]>;
  const now = new Date();

  beforeAll(async () => {
    database = await createTestDatabase();
    mediaDir = mkdtempSync(path.join(tmpdir(), 'newsroom-demo-docs-'));
    storage = directoryStorage(mediaDir);
    process.env.DATABASE_URL = database.url;
    const { db } = await import('@/db');
    const { documents } = await import('@/db/schema');
    const { documentMatch, documentMatchOrder } = await import('./queries/document-search');
    find = async (query) => {
      const match = documentMatch(query);
      if (!match) return [];
      const rows = await db.select({ number: documents.number }).from(documents).where(match).orderBy(...documentMatchOrder(query));
      return rows.map((r) => r.number);
    };
  }, 60_000);

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
    if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
  });

  it('seeds about a dozen published documents with the demo content, 67/KH-UBND cited by its article', async () => {
    const result = await seedDemoContent(database.sql, now, { storage, log: quiet });
    expect(result).toMatchObject({ seeded: true, documents: demoDocuments.length });
    expect(demoDocuments.length).toBeGreaterThanOrEqual(12);

    const [plan] = await database.sql<{ id: number; slug: string; type: string; issuer: string; field: string; status: string; files_text: string; issued_on: string }[]>`
      select d.id, d.slug, t.name as type, i.name as issuer, f.name as field, d.status::text, d.files_text, d.issued_on::text
        from documents d join document_terms t on t.id = d.type_id join document_terms i on i.id = d.issuer_id
        left join document_terms f on f.id = d.field_id
       where d.number = '67/KH-UBND'`;
    expect(plan).toMatchObject({ slug: '67-kh-ubnd', type: 'Kế hoạch', issuer: 'UBND quận Bình Minh', field: 'Xã hội', status: 'published' });
    expect(plan!.files_text).toContain('ỦY BAN NHÂN DÂN');
    expect(plan!.files_text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(plan!.files_text).toContain('Số: 67/KH-UBND');
    expect(plan!.files_text.length).toBeGreaterThan(3000);
    const cited = await database.sql<{ slug: string }[]>`
      select a.slug from article_documents ad join articles a on a.id = ad.article_id where ad.document_id = ${plan!.id}`;
    expect(cited.map((c) => c.slug)).toEqual([DISABILITY_ARTICLE]);
    const [article] = await database.sql<{ body_html: string }[]>`select body_html from articles where slug = ${DISABILITY_ARTICLE}`;
    expect(article!.body_html).toContain('Kế hoạch số 67/KH-UBND');

    // Every document has a revision, and the lists it uses are the migration's types and the demo's issuers and fields.
    expect(Number((await database.sql`select count(*) as n from document_revisions`)[0]!.n)).toBe(demoDocuments.length);
    const kinds = await database.sql<{ kind: string; n: number }[]>`
      select t.kind::text, count(distinct t.id)::int as n from documents d
        join document_terms t on t.id in (d.type_id, d.issuer_id, d.field_id) group by t.kind order by t.kind`;
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k.n]))).toMatchObject({ type: 7, issuer: 5, field: 8 });
  });

  it('stores real PDFs byte for byte, their text extracted and searchable', async () => {
    const files = await database.sql<{ document_id: number; storage_key: string; sha256: string; bytes: number; mime_type: string; text_status: string; text_content: string; pages: number; original_name: string }[]>`
      select document_id, storage_key, sha256, bytes::int, mime_type, text_status::text, text_content, pages, original_name from document_files order by id`;
    expect(files.length).toBe(demoDocuments.length + 1); // one document has two files
    for (const file of files) {
      expect(file.storage_key).toBe(`documents/${file.sha256}.pdf`);
      const bytes = await readAll(storage, file.storage_key);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.length).toBe(file.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
      expect(file).toMatchObject({ mime_type: 'application/pdf', text_status: 'done' });
      expect(file.text_content).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(file.original_name).toMatch(/\.pdf$/);
    }
    const plan = files.find((f) => f.original_name.startsWith('Kế hoạch 67'));
    expect(plan!.pages).toBe(2);

    // By number typed loosely, by the abstract without accents, and by words only in the PDF.
    for (const typed of ['67/KH-UBND', '67 kh ubnd', '67/kh-ubnd']) expect((await find(typed))[0]).toBe('67/KH-UBND');
    expect(await find('nguoi khuyet tat hoc nghe')).toContain('67/KH-UBND');
    expect(await find('ngôn ngữ ký hiệu')).toEqual(['67/KH-UBND']);
    expect(await find('ngon ngu ky hieu')).toEqual(['67/KH-UBND']);
    expect(await find('Trường THCS Chu Văn An')).toEqual(['34/KH-PGDĐT']);
  });

  it('has one expired, one not yet in force, one replacing another, and several types', async () => {
    const rows = await database.sql<{ number: string; issued_on: string; effective_on: string | null; expires_on: string | null; replaces: string | null }[]>`
      select d.number, d.issued_on::text, d.effective_on::text, d.expires_on::text, r.number as replaces
        from documents d left join documents r on r.id = d.replaces_id`;
    const today = vietnamToday(now);
    const state = (r: (typeof rows)[number]) => documentState({ issuedOn: r.issued_on, effectiveOn: r.effective_on, expiresOn: r.expires_on }, today);
    expect(rows.filter((r) => state(r) === 'expired').map((r) => r.number)).toEqual(['1520/QĐ-UBND']);
    expect(rows.filter((r) => state(r) === 'not_yet').map((r) => r.number)).toEqual([expect.stringMatching(/^118\/\d{4}\/NĐ-CP$/)]);
    expect(rows.find((r) => r.number === '2210/QĐ-UBND')!.replaces).toBe('1520/QĐ-UBND');
    for (const r of rows) expect(r.issued_on <= today).toBe(true);
  });

  it('runs once: a second start adds nothing', async () => {
    expect(await seedDemoContent(database.sql, now, { storage, log: quiet })).toEqual({ seeded: false, documents: 0 });
    expect(Number((await database.sql`select count(*) as n from documents`)[0]!.n)).toBe(demoDocuments.length);
  });
});

describe('demo documents on an existing installation', () => {
  let database: TestDatabase;
  let mediaDir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    mediaDir = mkdtempSync(path.join(tmpdir(), 'newsroom-demo-docs-'));
  });

  afterAll(async () => {
    await database?.drop();
    if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
  });

  it('adds them to a demo seeded before documents existed, after a store outage, and leaves a site with its own documents alone', async () => {
    const storage = directoryStorage(mediaDir);
    const down: Storage = {
      ...storage,
      put: async (key) => {
        throw new StorageUnavailable('put', key);
      },
    };
    // The store is down on the first start: articles are seeded, documents wait.
    const first = await seedDemoContent(database.sql, new Date(), { storage: down, log: quiet });
    expect(first).toMatchObject({ seeded: true, documents: 0 });
    expect(Number((await database.sql`select count(*) as n from documents`)[0]!.n)).toBe(0);
    expect(Number((await database.sql`select count(*) as n from articles`)[0]!.n)).toBeGreaterThan(10);

    // As an installation from before documents: the demo is there, the documents marker is not.
    const later = await seedDemoContent(database.sql, new Date(), { storage, log: quiet });
    expect(later).toEqual({ seeded: false, documents: demoDocuments.length });
    expect(Number((await database.sql`select count(*) as n from article_documents`)[0]!.n)).toBeGreaterThanOrEqual(9);

    // A site that already keeps documents of its own gets none.
    await database.sql`delete from documents where number <> '67/KH-UBND'`;
    await database.sql`delete from app_meta where key = 'demo_documents_seeded_at'`;
    expect(await seedDemoContent(database.sql, new Date(), { storage, log: quiet })).toEqual({ seeded: false, documents: 0 });
    expect(Number((await database.sql`select count(*) as n from documents`)[0]!.n)).toBe(1);
  });
});
