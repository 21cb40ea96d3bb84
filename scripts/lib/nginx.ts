// nginx in front of a running site, for tests and benchmarks: the production rules of
// deploy/nginx.conf, included into a generated nginx.conf whose paths (pid, logs, temp files,
// cache) all live under one work folder. Only the lines of the site file marked
// `# deploy:<name>` are replaced, so there is one copy of the rules.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The production site file; see deploy/README.md. */
export const SITE_CONFIG = path.join(ROOT, 'deploy', 'nginx.conf');

export type NginxOptions = {
  /** The app's port (or ports: one upstream server each), on 127.0.0.1. */
  upstreamPort: number | readonly number[];
  /** Where nginx listens, on 127.0.0.1. */
  listenPort: number;
  /** Config, pid file, logs, temp files and cache go here; cache and logs start empty each time. */
  workDir: string;
  log?: (line: string) => void;
  /** `worker_processes`; `auto` (one per core) as Debian's own nginx.conf has it. */
  workerProcesses?: number | 'auto';
  /**
   * Take the client's address from X-Forwarded-For sent by 127.0.0.1 (nginx's realip module),
   * as in production behind a load balancer: lets a load generator stand for many readers.
   */
  trustForwardedFor?: boolean;
};

export type RunningNginx = {
  url: string;
  /** The generated nginx.conf (for `nginx -t -c …`). */
  configFile: string;
  accessLog: string;
  errorLog: string;
  stop: () => Promise<void>;
};

type Binary = { path: string; version: string; configureArgs: string };

const defaultLog = (line: string) => console.log(`[nginx] ${line}`);

// ─── Finding and installing nginx ────────────────────────────────────────────────────────────

function findOnPath(name: string): string | undefined {
  const dirs = ['/usr/sbin', ...(process.env.PATH ?? '').split(path.delimiter), '/usr/local/sbin', '/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Runs a command, handing each output line to `log`; resolves with its exit code and output. */
function run(command: string, args: string[], log: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let pending = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) log(`  ${line}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      if (pending.trim()) log(`  ${pending}`);
      resolve({ code: code ?? 1, output });
    });
  });
}

/** The first of the packages that Debian's archive has a candidate for (`apt-cache policy`). */
async function installablePackage(names: string[], log: (line: string) => void): Promise<string | undefined> {
  for (const name of names) {
    const { output } = await run('apt-cache', ['policy', name], () => {});
    const candidate = /Candidate:\s*(\S+)/.exec(output)?.[1];
    log(`apt-cache policy ${name}: candidate ${candidate ?? 'none'}`);
    if (candidate && candidate !== '(none)') return name;
  }
  return undefined;
}

/**
 * Installs nginx from Debian's packages. `nginx` is the small build on Debian 12 (and picks
 * nginx-core on 11); `nginx-light` is the fallback where `nginx` is not offered.
 */
async function installNginx(log: (line: string) => void): Promise<void> {
  const how = 'install it with `apt-get install nginx` (Debian/Ubuntu) and run again';
  if (process.getuid?.() !== 0) throw new Error(`nginx is not installed and this process is not root: ${how}`);
  if (!findOnPath('apt-get')) throw new Error(`nginx is not installed and there is no apt-get here: ${how}`);
  log('nginx is not installed; installing it from Debian packages.');
  log('$ apt-get update');
  const update = await run('apt-get', ['update'], log);
  if (update.code !== 0) throw new Error(`apt-get update failed (exit ${update.code}): ${how}`);
  const pkg = await installablePackage(['nginx', 'nginx-light'], log);
  if (!pkg) throw new Error(`Neither nginx nor nginx-light is offered by apt: ${how}`);
  // On a host where services start on install, Debian also starts its own nginx (port 80);
  // nothing here uses it.
  log(`$ DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${pkg}`);
  const install = await run('apt-get', ['install', '-y', '--no-install-recommends', pkg], log, { ...process.env, DEBIAN_FRONTEND: 'noninteractive' });
  if (install.code !== 0) throw new Error(`apt-get install ${pkg} failed (exit ${install.code}): ${how}`);
}

async function describe(binary: string): Promise<Binary> {
  const { output } = await run(binary, ['-V'], () => {});
  return {
    path: binary,
    version: /nginx\/(\d+\.\d+\.\d+)/.exec(output)?.[1] ?? '0.0.0',
    configureArgs: /configure arguments:(.*)/.exec(output)?.[1] ?? '',
  };
}

/** The nginx binary (`/usr/sbin/nginx` or on PATH), installed first when there is none. */
export async function findNginx(log: (line: string) => void = defaultLog): Promise<Binary> {
  let binary = findOnPath('nginx');
  if (!binary) {
    await installNginx(log);
    binary = findOnPath('nginx');
    if (!binary) throw new Error('nginx was installed but no nginx binary was found in /usr/sbin or on PATH.');
    log(`Installed ${binary}.`);
  }
  return describe(binary);
}

const atLeast = (version: string, wanted: string) => {
  const a = version.split('.').map(Number);
  const b = wanted.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
};

// ─── The configuration ───────────────────────────────────────────────────────────────────────

/** A path as an nginx string. */
const quoted = (value: string) => `"${value.replace(/(["\\])/g, '\\$1')}"`;

