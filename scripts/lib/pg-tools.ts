// PostgreSQL's own client tools (pg_dump, pg_restore) for the backup scripts. The embedded
// package ships only the server, so they come from the machine: PG_BIN_DIR, Debian's
// /usr/lib/postgresql/<N>/bin folders, then PATH. pg_dump refuses a server newer than itself.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';

export type PgTools = { pgDump: string; pgRestore: string; major: number; dir: string };

/** A failure the scripts print as one line and exit on. */
export class PgToolError extends Error {
  override name = 'PgToolError';
}

/**
 * libpq's environment for a postgres:// URL, so no password ever lands on a command line
 * (where `ps` shows it to every user). Only what libpq understands is passed on.
 */
export function libpqEnv(url: string): Record<string, string> {
  const parsed = new URL(url);
  const env: Record<string, string> = {};
  const decode = (value: string) => decodeURIComponent(value);
  const host = parsed.searchParams.get('host') ?? (parsed.hostname ? decode(parsed.hostname).replace(/^\[(.*)\]$/, '$1') : '');
  if (host) env.PGHOST = host;
  if (parsed.port) env.PGPORT = parsed.port;
  if (parsed.username) env.PGUSER = decode(parsed.username);
  if (parsed.password) env.PGPASSWORD = decode(parsed.password);
  const database = decode(parsed.pathname.replace(/^\//, ''));
  if (database) env.PGDATABASE = database;
  const sslmode = parsed.searchParams.get('sslmode') ?? (['true', 'require'].includes(parsed.searchParams.get('ssl') ?? '') ? 'require' : null);
  if (sslmode) env.PGSSLMODE = sslmode;
  env.PGAPPNAME = 'newsroom-backup';
  return env;
}

/** "host:port/database" without the password, for messages. */
export function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname || 'localhost'}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
}

/** The server's version: `{ major: 15, text: '15.18' }`. */
export async function serverVersion(url: string): Promise<{ major: number; text: string }> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const [row] = await sql<{ num: string; text: string }[]>`
      select current_setting('server_version_num') as num, current_setting('server_version') as text`;
    if (!row) throw new PgToolError('The database did not report its version.');
    return { major: Math.floor(Number(row.num) / 10000), text: row.text.split(' ')[0] ?? row.text };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Major version of a client binary from its `--version` line, or null when it does not run. */
export function toolMajor(binary: string): number | null {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (result.status !== 0) return null;
  // "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)"
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(result.stdout);
  return match?.[1] ? Number(match[1]) : null;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Folders to look in, in order: PG_BIN_DIR, Debian's versioned folders (highest first), PATH. */
export function candidateDirs(env: NodeJS.ProcessEnv = process.env, debianRoot = '/usr/lib/postgresql'): string[] {
  const dirs: string[] = [];
  if (env.PG_BIN_DIR) dirs.push(path.resolve(env.PG_BIN_DIR));
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) dirs.push(path.join(debianRoot, version, 'bin'));
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter)) if (dir) dirs.push(path.resolve(dir));
  // /bin and /usr/bin are often one folder: look at each real folder once.
  const real = (dir: string) => {
    try {
      return realpathSync(dir);
    } catch {
      return dir;
    }
  };
  const seen = new Set<string>();
  return dirs.filter((dir) => !seen.has(real(dir)) && seen.add(real(dir)));
}

/**
 * pg_dump and pg_restore from one folder, at least as new as the server's major version.
 * Throws a PgToolError naming the package to install when there are none.
 */
export function findPgTools(serverMajor: number, env: NodeJS.ProcessEnv = process.env): PgTools {
  const seen: string[] = [];
  for (const dir of candidateDirs(env)) {
    const pgDump = path.join(dir, 'pg_dump');
    const pgRestore = path.join(dir, 'pg_restore');
    if (!isExecutable(pgDump) || !isExecutable(pgRestore)) continue;
    const major = toolMajor(pgDump);
    const restoreMajor = toolMajor(pgRestore);
    if (major === null || restoreMajor === null) continue;
    if (major >= serverMajor && restoreMajor >= serverMajor) return { pgDump, pgRestore, major: Math.min(major, restoreMajor), dir };
    seen.push(`${Math.min(major, restoreMajor)} in ${dir}`);
  }
  const found = seen.length > 0 ? `found only ${seen.join(', ')}` : 'none found';
  const pgBinDir = env.PG_BIN_DIR ? ` (none that fit in PG_BIN_DIR=${env.PG_BIN_DIR})` : '';
  throw new PgToolError(
    `pg_dump and pg_restore from PostgreSQL ${serverMajor} or newer are needed (${found})${pgBinDir}. ` +
      `Install them: apt-get install postgresql-client-${serverMajor} (Debian/Ubuntu), or set PG_BIN_DIR to their folder.`,
  );
}

/**
 * Runs a client tool against `url` (credentials through the environment) and resolves with
 * its exit code and standard error; standard output is discarded unless asked for.
 */
export function runPgTool(
  binary: string,
  args: string[],
  url: string,
  options: { captureStdout?: boolean; signal?: AbortSignal } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      stdio: ['ignore', options.captureStdout ? 'pipe' : 'ignore', 'pipe'],
      env: { ...process.env, PGCONNECT_TIMEOUT: '10', ...libpqEnv(url) },
      signal: options.signal,
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => {
      if (error.name === 'AbortError') resolve({ code: 130, stdout, stderr });
      else reject(error);
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

/** The first meaningful line of a tool's error output, without its "pg_dump: error:" prefix. */
export function firstErrorLine(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /error|fatal/i.test(l)) ?? lines[0] ?? 'no details';
  return line.replace(/^(pg_dump|pg_restore):\s*(error:\s*)?/, '');
}
