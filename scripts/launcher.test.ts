import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive } from '../db/embedded';
import { ROOT } from './lib/launch';

// The launcher under test runs in child processes exactly as `npm start` would run it.
const dirs: string[] = [];
const children: ChildProcess[] = [];

function tempDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-launcher-'));
  // Open to the postgres account (when run as root), so the cluster stays under DATA_DIR.
  chmodSync(dir, 0o755);
  dirs.push(dir);
  return path.join(dir, 'data');
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs) {
    // A cluster the tests could not stop would keep its files busy; stop it first.
    const pidFile = path.join(dir, 'data', 'postgres', 'postmaster.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {}
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

const launcherEnv = (dataDir: string, extra: Record<string, string> = {}) => ({
  ...process.env,
  DATABASE_URL: '',
  DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: '0',
  SEED_DEMO: 'false',
  ...extra,
});

/** Starts `with-db -- <node script>` and resolves with the DATABASE_URL its child printed. */
function startWithDb(dataDir: string, childScript: string): { launcher: ChildProcess; url: Promise<string>; output: () => string } {
  const launcher = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/with-db.ts', '--', process.execPath, '--input-type=module', '-e', childScript],
    { cwd: ROOT, env: launcherEnv(dataDir), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(launcher);
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /URL=(\S+)\n/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    launcher.stdout?.on('data', onData);
    launcher.stderr?.on('data', onData);
    launcher.on('exit', () => reject(new Error(`launcher exited early:\n${output}`)));
  });
  return { launcher, url, output: () => output };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code))));


function postgresPidsFor(dataDir: string): number[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .filter((line) => line.includes(path.join(dataDir, 'postgres')) && /postgres/.test(line) && !line.includes('ps -eo'))
    .map((line) => Number(line.trim().split(/\s+/)[0]))
    .filter(isAlive);
}

// Prints the URL, then idles; exits by itself once its launcher is gone (killed with -9).
const SLEEPER = `console.log('URL=' + process.env.DATABASE_URL);
  const parent = process.ppid;
  setInterval(() => { try { process.kill(parent, 0); } catch { process.exit(0); } }, 300);`;

