// `npm run db:restore -- FILE [--replace]`: restores a dump made by `npm run db:backup` into
// the database (DATABASE_URL, or the embedded one), then applies newer migrations.
// Only an empty database is restored into; `--replace` first drops the target's schemas,
// after keeping a dump of what was there.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { migrateDatabase } from '../db/migrate';
import { DEFAULT_BACKUP_DIR, databaseConninfo, defaultBackupFile, dumpDatabase, fail, formatSize, restoreTarget, shortPath } from './lib/backup';
import { loadEnvOrExit, log } from './lib/launch';
import { findPgTools, firstErrorLine, runPgTool, serverVersion } from './lib/pg-tools';

const usage = 'usage: npm run db:restore -- FILE [--replace]';
let parsed;
try {
  parsed = parseArgs({ options: { replace: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`, 2);
}
if (parsed.values.help) {
  console.log(usage);
  process.exit(0);
}
if (parsed.positionals.length !== 1) fail(usage, 2);
const replace = parsed.values.replace ?? false;
const file = path.resolve(parsed.positionals[0]!);

// Check the file before any database is started: a typo should cost nothing.
checkArchive(file);

const env = loadEnvOrExit();
const target = await restoreTarget(env);
let sql: postgres.Sql | undefined;
let exitCode = 0;
const abort = new AbortController();
const interrupt = () => abort.abort();
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);

try {
  const version = await serverVersion(target.url);
  const tools = findPgTools(version.major);

  // Reads the archive's table of contents: a damaged or too-new file stops here, untouched target.
  const list = await runPgTool(tools.pgRestore, ['--list', file], target.url, { captureStdout: true });
  if (list.code !== 0) throw new Error(`${shortPath(file)} cannot be read: ${firstErrorLine(list.stderr)}`);
  log(`Backup ${describeArchive(list.stdout)}`);

  sql = postgres(target.url, { max: 1, onnotice: () => {} });
  const existing = await existingObjects(sql);
  if (existing.total > 0 && !replace) {
    const what = existing.tables > 0 ? `${existing.tables} tables` : `${existing.total} database objects`;
    throw new Error(
      `${capitalise(target.label)} is not empty (it holds ${what}); nothing was changed. Restore goes into an empty ` +
        `database, or pass --replace to drop its contents first: npm run db:restore -- ${shortPath(file)} --replace`,
    );
  }
  if (existing.total > 0) {
    // pg_restore runs in its own transaction, so the drop cannot share it: keep a copy first.
    const keep = defaultBackupFile(new Date(), DEFAULT_BACKUP_DIR, 'newsroom-before-restore');
    const kept = await dumpDatabase(tools, target.url, keep, abort.signal);
    log(`Kept a copy of the database being replaced: ${shortPath(kept.file)} (${formatSize(kept.bytes)})`);
    await sql.begin(async (tx) => {
      await tx.unsafe('drop schema if exists drizzle cascade');
      await tx.unsafe('drop schema if exists public cascade');
      await tx.unsafe('create schema public');
    });
    log(`Dropped the public and drizzle schemas of ${target.label}.`);
  }

  log(`Restoring into ${target.label}…`);
  const restored = await runPgTool(
    tools.pgRestore,
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      '--no-password',
      `--dbname=${databaseConninfo(target.url)}`,
      file,
    ],
    target.url,
    { signal: abort.signal },
  );
  if (abort.signal.aborted) throw new Error('Interrupted; the restore was rolled back.');
  if (restored.code !== 0) {
    throw new Error(`pg_restore failed and its transaction was rolled back: ${firstErrorLine(restored.stderr)}`);
  }

  // An older dump is brought up to the schema this code expects.
  await migrateDatabase(target.url);
  log(`Restored ${shortPath(file)} into ${target.label}: ${await summary(sql)}.`);
} catch (error) {
  console.error(`[newsroom] ${(error as Error).message}`);
  exitCode = abort.signal.aborted ? 130 : 1;
} finally {
  await sql?.end({ timeout: 5 });
  await target.stop();
}
process.exit(exitCode);

/** Exits with one line unless `file` is a readable pg_dump custom-format archive. */
function checkArchive(file: string): void {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) fail(`${shortPath(file)} is not a file.`);
    size = stat.size;
  } catch {
    fail(`No backup file at ${shortPath(file)}.`);
  }
  const head = Buffer.alloc(5);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 5, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 5 || head.toString('latin1') !== 'PGDMP') {
    fail(`${shortPath(file)} is not a backup made by npm run db:backup (a pg_dump custom-format archive was expected).`);
  }
}

/** "of newsroom, made 2026-11-29 10:30:00 UTC by pg_dump 15.20 from PostgreSQL 15.18" from pg_restore --list. */
function describeArchive(listing: string): string {
  // "; Archive created at 2026-…", ";     dbname: newsroom", "; Dumped by pg_dump version: 15.20 (Debian …)"
  const field = (name: string) => new RegExp(`^;\\s*${name}:?\\s+(.+)$`, 'm').exec(listing)?.[1]?.trim();
  const version = (name: string) => field(name)?.split(' ')[0];
  const parts = [
    field('dbname') && `of ${field('dbname')}`,
    field('Archive created at') && `made ${field('Archive created at')}`,
    version('Dumped by pg_dump version') && `by pg_dump ${version('Dumped by pg_dump version')}`,
    version('Dumped from database version') && `from PostgreSQL ${version('Dumped from database version')}`,
  ];
  return parts.filter(Boolean).join(', ');
}

/**
 * Tables, sequences, views, types and functions of our own (not an extension's) in the schemas
 * a dump restores into: any of them would make pg_restore's CREATE fail halfway.
 */
async function existingObjects(sql: postgres.Sql): Promise<{ tables: number; total: number }> {
  const [row] = await sql<{ tables: number; total: number }[]>`
    with ours as (
      select 'pg_class'::regclass as catalog, c.oid, c.relkind::text as kind from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
       where n.nspname in ('public', 'drizzle') and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f', 'c')
      union all
      select 'pg_type'::regclass, t.oid, 'type' from pg_type t
        join pg_namespace n on n.oid = t.typnamespace
       where n.nspname in ('public', 'drizzle') and t.typtype in ('e', 'd', 'r')
      union all
      select 'pg_proc'::regclass, p.oid, 'function' from pg_proc p
        join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'drizzle')
    )
    select count(*) filter (where kind in ('r', 'p'))::int as tables, count(*)::int as total
      from ours
     where not exists (select 1 from pg_depend d where d.classid = ours.catalog and d.objid = ours.oid and d.deptype = 'e')`;
  return row ?? { tables: 0, total: 0 };
}

async function summary(sql: postgres.Sql): Promise<string> {
  const [row] = await sql<{ articles: number; published: number; users: number; comments: number; sections: number; media: number }[]>`
    select (select count(*) from articles)::int as articles,
           (select count(*) from articles where status = 'published')::int as published,
           (select count(*) from users)::int as users,
           (select count(*) from comments)::int as comments,
           (select count(*) from sections)::int as sections,
           (select count(*) from media)::int as media`;
  if (!row) return 'no rows';
  return (
    `${row.articles} articles (${row.published} published), ${row.users} users, ${row.comments} comments, ` +
    `${row.sections} sections, ${row.media} media records`
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
