import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { migrateDatabase } from './migrate';

describe('migrations', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await database.drop();
  });

  const tables = async () =>
    (
      await database.sql<{ table_name: string }[]>`
        select table_name from information_schema.tables where table_schema = 'public' order by table_name`
    ).map((r) => r.table_name);

  it('builds the whole schema on an empty database', async () => {
    expect(await tables()).toEqual([]);
    await migrateDatabase(database.url);
    expect(await tables()).toEqual(
      expect.arrayContaining([
        'app_meta',
        'article_revisions',
        'article_slug_history',
        'article_tags',
        'article_view_days',
        'articles',
        'audit_log',
        'authors',
        'captcha_challenges',
        'comments',
        'media',
        'rate_limit_hits',
        'sections',
        'sign_in_attempts',
        'tags',
        'user_tokens',
        'users',
      ]),
    );
    const extensions = await database.sql`select extname from pg_extension where extname in ('unaccent', 'pg_trgm')`;
    expect(extensions.map((e) => e.extname).sort()).toEqual(['pg_trgm', 'unaccent']);
  });

  it('is a no-op the second time, and safe when several processes migrate at once', async () => {
    const applied = async () => (await database.sql`select count(*)::int as n from drizzle.__drizzle_migrations`)[0]?.n;
    const before = await applied();
    await migrateDatabase(database.url);
    await Promise.all([migrateDatabase(database.url), migrateDatabase(database.url), migrateDatabase(database.url)]);
    expect(await applied()).toBe(before);
  });

  it('runs several first migrations at once on a fresh database without colliding', async () => {
    const fresh = await createTestDatabase({ migrate: false });
    try {
      await Promise.all([migrateDatabase(fresh.url), migrateDatabase(fresh.url), migrateDatabase(fresh.url)]);
      const [row] = await fresh.sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
      expect(row?.n).toBeGreaterThan(0);
    } finally {
      await fresh.drop();
    }
  });

  it('indexes title, lead and body accent-insensitively', async () => {
    const sql = database.sql;
    await sql`insert into articles (slug, title, lead, body_html, status, published_at)
      values ('a', 'Hỗ trợ NGƯỜI KHUYẾT TẬT', 'Quận Bình Minh', '<p>Đào tạo <strong>nghề</strong> miễn phí</p>', 'published', now())`;
    const find = async (q: string) =>
      sql`select slug from articles
          where search_vector @@ plainto_tsquery('simple', lower(immutable_unaccent(${q})))`;
    expect(await find('nguoi khuyet tat')).toHaveLength(1);
    expect(await find('người khuyết tật')).toHaveLength(1);
    expect(await find('dao tao nghe')).toHaveLength(1);
    // Markup is not text: the tag name must not match.
    expect(await find('strong')).toHaveLength(0);
    const typo = await sql`select slug from articles
      where similarity(lower(immutable_unaccent(title)), lower(immutable_unaccent(${'ho tro nguoi khuyet tac'}))) > 0.4`;
    expect(typo).toHaveLength(1);
  });
});
