import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existingClusterDir, freePort, isAlive, removeCluster } from '../db/embedded';
import { ROOT } from './lib/launch';

// The shell tools of the README (`npm run user:create`, `npm run with-db`) run against a live
// `npm start` on the embedded database, as an operator would run them beside the site. The
// site builds first when the sources changed (a minute or two); its DATA_DIR is fixed so that
// a second run of this file reuses that build.
const DATA_DIR = path.join(ROOT, '.data', 'shell-tools');

type Run = { code: number | null; stdout: string; stderr: string };

const toolEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL: '',
  DATA_DIR,
  EMBEDDED_PG_PORT: '0',
  ...extra,
});

/** `npm run <script> -- args…`, with `input` on standard input. */
function npmRun(script: string, args: string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, env: toolEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

function postmasterPid(): number {
  const dir = existingClusterDir(DATA_DIR);
  if (!dir) throw new Error('no cluster for DATA_DIR');
  return Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** Postmasters (not their backends) running on this DATA_DIR's cluster. */
function postmastersFor(): number[] {
  const dir = existingClusterDir(DATA_DIR);
  const ps = spawnSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, , command, ...rest]) => command?.endsWith('/postgres') && dir && rest.join(' ').includes(dir))
    .map(([pid]) => Number(pid))
    .filter(isAlive);
}

// A browser's reading of the login form: its hidden action fields, then a multipart post.
function hiddenFields(html: string): [string, string][] {
  const forms = [...html.matchAll(/<form[^>]*method="POST"[^>]*>([\s\S]*?)<\/form>/gi)].map((m) => m[1] ?? '');
  const form = forms.find((inner) => inner.includes('name="email"')) ?? '';
  const decode = (v: string) => v.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return (form.match(/<input[^>]*type="hidden"[^>]*>/g) ?? []).map((tag) => [
    decode(/name="([^"]*)"/.exec(tag)?.[1] ?? ''),
    decode(/value="([^"]*)"/.exec(tag)?.[1] ?? ''),
  ]);
}

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');

async function signIn(url: string, email: string, password: string): Promise<Response> {
  const page = await fetch(`${url}/login`);
  const form = new FormData();
  for (const [name, value] of hiddenFields(await page.text())) form.append(name, value);
  form.append('email', email);
  form.append('password', password);
  return fetch(`${url}/login`, { method: 'POST', body: form, headers: { Cookie: cookiesOf(page) }, redirect: 'manual' });
}

let site: ChildProcess;
let siteUrl = '';
let siteOutput = '';

beforeAll(async () => {
  removeCluster(DATA_DIR);
  const port = await freePort();
  siteUrl = `http://127.0.0.1:${port}`;
  site = spawn(process.execPath, ['--max-old-space-size=384', '--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: toolEnv({ PORT: String(port), HOST: '127.0.0.1', SITE_URL: siteUrl }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  site.stdout?.on('data', (chunk: Buffer) => (siteOutput += chunk.toString()));
  site.stderr?.on('data', (chunk: Buffer) => (siteOutput += chunk.toString()));
  const deadline = Date.now() + 360_000;
  for (;;) {
    if (site.exitCode !== null) throw new Error(`npm start exited:\n${siteOutput.slice(-3000)}`);
    const health = await fetch(`${siteUrl}/api/health`).catch(() => undefined);
    if (health?.status === 200) break;
    if (Date.now() > deadline) throw new Error(`npm start did not become ready:\n${siteOutput.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}, 400_000);

afterAll(async () => {
  if (site && site.exitCode === null) {
    const exited = new Promise((resolve) => site.once('exit', resolve));
    site.kill('SIGTERM');
    await exited;
  }
  removeCluster(DATA_DIR);
}, 30_000);

describe('shell tools beside a running npm start (embedded database)', () => {
  it('user:create adds an account that signs in; with-db and db:backup run on the same database', async () => {
    const postmaster = postmasterPid();
    const email = `bien-tap-${Date.now().toString(36)}@shell.example`;
    const password = 'Phóng viên kiểm thử 2026!';

    const created = await npmRun('user:create', ['--email', email, '--name', 'Trần Thị Biên Tập', '--role', 'editor'], `${password}\n`);
    expect(created.stderr + created.stdout).not.toMatch(/Another Newsroom process/);
    expect(created.code, created.stdout + created.stderr).toBe(0);
    expect(created.stdout).toContain(`Created editor ${email}`);

    const signedIn = await signIn(siteUrl, email, password);
    expect(signedIn.status).toBe(303);
    expect(cookiesOf(signedIn)).toMatch(/session-token=/);

    const query = `const sql = require('postgres')(process.env.DATABASE_URL, { max: 1 });
      sql\`select role from users where email = \${process.argv[1]}\`.then(async (rows) => { console.log('ROLE=' + rows[0]?.role); await sql.end(); });`;
    const ran = await npmRun('with-db', ['node', '-e', query, email]);
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    expect(ran.stdout).toContain('ROLE=editor');

    const dump = path.join(DATA_DIR, 'live.dump');
    const backup = await npmRun('db:backup', ['--out', dump]);
    expect(backup.code, backup.stdout + backup.stderr).toBe(0);
    expect(readFileSync(dump).subarray(0, 5).toString('latin1')).toBe('PGDMP');

    // One server all along, the site's own, still running and serving.
    expect(postmasterPid()).toBe(postmaster);
    expect(isAlive(postmaster)).toBe(true);
    expect(postmastersFor()).toEqual([postmaster]);
    expect((await fetch(`${siteUrl}/api/health`)).status).toBe(200);

    const again = await npmRun('user:create', ['--email', email, '--name', 'Trùng', '--role', 'editor'], `${password}\n`);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  }, 120_000);
});
