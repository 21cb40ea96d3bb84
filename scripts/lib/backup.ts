// Shared by `npm run db:backup` and `npm run db:restore`: which database, where dumps go,
// and a pg_dump that never leaves a half-written file behind.
import { chmodSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Env } from '../../lib/env';
import { prepareDatabase } from '../../db/bootstrap';
import { bootDatabase, log, ROOT } from './launch';
import { describeUrl, firstErrorLine, runPgTool, type PgTools } from './pg-tools';

export const DEFAULT_BACKUP_DIR = path.join(ROOT, 'backups');

export type Target = {
  url: string;
  /** For messages: "the embedded database" or host:port/database (never the password). */
  label: string;
  stop: () => Promise<void>;
};

/** Prints one line and exits: the scripts' answer to every expected failure. */
export function fail(message: string, code = 1): never {
  console.error(`[newsroom] ${message}`);
  process.exit(code);
}

/** `newsroom-20261129-103000.dump`, in UTC so names sort and never repeat across clock changes. */
export function defaultBackupFile(now = new Date(), dir = DEFAULT_BACKUP_DIR, prefix = 'newsroom'): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, '').replace(/-|:/g, '').replace('T', '-');
  return path.join(dir, `${prefix}-${stamp}.dump`);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The database to back up. With DATABASE_URL, that one, untouched. Otherwise the embedded one:
 * the server a running `npm start` (or with-db) has on this DATA_DIR, left running; else it
 * boots exactly as with-db does (migrated, seeded once) and stops afterwards.
 */
export async function backupSource(env: Env): Promise<Target> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, label: describeUrl(env.DATABASE_URL), stop: async () => {} };
  const database = await bootDatabase(env, { shareRunning: true });
  return { url: database.url, label: 'the embedded database', stop: database.stop };
}

/**
 * The database to restore into. With DATABASE_URL, that one. Otherwise the embedded one,
 * started but not migrated or seeded (a fresh one stays empty for the restore). A running
 * `npm start` on the same DATA_DIR makes this fail with its own clear line: restoring
 * under a live site is not something to do by accident.
 */
export async function restoreTarget(env: Env): Promise<Target> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, label: describeUrl(env.DATABASE_URL), stop: async () => {} };
  try {
    const database = await prepareDatabase(env, { log, migrate: false });
    return { url: database.url, label: 'the embedded database', stop: database.stop };
  } catch (error) {
    fail(`Cannot restore into the embedded database: ${(error as Error).message}`);
  }
}

/**
 * Dumps the database at `url` in pg_dump's custom format (one consistent snapshot, compressed)
 * to `outFile`: written to a temporary file beside it and renamed, so a cut-short run never
 * leaves something that looks like a backup. The file is private (0600): it holds password hashes.
 */
export async function dumpDatabase(
  tools: PgTools,
  url: string,
  outFile: string,
  signal?: AbortSignal,
): Promise<{ file: string; bytes: number }> {
  const file = path.resolve(outFile);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial-${process.pid}`;
  writeFileSync(partial, '', { mode: 0o600 });
  try {
    const result = await runPgTool(
      tools.pgDump,
      ['--format=custom', '--no-password', `--file=${partial}`, `--dbname=${databaseConninfo(url)}`],
      url,
      { signal },
    );
    if (signal?.aborted) throw new Error('Interrupted; no backup was written.');
    if (result.code !== 0) throw new Error(`pg_dump failed: ${firstErrorLine(result.stderr)}`);
    chmodSync(partial, 0o600);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  return { file, bytes: statSync(file).size };
}

/**
 * Only the database name, as a libpq conninfo string: host, port, user and password reach the
 * tools through the environment (see libpqEnv), so nothing secret is on the command line.
 */
export function databaseConninfo(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
  return `dbname='${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A path relative to the project when it lies inside it, for shorter messages. */
export function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