/** Replaces the marked directive (`server 127.0.0.1:3000 max_fails=3;`) with zero or more others. */
export type Replacement = (directive: string) => string[];

/** The directive with its first argument (an address, a path) changed and the rest kept. */
export const withFirstArgument =
  (value: string): Replacement =>
  (directive) => {
    const [name, , ...rest] = directive.replace(/;\s*$/, '').trim().split(/\s+/);
    return [`${[name, value, ...rest].join(' ')};`];
  };

/**
 * deploy/nginx.conf with its `# deploy:<name>` lines replaced. Each marker must be there: a
 * renamed or lost marker fails loudly rather than leaving a production path in a test config.
 */
export function siteConfig(source: string, replacements: Record<string, Replacement>): string {
  const found = new Set<string>();
  const lines = source.split('\n').flatMap((line) => {
    const match = /^(\s*)(.*?)\s*#\s*deploy:([a-z-]+)\s*$/.exec(line);
    if (!match) return [line];
    const [, indent = '', directive = '', marker = ''] = match;
    const replace = replacements[marker];
    if (!replace) throw new Error(`${SITE_CONFIG}: unknown marker deploy:${marker}`);
    // Several lines may carry one marker (two `listen`s, say): the first is replaced, the rest go.
    if (found.has(marker)) return [];
    found.add(marker);
    return replace(directive).map((generated) => `${indent}${generated}  # deploy:${marker} (generated)`);
  });
  const missing = Object.keys(replacements).filter((name) => !found.has(name));
  if (missing.length > 0) throw new Error(`${SITE_CONFIG}: no line marked ${missing.map((m) => `deploy:${m}`).join(', ')}`);
  return lines.join('\n');
}