describe('launcher', () => {
  it('stops at once with one clear line when the environment is wrong', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'abc' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Invalid environment: PORT .*"abc"/);
  });

  it('recovers after the Node process is SIGKILLed: no orphan left, data intact', async () => {
    const dataDir = tempDataDir();
    const first = startWithDb(dataDir, SLEEPER);
    const url = await first.url;
    const sql = postgres(url, { max: 1 });
    await sql`insert into app_meta (key, value) values ('launcher-test', 'kept')`;
    await sql.end();

    first.launcher.kill('SIGKILL');
    await exited(first.launcher);
    const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
    const orphan = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    expect(isAlive(orphan)).toBe(true);

    const reader = `
      import postgres from 'postgres';
      const sql = postgres(process.env.DATABASE_URL, { max: 1 });
      const [row] = await sql\`select value from app_meta where key = 'launcher-test'\`;
      console.log('VALUE=' + row?.value);
      await sql.end();`;
    const second = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/with-db.ts', '--', process.execPath, '--input-type=module', '-e', reader],
      { cwd: ROOT, env: launcherEnv(dataDir), encoding: 'utf8', timeout: 90_000 },
    );
    expect(second.status, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toContain('VALUE=kept');
    expect(second.stdout).toMatch(/left running by an earlier run/);
    expect(isAlive(orphan)).toBe(false);
    expect(existsSync(pidFile)).toBe(false);
    expect(postgresPidsFor(dataDir)).toEqual([]);
  });

  it('stops the database when told to stop (SIGTERM), well within 10 s', async () => {
    const dataDir = tempDataDir();
    const run = startWithDb(dataDir, SLEEPER);
    await run.url;
    const started = Date.now();
    run.launcher.kill('SIGTERM');
    await exited(run.launcher);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(postgresPidsFor(dataDir)).toEqual([]);
  });

  it('a second with-db shares the running server: no second postmaster, and it is left running', async () => {
    const dataDir = tempDataDir();
    const owner = startWithDb(dataDir, SLEEPER);
    const url = await owner.url;
    const postmaster = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const reader = `
      import postgres from 'postgres';
      const sql = postgres(process.env.DATABASE_URL, { max: 1 });
      const [row] = await sql\`select count(*)::int as n from users\`;
      console.log('USERS=' + row.n);
      await sql.end();`;
    const second = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/with-db.ts', '--', process.execPath, '--input-type=module', '-e', reader],
      { cwd: ROOT, env: launcherEnv(dataDir), encoding: 'utf8', timeout: 60_000 },
    );
    expect(second.status, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toMatch(/USERS=\d+/);
    expect(second.stdout).toContain(`already running on this DATA_DIR (pid ${owner.launcher.pid})`);
    expect(postgresPidsFor(dataDir).filter((pid) => pid === postmaster)).toEqual([postmaster]);
    expect(readFileSync(path.join(dataDir, 'database-url'), 'utf8').trim()).toBe(url);
    // The owner's database is still up and answers.
    const sql = postgres(url, { max: 1 });
    expect((await sql`select 1 as one`)[0]?.one).toBe(1);
    await sql.end();

    // A restore under the live site is still refused, with its one line.
    const archive = path.join(path.dirname(dataDir), 'looks-like.dump');
    writeFileSync(archive, 'PGDMP, the header alone');
    const restore = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-restore.ts', archive], {
      cwd: ROOT,
      env: launcherEnv(dataDir),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(restore.status).toBe(1);
    expect(restore.stderr).toMatch(/Cannot restore into the embedded database: Another Newsroom process \(pid \d+\)/);
    owner.launcher.kill('SIGTERM');
    await exited(owner.launcher);
    expect(postgresPidsFor(dataDir)).toEqual([]);
  });

  it('two launchers starting at once on a fresh DATA_DIR run one server between them', async () => {
    const dataDir = tempDataDir();
    const a = startWithDb(dataDir, SLEEPER);
    const b = startWithDb(dataDir, SLEEPER);
    const [urlA, urlB] = await Promise.all([a.url, b.url]);
    expect(new URL(urlA).port).toBe(new URL(urlB).port);
    const postmasters = spawnSync('ps', ['-eo', 'args='], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((line) => /\/postgres -D/.test(line) && line.includes(path.join(dataDir, 'postgres')));
    expect(postmasters).toHaveLength(1);
    expect(a.output() + b.output()).toMatch(/already running on this DATA_DIR/);
    // The sharer ends first and leaves the server running for the owner.
    const [sharer, owner] = /already running/.test(a.output()) ? [a, b] : [b, a];
    sharer.launcher.kill('SIGTERM');
    await exited(sharer.launcher);
    const sql = postgres(urlA, { max: 1 });
    expect((await sql`select 1 as one`)[0]?.one).toBe(1);
    await sql.end();
    owner.launcher.kill('SIGTERM');
    await exited(owner.launcher);
    expect(postgresPidsFor(dataDir)).toEqual([]);
  });

  it.runIf(process.getuid?.() === 0)(
    'as root, falls back to the temp dir when the postgres account cannot reach DATA_DIR, and says so',
    async () => {
      const closed = mkdtempSync(path.join(os.tmpdir(), 'newsroom-closed-'));
      dirs.push(closed);
      mkdirSync(closed, { recursive: true, mode: 0o700 });
      const dataDir = path.join(closed, 'data');
      const run = startWithDb(dataDir, SLEEPER);
      await run.url;
      expect(run.output()).toMatch(/cannot reach .* the database lives in .*newsroom-db-/);
      run.launcher.kill('SIGTERM');
      expect(await exited(run.launcher)).not.toBeNull();
      const fallback = /lives in (\S+) instead/.exec(run.output())?.[1];
      expect(fallback && existsSync(path.join(fallback, 'PG_VERSION'))).toBe(true);
      if (fallback) dirs.push(path.dirname(fallback));
    },
  );
});
