import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAppSql } from '@/db/client';
import { createTestDatabase, type TestDatabase } from '@/testing/database';

// documentMatch() against a real, migrated PostgreSQL: the generated number_key and
// search_vector columns must agree with the query side for every way a reader types.
describe('documentMatch', () => {
  let database: TestDatabase;
  let find: (query: string) => Promise<string[]>;

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    const { db } = await import('@/db');
    const { documents } = await import('@/db/schema');
    const { documentMatch, documentMatchOrder } = await import('./document-search');
    const [type] = await database.sql<{ id: number }[]>`select id from document_terms where kind = 'type' and slug = 'ke-hoach'`;
    const [issuer] = await database.sql<{ id: number }[]>`insert into document_terms (kind, slug, name) values ('issuer', 'ubnd-quan', 'UBND quận') returning id`;
    const insert = (number: string, abstract: string, filesText = '', issuedOn = '2026-01-10') =>
      database.sql`insert into documents (slug, number, type_id, issuer_id, issued_on, abstract, files_text)
                   values (${number.toLowerCase().replace(/[^a-z0-9]+/g, '-')}, ${number}, ${type!.id}, ${issuer!.id}, ${issuedOn}, ${abstract}, ${filesText})`;
    await insert('67/KH-UBND', 'Kế hoạch thực hiện chính sách đối với người khuyết tật', 'Phượng vĩ đỏ thắm trên sân trường', '2026-02-01');
    await insert('671/KH-UBND', 'Kế hoạch phòng chống thiên tai', '', '2026-03-01');
    await insert('12/2025/NĐ-CP', 'Nghị định về quản lý trật tự đô thị');
    find = async (query) => {
      const match = documentMatch(query);
      if (!match) return [];
      const rows = await db.select({ number: documents.number }).from(documents).where(match).orderBy(...documentMatchOrder(query));
      return rows.map((r) => r.number);
    };
  });

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });

  it('finds a number and symbol typed loosely, the exact one first', async () => {
    for (const typed of ['67/KH-UBND', '67 kh ubnd', '67/kh-ubnd', '67KHUBND']) expect((await find(typed))[0]).toBe('67/KH-UBND');
    expect(await find('12/2025/nd-cp')).toEqual(['12/2025/NĐ-CP']);
  });

  it('finds words of the abstract and of the files, with or without accents', async () => {
    expect(await find('nguoi khuyet tat')).toEqual(['67/KH-UBND']);
    expect(await find('người khuyết tật')).toEqual(['67/KH-UBND']);
    expect(await find('phuong vi do tham')).toEqual(['67/KH-UBND']);
    expect(await find('trat tu do thi')).toEqual(['12/2025/NĐ-CP']);
    expect(await find('khong co dau nao')).toEqual([]);
  });

  it('takes nothing from a query with no letter or digit', async () => {
    expect(await find('  ?!/ ')).toEqual([]);
    expect(await find("'; drop table documents; --")).toEqual([]);
  });
});
