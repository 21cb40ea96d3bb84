import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoContent } from '@/db/seed';
import { createTestDatabase, type TestDatabase } from '@/testing/database';

// An archive page and its generateMetadata each load the archive; React's cache() must make
// that one set of queries. Counted in real React Server Components renders against a real
// PostgreSQL (archives.test-render.tsx): with the metadata, a render sends no more SQL than
// without it.
type Case = { kind: 'section' | 'tag' | 'author'; slug: string; page?: string; metadata: boolean };

const ROOT = path.resolve(import.meta.dirname, '../..');
let database: TestDatabase;
const subjects: Omit<Case, 'metadata'>[] = [];

/** Renders each case in its own request, in a react-server child process; SQL statements per render. */
function render(cases: Case[]): number[] {
  const child = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(import.meta.dirname, 'archives.test-render.tsx'), JSON.stringify(cases)],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: database.url }, encoding: 'utf8', timeout: 60_000 },
  );
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULTS '));
  if (!line) throw new Error(`render failed (${child.status}):\n${child.stderr}`);
  const results = JSON.parse(line.slice('RESULTS '.length)) as { statements: number; errors: string[] }[];
  for (const r of results) expect(r.errors).toEqual([]);
  return results.map((r) => r.statements);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoContent(database.sql);
  const one = async (query: Promise<{ slug: string }[]>) => (await query)[0]!.slug;
  const section = await one(database.sql`select slug from sections order by id limit 1`);
  // A second page for that section: 21 more live articles.
  await database.sql`
    insert into articles (slug, title, status, published_at, section_id)
    select 'trang-hai-' || g, 'Bài trang hai ' || g, 'published', now() - interval '1 day', (select id from sections where slug = ${section})
      from generate_series(1, 21) g`;
  subjects.push(
    { kind: 'section', slug: section },
    { kind: 'section', slug: section, page: '2' },
    { kind: 'tag', slug: await one(database.sql`select t.slug from tags t join article_tags at on at.tag_id = t.id limit 1`) },
    { kind: 'author', slug: await one(database.sql`select a.slug from authors a join articles r on r.author_id = a.id limit 1`) },
  );
});

afterAll(async () => {
  await database?.drop();
});

describe('archive pages and their metadata', () => {
  it('share one set of queries per request (cache() keyed by primitives)', () => {
    const pageOnly = render(subjects.map((s) => ({ ...s, metadata: false })));
    const withMetadata = render(subjects.map((s) => ({ ...s, metadata: true })));
    // The subject, then the page of articles and their count: three statements, once.
    expect(pageOnly).toEqual(subjects.map(() => 3));
    expect(withMetadata).toEqual(pageOnly);
  });
});
