// `next build` with a stamp, so `npm start` rebuilds only when the sources (or the database
// the prerendered pages came from) changed since the last build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { log, ROOT, runForwardingSignals } from './launch';

const SOURCE_DIRS = ['app', 'components', 'lib', 'db', 'public'];
const SOURCE_FILES = ['next.config.mjs', 'tsconfig.json', 'package-lock.json', 'proxy.ts', 'instrumentation.ts', 'auth.ts'];
const STAMP = path.join(ROOT, '.next', 'newsroom-build-stamp');

function* walk(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (!/\.test\.tsx?$/.test(entry.name)) yield full;
  }
}

// Baked into the build: the build id, and the key that encrypts server-action state and salts
// the action ids. Changing either must rebuild, or instances meant to agree would not.
const BUILD_ENV = ['NEWSROOM_BUILD_ID', 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY'];

/** A digest of everything that goes into the build, plus the database identity. */
export function sourceDigest(identity: string): string {
  const hash = createHash('sha256').update(identity);
  for (const name of BUILD_ENV) hash.update(`${name}=${process.env[name] ?? ''}\0`);
  const files = [
    ...SOURCE_DIRS.flatMap((d) => [...walk(path.join(ROOT, d))]),
    ...SOURCE_FILES.map((f) => path.join(ROOT, f)).filter((f) => existsSync(f) && statSync(f).isFile()),
  ].sort();
  for (const file of files) hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

export function buildIsCurrent(identity: string): boolean {
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID')) || !existsSync(STAMP)) return false;
  return readFileSync(STAMP, 'utf8').trim() === sourceDigest(identity);
}

/** Runs `next build`; on success records the stamp. Resolves with the exit code. */
export async function runBuild(identity: string): Promise<number> {
  const digest = sourceDigest(identity);
  log('Building the site (next build)…');
  const { done } = runForwardingSignals(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  const code = await done;
  if (code === 0) writeFileSync(STAMP, `${digest}\n`);
  return code;
}
