import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/database';
import { sanitizeArticleHtml } from '@/lib/sanitize';
import { stripDiacritics } from '@/lib/vietnamese';
import type { RevisionMeta } from './schema';
import { seedBulkContent, seedBulkDocuments, type BulkSeedResult } from './bulk-seed';
import { numberKey } from '@/lib/documents';
import { seedDemoContent } from './seed';
import { closeAppSql } from '@/db/client';

const VIETNAMESE = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i;
const ARTICLES = 2000;
const DAY = 86_400_000;

// `npm run seed:bulk` against a real, migrated PostgreSQL that already holds the demo content.
describe('bulk content', () => {
  let database: TestDatabase;
  let first: BulkSeedResult;
  const now = new Date();
  const count = async (query: string) => Number((await database.sql.unsafe(query))[0]?.n ?? -1);

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoContent(database.sql);
    first = await seedBulkContent(database.sql, { articles: ARTICLES, seed: 'bulk-test', commentsPerArticle: 3, batchSize: 400, writers: 2, now });
  }, 180_000);

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });

  it('adds the articles, one first revision each, with unique slugs ending in their id', async () => {
    expect(first.articles).toBe(ARTICLES);
    expect(first.interrupted).toBe(false);
    const demo = await count(`select count(*) as n from articles where id < ${first.firstArticleId}`);
    expect(demo).toBeGreaterThan(0);
    expect(await count('select count(*) as n from articles')).toBe(demo + ARTICLES);
    expect(await count('select count(distinct slug) as n from articles')).toBe(demo + ARTICLES);
    expect(await count(`select count(*) as n from articles where id >= ${first.firstArticleId} and slug !~ ('^[a-z0-9-]+-' || id || '$')`)).toBe(0);
    const revisions = await database.sql<{ id: number; slug: string; version: number; meta: RevisionMeta; same: boolean }[]>`
      select a.id, a.slug, r.version, r.meta, (r.title, r.lead, r.body_html) = (a.title, a.lead, a.body_html) as same
        from articles a join article_revisions r on r.article_id = a.id where a.id >= ${first.firstArticleId!}`;
    expect(revisions).toHaveLength(ARTICLES);
    for (const r of revisions) {
      expect(r.version).toBe(1);
      expect(r.same).toBe(true);
      expect(r.meta.slug).toBe(r.slug);
    }
  });

  it('writes realistic Vietnamese articles: diacritics, sanitised bodies, past dates spread over years', async () => {
    const rows = await database.sql<{ title: string; lead: string; body_html: string }[]>`
      select title, lead, body_html from articles where id >= ${first.firstArticleId!} order by random() limit 100`;
    for (const row of rows) {
      expect(row.title).toMatch(VIETNAMESE);
      expect(row.lead).toMatch(VIETNAMESE);
      expect(row.body_html).toMatch(VIETNAMESE);
      expect(sanitizeArticleHtml(row.body_html)).toBe(row.body_html);
    }
    // Timestamps as epoch milliseconds: drizzle (the demo seed) left this client's dates unparsed.
    const [dates] = await database.sql<{ newest: number; oldest: number; future: number; published: number; undated: number }[]>`
      select extract(epoch from max(published_at))::float8 * 1000 as newest, extract(epoch from min(published_at))::float8 * 1000 as oldest,
             count(*) filter (where published_at > ${now.toISOString()}::timestamptz)::int as future,
             count(*) filter (where status = 'published')::int as published,
             count(*) filter (where status = 'published' and published_at is null)::int as undated
        from articles where id >= ${first.firstArticleId!}`;
    expect(dates!.future).toBe(0);
    expect(dates!.undated).toBe(0);
    expect(dates!.published).toBe(first.published);
    expect(dates!.published).toBeGreaterThan(ARTICLES * 0.95);
    expect(now.getTime() - dates!.newest).toBeLessThan(DAY);
    expect(now.getTime() - dates!.oldest).toBeGreaterThan(3 * 365 * DAY);
    // Newer articles have newer ids, as on a site that has been publishing for years.
    const outOfOrder = await count(`
      select count(*) as n from (select published_at, lag(published_at) over (order by id) as before
        from articles where id >= ${first.firstArticleId} and published_at is not null) x where published_at < before`);
    expect(outOfOrder).toBe(0);
  });

  it('links sections, tags and bylines, reusing the demo ones', async () => {
    expect(first.sectionsCreated).toBe(4); // the demo has four of the eight
    expect(await count('select count(*) as n from sections')).toBe(8);
    expect(await count(`select count(*) as n from articles where id >= ${first.firstArticleId} and (section_id is null or author_id is null)`)).toBe(0);
    expect(await count(`select count(distinct section_id) as n from articles where id >= ${first.firstArticleId}`)).toBe(8);
    expect(await count(`select count(distinct author_id) as n from articles where id >= ${first.firstArticleId}`)).toBeGreaterThan(30);
    expect(await count(`select count(*) as n from articles a where id >= ${first.firstArticleId} and not exists (select 1 from article_tags t where t.article_id = a.id)`)).toBe(0);
    expect(await count(`select count(*) as n from article_tags where article_id >= ${first.firstArticleId}`)).toBe(first.tagLinks);
    // The demo's tag of the same name is reused, not duplicated under another slug.
    expect(await count(`select count(*) as n from tags where slug = 'chinh-trang-do-thi'`)).toBe(1);
    expect(await count(`select count(*) as n from article_tags at join tags t on t.id = at.tag_id where t.slug = 'chinh-trang-do-thi' and at.article_id >= ${first.firstArticleId}`)).toBeGreaterThan(0);
  });

  it('attaches comments (approved and pending, after publication) and view counts', async () => {
    const [c] = await database.sql<{ n: number; approved: number; pending: number; early: number; late: number; unpublished: number; moderated: number }[]>`
      select count(*)::int as n,
             count(*) filter (where c.status = 'approved')::int as approved,
             count(*) filter (where c.status = 'pending')::int as pending,
             count(*) filter (where c.created_at < a.published_at)::int as early,
             count(*) filter (where c.created_at > ${now.toISOString()}::timestamptz)::int as late,
             count(*) filter (where a.status <> 'published')::int as unpublished,
             count(*) filter (where (c.status = 'pending') <> (c.moderated_at is null))::int as moderated
        from comments c join articles a on a.id = c.article_id where a.id >= ${first.firstArticleId!}`;
    expect(c!.n).toBe(first.comments);
    expect(c!.n / first.published).toBeGreaterThan(2.5);
    expect(c!.n / first.published).toBeLessThan(3.5);
    expect(c!.approved).toBeGreaterThan(c!.n / 2);
    expect(c!.pending).toBeGreaterThan(0);
    expect([c!.early, c!.late, c!.unpublished, c!.moderated]).toEqual([0, 0, 0, 0]);
    expect(await count(`select count(*) as n from comments where article_id >= ${first.firstArticleId} and (name = '' or title = '' or content = '')`)).toBe(0);

    expect(await count(`select count(*) as n from article_view_totals v join articles a on a.id = v.article_id where a.id >= ${first.firstArticleId} and a.status = 'published' and v.views > 0`)).toBe(first.published);
    // Daily counts for the recent ones (the most-read block) never exceed the totals.
    expect(await count(`select count(distinct article_id) as n from article_view_days where article_id >= ${first.firstArticleId}`)).toBeGreaterThan(0);
    expect(await count(`
      select count(*) as n from (select article_id, sum(views) as s from article_view_days group by article_id) d
        join article_view_totals t using (article_id) where d.article_id >= ${first.firstArticleId} and d.s > t.views`)).toBe(0);
  });

  it('is found by the site search without diacritics', async () => {
    process.env.DATABASE_URL = database.url;
    const { searchArticles } = await import('./queries/search');
    const [target] = await database.sql<{ id: number; title: string }[]>`
      select min(id) as id, title from articles where id >= ${first.firstArticleId!} and status = 'published'
       group by title having count(*) = 1 order by min(id) desc limit 1`;
    const query = stripDiacritics(target!.title).toLowerCase().replace(/[^a-z0-9 ]+/g, ' ');
    expect(query).not.toMatch(VIETNAMESE);
    let found = false;
    for (let page = 1, pages = 1; page <= pages && !found; page++) {
      const result = await searchArticles(query, page);
      pages = Math.min(result.pages, 20);
      found = result.hits.some((h) => h.id === target!.id);
    }
    expect(found).toBe(true);
  });

  it('ranks the newest matches of a broad search, the same whichever publication window found them', async () => {
    process.env.DATABASE_URL = database.url;
    const { searchArticles, SEARCH_CANDIDATES, SEARCH_PAGE_SIZE } = await import('./queries/search');
    const query = 'phường';
    // What searching the whole archive at once gives: the newest matches.
    const newest = await database.sql<{ id: number }[]>`
      select id from articles
       where status = 'published' and published_at <= now()
         and search_vector @@ websearch_to_tsquery('simple', lower(immutable_unaccent(${query})))
       order by published_at desc limit ${SEARCH_CANDIDATES}`;
    expect(newest).toHaveLength(SEARCH_CANDIDATES);
    // The last 30 days hold too few of them: searching by windows has to widen to find these.
    const [recent] = await database.sql<{ n: number }[]>`
      select count(*)::int as n from articles
       where status = 'published' and published_at > now() - interval '30 days'
         and search_vector @@ websearch_to_tsquery('simple', lower(immutable_unaccent(${query})))`;
    expect(recent!.n).toBeLessThan(SEARCH_CANDIDATES);

    // This archive is small enough to be searched at once; the windows must give the same.
    for (const windows of ['auto', 'always'] as const) {
      const seen: number[] = [];
      const first = await searchArticles(query, 1, { windows });
      expect(first).toMatchObject({ total: SEARCH_CANDIDATES, more: true, pages: SEARCH_CANDIDATES / SEARCH_PAGE_SIZE });
      for (let page = 1; page <= first.pages; page++) {
        const result = await searchArticles(query, page, { windows });
        expect(result.hits).toHaveLength(SEARCH_PAGE_SIZE);
        seen.push(...result.hits.map((hit) => hit.id));
      }
      expect(seen.toSorted((a, b) => a - b), windows).toEqual(newest.map((row) => row.id).toSorted((a, b) => a - b));
      // Past the last page: no hits, and still the count.
      expect(await searchArticles(query, first.pages + 1, { windows })).toMatchObject({ hits: [], total: SEARCH_CANDIDATES, more: true });
    }
  });

  it('adds more on a second run without conflicts, following renamed sections', async () => {
    // An editor renamed "Y tế": the old slug now redirects, and bulk articles must follow it.
    const [health] = await database.sql<{ id: number }[]>`update sections set slug = 'suc-khoe' where slug = 'y-te' returning id`;
    await database.sql`insert into taxonomy_slug_history (kind, slug, target_id) values ('section', 'y-te', ${health!.id})`;
    const before = await count('select count(*) as n from articles');
    const second = await seedBulkContent(database.sql, { articles: 300, seed: 'bulk-test', commentsPerArticle: 1, batchSize: 128, writers: 2, now });
    expect(second.articles).toBe(300);
    expect([second.sectionsCreated, second.tagsCreated, second.authorsCreated]).toEqual([0, 0, 0]);
    expect(second.firstArticleId).toBeGreaterThan(first.lastArticleId!);
    expect(await count('select count(*) as n from articles')).toBe(before + 300);
    expect(await count('select count(distinct slug) as n from articles')).toBe(before + 300);
    expect(await count(`select count(*) as n from sections where slug = 'y-te'`)).toBe(0);
    expect(await count(`select count(*) as n from articles where section_id = ${health!.id} and id >= ${second.firstArticleId}`)).toBeGreaterThan(0);
  });

  describe('documents', () => {
    const DOCUMENTS = 3000;
    let firstDocumentId: number;

    beforeAll(async () => {
      const result = await seedBulkDocuments(database.sql, { documents: DOCUMENTS, seed: 'bulk-test', batchSize: 500, writers: 2, now });
      expect(result).toMatchObject({ documents: DOCUMENTS, files: DOCUMENTS, interrupted: false });
      expect(result.textBytes / DOCUMENTS).toBeGreaterThan(2000);
      firstDocumentId = result.firstDocumentId!;
    }, 180_000);

    it('writes documents with realistic numbers, unique per issuer, over years, some expired, types, issuers and fields spread', async () => {
      const rows = await database.sql<{ number: string; number_key: string; slug: string; abstract: string; issued_on: string; expires_on: string | null; effective_on: string; status: string; type: string; issuer: string; field: string | null }[]>`
        select d.number, d.number_key, d.slug, d.abstract, d.issued_on::text, d.expires_on::text, d.effective_on::text, d.status::text,
               t.slug as type, i.slug as issuer, f.slug as field
          from documents d join document_terms t on t.id = d.type_id join document_terms i on i.id = d.issuer_id
          left join document_terms f on f.id = d.field_id where d.id >= ${firstDocumentId}`;
      expect(rows).toHaveLength(DOCUMENTS);
      const today = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
      for (const r of rows) {
        expect(r.number).toMatch(/^\d+\/(\d{4}\/)?[A-Za-zĐđ0-9]+(-[A-Za-zĐđ]+)?$/u);
        expect(r.number_key).toBe(numberKey(r.number));
        expect(r.abstract).toMatch(VIETNAMESE);
        expect(r.issued_on <= today).toBe(true);
        expect(r.effective_on >= r.issued_on).toBe(true);
        if (r.expires_on) expect(r.expires_on > r.effective_on && r.expires_on <= today).toBe(true);
        expect(r.field).not.toBeNull();
      }
      expect(rows.some((r) => /^\d+\/QĐ-UBND$/.test(r.number))).toBe(true);
      expect(rows.some((r) => /^\d+\/\d{4}\/NĐ-CP$/.test(r.number))).toBe(true);
      expect(new Set(rows.map((r) => r.slug)).size).toBe(DOCUMENTS);
      expect(new Set(rows.map((r) => `${r.issuer} ${r.number_key}`)).size).toBe(DOCUMENTS);
      expect(new Set(rows.map((r) => r.type)).size).toBeGreaterThanOrEqual(9);
      expect(new Set(rows.map((r) => r.issuer)).size).toBeGreaterThanOrEqual(12);
      expect(new Set(rows.map((r) => r.field)).size).toBe(8);
      expect(new Set(rows.map((r) => r.issued_on.slice(0, 4))).size).toBeGreaterThanOrEqual(6);
      const expired = rows.filter((r) => r.expires_on !== null).length;
      expect(expired).toBeGreaterThan(DOCUMENTS * 0.03);
      expect(rows.filter((r) => r.status === 'published').length).toBeGreaterThan(DOCUMENTS * 0.9);
      // A slug is slugify(number), or that with the issuer when another issuer has the number.
      expect(rows.filter((r) => r.slug === r.number_key || /^[a-z0-9-]+$/.test(r.slug)).length).toBe(DOCUMENTS);
    });

    it('gives each one a file row whose extracted text is its files_text, and search finds them by it', async () => {
      expect(await count(`
        select count(*) as n from documents d join document_files f on f.document_id = d.id
         where d.id >= ${firstDocumentId} and f.text_status = 'done' and f.text_content = d.files_text and f.storage_key = 'documents/' || f.sha256 || '.pdf'`)).toBe(DOCUMENTS);
      process.env.DATABASE_URL = database.url;
      const { db } = await import('@/db');
      const { documents } = await import('@/db/schema');
      const { documentMatch } = await import('./queries/document-search');
      const { and, eq, gte } = await import('drizzle-orm');
      const [target] = await database.sql<{ id: number; number: string; files_text: string }[]>`
        select id, number, files_text from documents where id >= ${firstDocumentId} order by id desc limit 1`;
      const loose = target!.number.toLowerCase().replace(/[/-]+/g, ' ');
      const byNumber = await db.select({ id: documents.id }).from(documents).where(and(documentMatch(loose)!, gte(documents.id, firstDocumentId)));
      expect(byNumber.map((r) => r.id)).toContain(target!.id);
      // A run of words from deep inside the file text, typed without accents.
      const words = stripDiacritics(target!.files_text.split('\n').at(-3)!).toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/).filter((w) => /^[a-z]+$/.test(w)).slice(0, 6).join(' ');
      const byText = await db.select({ id: documents.id }).from(documents).where(and(documentMatch(words)!, eq(documents.id, target!.id)));
      expect(byText).toHaveLength(1);
    });

    it('continues each issuer\'s numbering on a second run', async () => {
      const second = await seedBulkDocuments(database.sql, { documents: 500, seed: 'bulk-test', batchSize: 200, writers: 2, now });
      expect(second.documents).toBe(500);
      expect([second.issuersCreated, second.fieldsCreated]).toEqual([0, 0]);
      expect(await count('select count(*) as n from documents')).toBe(await count('select count(distinct (issuer_id, number_key)) as n from documents'));
    });
  });
});
