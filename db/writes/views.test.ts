import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/database';
import { closeAppSql } from '@/db/client';

// recordArticleView() against a real, migrated PostgreSQL database of its own.
describe('recordArticleView', () => {
  let database: TestDatabase;
  let views: typeof import('./views');
  let counter = 0;
  const unique = () => `${Date.now().toString(36)}-${++counter}`;
  const reader = (address = `dia-chi-${unique()}`, agent = `trinh-duyet-${unique()}`) => ({ addressHash: address, readerHash: `${address}|${agent}` });

  async function liveArticle(): Promise<number> {
    const [row] = await database.sql<{ id: number }[]>`
      insert into articles (slug, title, status, published_at) values (${`bai-${unique()}`}, 'Bài', 'published', now() - interval '1 minute') returning id`;
    return row!.id;
  }
  const total = async (id: number) => Number((await database.sql`select coalesce(sum(views), 0)::int as n from article_view_totals where article_id = ${id}`)[0]?.n);
  const today = async (id: number) => Number((await database.sql`select coalesce(sum(views), 0)::int as n from article_view_days where article_id = ${id}`)[0]?.n);

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    views = await import('./views');
  });

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });

  it('30 posts from one reader count once; another reader counts too', async () => {
    const id = await liveArticle();
    const one = reader();
    const outcomes = [];
    for (let i = 0; i < 30; i++) outcomes.push(await views.recordArticleView(id, one));
    expect(outcomes[0]).toBe('counted');
    expect(new Set(outcomes.slice(1))).toEqual(new Set(['already-counted']));
    expect(await total(id)).toBe(1);
    expect(await today(id)).toBe(1);
    expect(await views.recordArticleView(id, reader())).toBe('counted');
    expect(await total(id)).toBe(2);
  });

  it('all at once from one reader: still once', async () => {
    const id = await liveArticle();
    const one = reader();
    await Promise.all(Array.from({ length: 20 }, () => views.recordArticleView(id, one)));
    expect(await total(id)).toBe(1);
  });

  it('counts the same reader again once the window has passed', async () => {
    const id = await liveArticle();
    const one = reader();
    expect(await views.recordArticleView(id, one)).toBe('counted');
    await database.sql`update article_view_readers set counted_at = now() - make_interval(mins => ${views.VIEW_WINDOW_MINUTES + 1}) where article_id = ${id}`;
    expect(await views.recordArticleView(id, one)).toBe('counted');
    expect(await total(id)).toBe(2);
  });

  it('invented user agents behind one address count only a few readers per article', async () => {
    const id = await liveArticle();
    const address = `mot-dia-chi-${unique()}`;
    const outcomes = [];
    for (let i = 0; i < 30; i++) outcomes.push(await views.recordArticleView(id, reader(address, `bot-${i}`)));
    expect(outcomes.filter((o) => o === 'counted').length).toBe(views.READERS_PER_ADDRESS_PER_ARTICLE);
    expect(outcomes.at(-1)).toBe('limited');
    expect(await total(id)).toBe(views.READERS_PER_ADDRESS_PER_ARTICLE);
  });

  it('one address is limited across articles too', async () => {
    const address = `dia-chi-nhieu-bai-${unique()}`;
    await database.sql`
      insert into rate_limit_hits (bucket, key) select 'view', ${address} from generate_series(1, ${views.VIEWS_PER_ADDRESS_PER_10_MIN})`;
    const id = await liveArticle();
    expect(await views.recordArticleView(id, reader(address))).toBe('limited');
    expect(await total(id)).toBe(0);
    // Another address is not held back.
    expect(await views.recordArticleView(id, reader())).toBe('counted');
  });

  it('an unknown or unpublished article counts nothing and stores nothing', async () => {
    const [draft] = await database.sql<{ id: number }[]>`insert into articles (slug, title, status) values (${`nhap-${unique()}`}, 'Nháp', 'draft') returning id`;
    const before = Number((await database.sql`select count(*)::int as n from article_view_readers`)[0]?.n);
    expect(await views.recordArticleView(draft!.id, reader())).toBe('unknown-article');
    expect(await views.recordArticleView(2_000_000_000, reader())).toBe('unknown-article');
    expect(Number((await database.sql`select count(*)::int as n from article_view_readers`)[0]?.n)).toBe(before);
  });

  it('pruning removes readers past the window and limit hits older than a day', async () => {
    const id = await liveArticle();
    await views.recordArticleView(id, reader('giu-lai'));
    await views.recordArticleView(id, reader('cu'));
    await database.sql`update article_view_readers set counted_at = now() - interval '2 hours' where address_hash = 'cu'`;
    await database.sql`insert into rate_limit_hits (bucket, key, created_at) values ('view', 'cu', now() - interval '2 days'), ('captcha', 'cu', now() - interval '2 days'), ('sign-in', 'cu', now() - interval '2 days')`;
    await views.pruneViewsAndLimits();
    expect((await database.sql`select address_hash from article_view_readers where article_id = ${id}`).map((r) => r.address_hash)).toEqual(['giu-lai']);
    // The fresh hit of the view just counted stays; hits older than a day go, in every bucket
    // (no limit looks back that far: db/writes/rate-limits.ts).
    expect((await database.sql`select bucket from rate_limit_hits where key = 'cu' order by created_at`).map((r) => r.bucket)).toEqual(['view']);
  });
});
