// Scheduled articles go live however the app is run — here plain `next dev` on a fresh database,
// with no launcher around it (the timer used to live in `npm start`'s launcher, so this never
// published). Nobody visits the article: only the database is watched. `npm start` is covered by
// the scheduling test in e2e/articles.spec.ts, which also checks the pages are refreshed.
// The same `next dev` also serves `?trang=N` (next.config.mjs's rewrite): one dev server per
// directory at a time, so both live in this file.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { freePort } from '../db/embedded';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { createTestDatabase, testServerUrl, type TestDatabase } from '../testing/database';
import { ROOT } from './lib/launch';

let database: TestDatabase;
let server: ChildProcess | undefined;
let port = 0;
let output = '';

/** A scheduled article due `seconds` from now (by the database's clock); returns its id. */
async function schedule(slug: string, seconds: number): Promise<number> {
  const [row] = await database.sql<{ id: number }[]>`
    insert into articles (slug, title, lead, body_html, status, published_at)
    values (${slug}, 'Tin hẹn giờ dưới next dev', 'Tóm tắt.', '<p>Nội dung.</p>', 'scheduled', now() + make_interval(secs => ${seconds}))
    returning id`;
  return row!.id;
}

const statusOf = async (id: number) => (await database.sql<{ status: string }[]>`select status from articles where id = ${id}`)[0]?.status;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    // The dev CLI runs the server in a child of its own: stop the whole group we started.
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    const forced = setTimeout(() => server?.pid && process.kill(-server.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(forced);
  }
  await database?.drop();
}, 30_000);

describe('scheduled publishing under next dev', () => {
  it('publishes an article a few seconds after its time, with nobody visiting', async () => {
    const slug = `hen-gio-dev-${Date.now().toString(36)}`;
    const id = await schedule(slug, 3);
    const status = () => statusOf(id);

    port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // What next dev sets itself (the test runner's "test" would only earn a warning); nothing
      // of the shell's own site may leak in.
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      REDIS_URL: '',
      DATABASE_URL: database.url,
      AUTH_SECRET: randomBytes(33).toString('base64'),
      AUTH_TRUST_HOST: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
    };
    const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'dev', '--port', String(port), '--hostname', '127.0.0.1'], {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = child;
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

    expect(await status()).toBe('scheduled');
    // The timer runs every 10 s; the first run under next dev also compiles the route.
    await expect
      .poll(status, { timeout: 150_000, interval: 1_000 })
      .toBe('published')
      .catch((error: Error) => {
        throw new Error(`${error.message}\nnext dev said:\n${output}`);
      });
    // Through the route, which also refreshed the pages (not observable here: next dev caches none).
    await expect.poll(() => output, { timeout: 10_000 }).toContain(`Published on schedule: ${slug}`);
    const audit = await database.sql<{ actor_id: string | null; details: { scheduled?: boolean } }[]>`
      select actor_id, details from audit_log where action = 'article.publish' and entity_id = ${String(id)}`;
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBeNull();
    expect(audit[0]?.details.scheduled).toBe(true);
  }, 200_000);

  it('serves ?trang=N by the static route, as npm start does (next.config.mjs rewrites)', async () => {
    expect(server?.exitCode).toBeNull();
    const slug = `trang-dev-${Date.now().toString(36)}`;
    const [section] = await database.sql<{ id: number }[]>`insert into sections (slug, name, position) values (${slug}, 'Phân trang dưới next dev', 1) returning id`;
    await database.sql`
      insert into articles (slug, title, lead, body_html, status, published_at, section_id)
      select ${slug} || '-' || n, 'Bài ' || n, 'Tóm tắt.', '<p>Nội dung.</p>', 'published', now() - make_interval(mins => n), ${section!.id}
        from generate_series(1, 21) n`;
    const titleOf = async (query: string) => {
      const response = await fetch(`http://127.0.0.1:${port}/chuyen-muc/${slug}${query}`, { redirect: 'manual' });
      return `${response.status} ${/<title>([^<]*)<\/title>/.exec(await response.text())?.[1]?.split(' | ')[0] ?? ''}`;
    };
    // The first request compiles the routes.
    await expect.poll(() => titleOf('?trang=2').catch(() => ''), { timeout: 120_000, interval: 2_000 }).toBe('200 Phân trang dưới next dev - Trang 2');
    expect(await titleOf('?trang=002&utm_source=zalo')).toBe('200 Phân trang dưới next dev - Trang 2');
    for (const query of ['', '?trang=1', '?trang=0', '?trang=abc', '?trang=123456']) {
      expect(await titleOf(query), query).toBe('200 Phân trang dưới next dev');
    }
    expect((await titleOf('?trang=3')).split(' ')[0]).toBe('404');
  }, 180_000);

  it('survives a database outage: says so once, and publishes once the database is back', async () => {
    expect(server?.exitCode).toBeNull();
    const id = await schedule(`hen-gio-mat-ket-noi-${Date.now().toString(36)}`, 1);
    // The app's database refuses connections, and those it had are cut.
    const admin = postgres(testServerUrl(), { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`alter database "${database.name}" allow_connections false`);
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${database.name} and application_name = 'newsroom'`;
      const failure = /Scheduled publishing failed \(database unavailable\)/g;
      await expect.poll(() => output.match(failure)?.length ?? 0, { timeout: 30_000, interval: 500 }).toBe(1);
      // Two more runs fail in silence: one line per outage, not per run.
      await new Promise((resolve) => setTimeout(resolve, 21_000));
      expect(output.match(failure)).toHaveLength(1);
      expect(await statusOf(id)).toBe('scheduled');
    } finally {
      await admin.unsafe(`alter database "${database.name}" allow_connections true`);
      await admin.end();
    }
    await expect.poll(() => statusOf(id), { timeout: 30_000, interval: 1_000 }).toBe('published');
    expect(output).toContain('Scheduled publishing: working again.');
  }, 120_000);
});