/** Whether an unrelated account may reach `dir` (the x bit for others on it and every parent). */
function othersCanReach(dir: string): boolean {
  for (let current = dir; ; current = path.dirname(current)) {
    if (!existsSync(current) || (statSync(current).mode & 0o001) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
}

/** `user www-data;` (or nobody) for the workers when we are root and they can reach workDir. */
function workerUser(workDir: string, log: (line: string) => void): string | undefined {
  if (process.getuid?.() !== 0) return undefined; // workers run as whoever we are
  const passwd = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8') : '';
  const account = ['www-data', 'nobody'].find((name) => passwd.split('\n').some((line) => line.startsWith(`${name}:`)));
  if (account && othersCanReach(workDir)) return account;
  log(
    `Running nginx's workers as root: ${account ? `${account} cannot reach ${workDir} (a parent lacks the x bit for others)` : 'neither www-data nor nobody exists'}. ` +
      'Use a work folder under /tmp (or /var/lib) to have them run unprivileged.',
  );
  return 'root';
}

type Generated = { configFile: string; pidFile: string; errorLog: string; accessLog: string };

function writeConfig(options: NginxOptions, binary: Binary, log: (line: string) => void): Generated {
  const workDir = path.resolve(options.workDir);
  mkdirSync(workDir, { recursive: true });
  const pidFile = path.join(workDir, 'nginx.pid');
  const errorLog = path.join(workDir, 'error.log');
  const accessLog = path.join(workDir, 'access.log');
  const cacheDir = path.join(workDir, 'cache');
  const tempDir = path.join(workDir, 'temp');
  // A fresh cache each run: a page left from last time would turn the first MISS into a HIT.
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(tempDir, { recursive: true, force: true });
  mkdirSync(tempDir);
  // Fresh logs too, so that they tell about this run only.
  writeFileSync(accessLog, '');
  writeFileSync(errorLog, '');

  const ports = typeof options.upstreamPort === 'number' ? [options.upstreamPort] : [...options.upstreamPort];
  if (ports.length === 0) throw new Error('startNginx: no upstream port');
  // Addresses and paths change; every parameter after them stays as production has it.
  const site = siteConfig(readFileSync(SITE_CONFIG, 'utf8'), {
    upstream: (directive) => ports.flatMap((port) => withFirstArgument(`127.0.0.1:${port}`)(directive)),
    listen: () => [`listen 127.0.0.1:${options.listenPort};`],
    'cache-path': withFirstArgument(quoted(cacheDir)),
    'access-log': withFirstArgument(quoted(accessLog)),
    'error-log': withFirstArgument(quoted(errorLog)),
  });
  const siteFile = path.join(workDir, 'newsroom.conf');
  writeFileSync(siteFile, site);

  // nginx creates the temp folder of every module built in, at its compiled-in default path
  // (under /var/lib/nginx on Debian) unless told otherwise.
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .filter((module) => module === 'client_body' || module === 'proxy' || !binary.configureArgs.includes(`--without-http_${module}_module`))
    .map((module) => `    ${module}_temp_path ${quoted(path.join(tempDir, module))};`);
  const user = workerUser(workDir, log);
  const realIp = options.trustForwardedFor
    ? ['    set_real_ip_from 127.0.0.1;', '    set_real_ip_from ::1;', '    real_ip_header X-Forwarded-For;', '    real_ip_recursive on;']
    : [];
  if (options.trustForwardedFor && !binary.configureArgs.includes('--with-http_realip_module')) {
    throw new Error(`${binary.path} has no realip module: trustForwardedFor cannot be honoured.`);
  }
  const main = [
    '# Generated by scripts/lib/nginx.ts for tests and benchmarks; the rules are deploy/nginx.conf.',
    'daemon off;',
    `worker_processes ${options.workerProcesses ?? 'auto'};`,
    ...(user ? [`user ${user};`] : []),
    `pid ${quoted(pidFile)};`,
    `error_log ${quoted(errorLog)} warn;`,
    'worker_rlimit_nofile 16384;',
    'events {',
    '    worker_connections 4096;',
    '}',
    'http {',
    // nginx serves no files here: the app names every type. Its own pages set their own.
    '    default_type application/octet-stream;',
    '    sendfile on;',
    '    tcp_nopush on;',
    `    access_log ${quoted(accessLog)};`,
    ...temp,
    ...realIp,
    `    include ${quoted(siteFile)};`,
    '}',
    '',
  ].join('\n');
  const configFile = path.join(workDir, 'nginx.conf');
  writeFileSync(configFile, main);
  return { configFile, pidFile, errorLog, accessLog };
}

// ─── Running it ──────────────────────────────────────────────────────────────────────────────

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

/** An nginx left running from this workDir by a process that was killed: stop it. */
async function stopOrphan(pidFile: string, configFile: string, log: (line: string) => void): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const cmdline = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
  if (!cmdline.includes('nginx') || !cmdline.includes(configFile)) return;
  log(`Stopping an nginx left running from ${path.dirname(pidFile)} (pid ${pid}).`);
  process.kill(pid, 'SIGTERM');
  if (!(await waitUntil(() => !isAlive(pid), 5_000))) process.kill(pid, 'SIGKILL');
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts nginx (installing it from Debian's packages if needed, when root) in front of the
 * app on `upstreamPort`, with deploy/nginx.conf's rules; resolves once it accepts connections.
 * `stop()` shuts it down gracefully (SIGQUIT), then harder if it lingers.
 */
export async function startNginx(options: NginxOptions): Promise<RunningNginx> {
  const log = options.log ?? defaultLog;
  const binary = await findNginx(log);
  // One left running from this workDir goes before its cache and logs are cleared.
  const workDir = path.resolve(options.workDir);
  await stopOrphan(path.join(workDir, 'nginx.pid'), path.join(workDir, 'nginx.conf'), log);
  const { configFile, errorLog, accessLog } = writeConfig(options, binary, log);
  // -e: the error log before the config is read (nginx ≥ 1.19.5); -p: the prefix for any
  // relative path, so nothing falls back to /etc/nginx or /var/log/nginx.
  const args = ['-p', `${workDir}/`, '-c', configFile, ...(atLeast(binary.version, '1.19.5') ? ['-e', errorLog] : [])];

  const test = await run(binary.path, ['-t', '-q', ...args], () => {});
  if (test.code !== 0) throw new Error(`nginx -t rejected ${configFile}:\n${test.output.trim()}`);
  if (!(await portIsFree(options.listenPort))) throw new Error(`startNginx: port ${options.listenPort} is already in use.`);

  log(`nginx ${binary.version} on 127.0.0.1:${options.listenPort} → app on ${[options.upstreamPort].flat().join(', ')} (${configFile})`);
  const child: ChildProcess = spawn(binary.path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
    child.once('error', (error) => {
      output += String(error);
      exited = true;
      resolve();
    });
  });
  // If this process ends without stop(), do not leave nginx behind. SIGTERM, not SIGKILL: the
  // master takes its workers down with it. (After a SIGKILL of this process nginx lives on;
  // the next start in the same workDir stops it through its pid file.)
  const onExit = () => child.kill('SIGTERM');
  process.once('exit', onExit);

  const errorTail = () => (existsSync(errorLog) ? readFileSync(errorLog, 'utf8').slice(-2000) : '');
  const ready = await waitUntil(async () => exited || (await accepts(options.listenPort)), 10_000);
  if (exited || !ready) {
    child.kill('SIGTERM');
    process.off('exit', onExit);
    throw new Error(`nginx did not start:\n${output.trim()}\n${errorTail()}`);
  }

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (!exited) {
        child.kill('SIGQUIT'); // graceful: finish requests in flight, then exit
        if (!(await waitUntil(() => exited, 5_000))) {
          log('nginx did not stop within 5 s of SIGQUIT; stopping it with SIGTERM.');
          child.kill('SIGTERM');
          if (!(await waitUntil(() => exited, 3_000))) child.kill('SIGKILL');
        }
        await exit;
      }
      process.off('exit', onExit);
    })());

  return { url: `http://127.0.0.1:${options.listenPort}`, configFile, accessLog, errorLog, stop };
}
