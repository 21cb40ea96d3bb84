// /van-ban/rss.xml and the documents in /sitemap.xml, rendered by their route handlers against a
// real, migrated PostgreSQL and read back by a strict XML parser: what a reader's feed client
// and a search engine get. (In the browser suite the feed is the build's ISR copy until a
// document write refreshes it; here each GET renders what the database holds now.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAppSql } from '@/db/client';
import { findAll, parseStrictXml, type XmlElement } from '@/testing/strict-xml';
import { createTestDatabase, type TestDatabase } from '@/testing/database';

describe('documents in the feeds', () => {
  let database: TestDatabase;
  const text = (el: XmlElement | undefined, name: string) => el?.children.find((c) => c.name === name)?.text;

  async function insertDocument(slug: string, number: string, abstract: string, status: 'draft' | 'published', publishedAt: Date | null) {
    const [type] = await database.sql<{ id: number }[]>`select id from document_terms where kind = 'type' and slug = 'ke-hoach'`;
    const [issuer] = await database.sql<{ id: number }[]>`
      insert into document_terms (kind, slug, name) values ('issuer', 'ubnd-quan', 'UBND quận')
      on conflict (kind, slug) do update set name = excluded.name returning id`;
    await database.sql`
      insert into documents (slug, number, type_id, issuer_id, issued_on, abstract, status, published_at)
      values (${slug}, ${number}, ${type!.id}, ${issuer!.id}, '2026-02-01', ${abstract}, ${status}, ${publishedAt})`;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    process.env.SITE_URL = 'https://cong-thong-tin.example';
  });
  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });

  it('an empty registry still gives a valid feed', async () => {
    const { GET } = await import('./route');
    const response = await GET();
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const doc = parseStrictXml(await response.text());
    expect(findAll(doc, 'channel')).toHaveLength(1);
    expect(findAll(doc, 'item')).toEqual([]);
  });

  it('announces newly published documents, newest first, never a draft; hostile text stays well-formed', async () => {
    await insertDocument('67-kh-ubnd', '67/KH-UBND', 'Kế hoạch thực hiện chính sách đối với người khuyết tật', 'published', new Date('2026-02-02T03:00:00Z'));
    await insertDocument('99-tb-ubnd', '99/TB-UBND', 'Bản nháp chưa công bố', 'draft', null);
    const hostile = 'Quyết định <b>về</b> "đô thị" & ]]> \u0001 cây xanh ' + 'rất dài '.repeat(40);
    await insertDocument('12-qd-ubnd', '12/QĐ-UBND', hostile, 'published', new Date('2026-03-01T03:00:00Z'));
    const { GET } = await import('./route');
    const doc = parseStrictXml(await (await GET()).text());
    const items = findAll(doc, 'item');
    expect(items.map((i) => text(i, 'link'))).toEqual(['https://cong-thong-tin.example/van-ban/12-qd-ubnd', 'https://cong-thong-tin.example/van-ban/67-kh-ubnd']);
    expect(text(items[1], 'title')).toBe('67/KH-UBND — Kế hoạch thực hiện chính sách đối với người khuyết tật');
    expect(text(items[1], 'pubDate')).toBe(new Date('2026-02-02T03:00:00Z').toUTCString());
    expect(text(items[1], 'description')).toContain('Kế hoạch số 67/KH-UBND ngày 01/02/2026 của UBND quận');
    const long = text(items[0], 'title') ?? '';
    expect(long.startsWith('12/QĐ-UBND — Quyết định <b>về</b> "đô thị" & ]]>')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(160);
    expect(long.endsWith('…')).toBe(true);
    expect(long).not.toContain('\u0001');
  });

  it('the sitemap lists /van-ban and published documents only', async () => {
    const { GET } = await import('@/app/sitemap.xml/route');
    const doc = parseStrictXml(await (await GET()).text());
    const locs = findAll(doc, 'loc').map((l) => l.text);
    expect(locs).toEqual(expect.arrayContaining(['https://cong-thong-tin.example/van-ban', 'https://cong-thong-tin.example/van-ban/67-kh-ubnd', 'https://cong-thong-tin.example/van-ban/12-qd-ubnd']));
    expect(locs).not.toContain('https://cong-thong-tin.example/van-ban/99-tb-ubnd');
    const entry = findAll(doc, 'url').find((u) => text(u, 'loc')?.endsWith('/van-ban/67-kh-ubnd'));
    expect(text(entry, 'lastmod')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});
