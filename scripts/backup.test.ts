import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoContent } from '../db/seed';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { databaseConninfo, defaultBackupFile } from './lib/backup';
import { ROOT } from './lib/launch';
import { libpqEnv } from './lib/pg-tools';

// The real `npm run db:backup` / `db:restore` scripts, run in child processes against test
// databases on the test server (pg_dump and pg_restore come from the machine).
const tmp = mkdtempSync(path.join(os.tmpdir(), 'newsroom-backup-'));
const databases: TestDatabase[] = [];
const extraFiles: string[] = [];

type Run = { code: number | null; stdout: string; stderr: string };

function runScript(script: 'db-backup' | 'db-restore', args: string[], databaseUrl: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function database(options: { migrate: boolean }): Promise<TestDatabase> {
  const created = await createTestDatabase(options);
  databases.push(created);
  return created;
}

/**
 * Everything a restore must bring back: row counts of every table, and the content itself.
 * Timestamps are compared as text: seeding through drizzle turns off the client's date parser.
 */
async function contents(sql: postgres.Sql) {
  const tables = await sql<{ schema: string; name: string }[]>`
    select schemaname as schema, tablename as name from pg_tables
     where schemaname in ('public', 'drizzle') order by schemaname, tablename`;
  const counts: Record<string, number> = {};
  for (const { schema, name } of tables) {
    const [row] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from "${schema}"."${name}"`);
    counts[`${schema}.${name}`] = row?.n ?? -1;
  }
  return {
    counts,
    articles: await sql`
      select id, slug, title, lead, body_html, status, published_at::text, section_id, author_id, search_vector::text
        from articles order by id`,
    revisions: await sql`select article_id, version, title, body_html, meta from article_revisions order by id`,
    users: await sql`select id, email, name, role, password_hash, session_version from users order by email`,
    comments: await sql`select article_id, name, phone, title, content, status, flags from comments order by id`,
    tags: await sql`select article_id, tag_id from article_tags order by article_id, tag_id`,
    sequences: await sql`select schemaname, sequencename, last_value from pg_sequences order by 1, 2`,
    migrations: await sql`select hash, created_at from drizzle.__drizzle_migrations order by id`,
  };
}

const tableCount = async (sql: postgres.Sql) =>
  (await sql<{ n: number }[]>`select count(*)::int as n from pg_tables where schemaname in ('public', 'drizzle')`)[0]?.n;

let source: TestDatabase;
let dumpFile: string;

beforeAll(async () => {
  // Open to the postgres account, like any folder a backup might be read from.
  chmodSync(tmp, 0o755);
  source = await database({ migrate: true });
  const seeded = await seedDemoContent(source.sql);
  expect(seeded.seeded).toBe(true);
  // Vietnamese text, a phone number and an array column: content the demo seed does not cover.
  const [article] = await source.sql<{ id: number }[]>`select id from articles order by id limit 1`;
  await source.sql`
    insert into comments (article_id, name, phone, title, content, status, flags, ip_hash)
    values (${article!.id}, 'Nguyễn Thị Hoa', '0912345678', 'Ý kiến', 'Đường Lê Lợi cần thêm đèn.', 'approved', ${['links']}, 'hash')`;

  dumpFile = path.join(tmp, 'demo.dump');
  const backup = await runScript('db-backup', ['--out', dumpFile], source.url);
  expect(backup.stderr).toBe('');
  expect(backup.code).toBe(0);
  expect(backup.stdout).toContain(`Backup written: ${dumpFile}`);
});

afterAll(async () => {
  for (const created of databases) await created.drop();
  rmSync(tmp, { recursive: true, force: true });
  for (const file of extraFiles) rmSync(file, { force: true });
});

describe('npm run db:backup', () => {
  it('writes one private custom-format archive and no leftovers', () => {
    expect(readFileSync(dumpFile).subarray(0, 5).toString('latin1')).toBe('PGDMP');
    expect(statSync(dumpFile).mode & 0o777).toBe(0o600);
    expect(existsSync(`${dumpFile}.partial-${process.pid}`)).toBe(false);
  });

  it('never puts the password on a command line', () => {
    const url = 'postgres://newsroom:s3cr%40t@db.example:6543/news?sslmode=require';
    expect(libpqEnv(url)).toMatchObject({
      PGHOST: 'db.example',
      PGPORT: '6543',
      PGUSER: 'newsroom',
      PGPASSWORD: 's3cr@t',
      PGDATABASE: 'news',
      PGSSLMODE: 'require',
    });
    expect(databaseConninfo(url)).toBe("dbname='news'");
  });

  it('names files by UTC date and time', () => {
    expect(defaultBackupFile(new Date('2026-04-06T08:31:05Z'), '/b')).toBe('/b/newsroom-20260406-083105.dump');
  });

  it('refuses to overwrite an existing file', async () => {
    const result = await runScript('db-backup', ['--out', dumpFile], source.url);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('already exists');
  });
});

describe('npm run db:restore', () => {
  it('brings the demo content back into an empty database, exactly', async () => {
    const target = await database({ migrate: false });
    const result = await runScript('db-restore', [dumpFile], target.url);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Restored .* \d+ articles/);

    const before = await contents(source.sql);
    const after = await contents(target.sql);
    expect(Object.keys(after.counts).length).toBeGreaterThan(15);
    expect(after.counts['public.articles']).toBeGreaterThan(10);
    expect(after.counts['public.comments']).toBe(1);
    expect(after).toEqual(before);
    // Sequences came back too: a new row does not collide with a restored one.
    await target.sql`insert into sections (name, slug, position) values ('Mới', 'moi', 99)`;
  });

  it('refuses a database that is not empty, and leaves it untouched', async () => {
    const target = await database({ migrate: true });
    await target.sql`insert into sections (name, slug, position) values ('Giữ nguyên', 'giu-nguyen', 0)`;
    const before = await contents(target.sql);
    const result = await runScript('db-restore', [dumpFile], target.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not empty');
    expect(result.stderr).toContain('--replace');
    expect(await contents(target.sql)).toEqual(before);
  });

  it('replaces a database with --replace, after keeping a copy of it', async () => {
    const target = await database({ migrate: true });
    await target.sql`insert into sections (name, slug, position) values ('Sẽ thay', 'se-thay', 0)`;
    const result = await runScript('db-restore', [dumpFile, '--replace'], target.url);
    const kept = /Kept a copy of the database being replaced: (\S+)/.exec(result.stdout)?.[1];
    if (kept) extraFiles.push(path.resolve(ROOT, kept));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(kept && existsSync(path.resolve(ROOT, kept))).toBeTruthy();
    expect(await contents(target.sql)).toEqual(await contents(source.sql));
  });

  it('says clearly when the file is missing', async () => {
    const target = await database({ migrate: false });
    const result = await runScript('db-restore', [path.join(tmp, 'nope.dump')], target.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^\[newsroom\] No backup file at .*nope\.dump\.\n$/);
    expect(await tableCount(target.sql)).toBe(0);
  });

  it('says clearly when the file is not a backup', async () => {
    const target = await database({ migrate: false });
    const junk = path.join(tmp, 'junk.dump');
    writeFileSync(junk, 'create table oops (id int);\n');
    const result = await runScript('db-restore', [junk], target.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a backup made by npm run db:backup');
    expect(await tableCount(target.sql)).toBe(0);
  });

  it('rolls a damaged backup back completely', async () => {
    const target = await database({ migrate: false });
    const truncated = path.join(tmp, 'truncated.dump');
    const whole = readFileSync(dumpFile);
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.8)));
    const result = await runScript('db-restore', [truncated], target.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot be read|rolled back/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(await tableCount(target.sql)).toBe(0);
  });

  it('explains its usage without a file', async () => {
    const result = await runScript('db-restore', [], source.url);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: npm run db:restore -- FILE [--replace]');
  });
});
