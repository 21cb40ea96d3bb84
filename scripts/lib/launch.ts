// Pieces shared by the launchers (start, with-db, test): environment, secrets, child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvError, parseEnv, type Env } from '../../lib/env';
import { prepareDatabase, type PreparedDatabase } from '../../db/bootstrap';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const log = (line: string) => console.log(`[newsroom] ${line}`);

/** Parses the environment or exits with one clear line. */
export function loadEnvOrExit(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`[newsroom] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

/** AUTH_SECRET from the environment, else one generated once and kept under DATA_DIR. */
export function ensureAuthSecret(env: Env): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.resolve(env.DATA_DIR, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(33).toString('base64');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  log(`Generated AUTH_SECRET and kept it in ${file}.`);
  return secret;
}

/** The variables the app needs from the launcher, exported into this process's environment. */
export function exportAppEnv(env: Env, database: PreparedDatabase): void {
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET = ensureAuthSecret(env);
  process.env.AUTH_TRUST_HOST ??= 'true';
  process.env.NEWSROOM_DATABASE_IDENTITY = database.identity;
  process.env.DATA_DIR = path.resolve(env.DATA_DIR);
  process.env.MEDIA_DIR ??= path.resolve(env.DATA_DIR, 'media');
  if (database.embedded && !database.sharedWith) {
    // For tools and tests that need the embedded database directly (psql, e2e fixtures).
    writeFileSync(path.resolve(env.DATA_DIR, 'database-url'), `${database.url}\n`, { mode: 0o600 });
  }
}

export function announceSeed(database: PreparedDatabase, env: Env): void {
  const { seed, firstAdmin } = database;
  if (seed.seeded) {
    log(`Seeded ${seed.articles} demo articles.`);
    log(`Demo editor account (shown once): ${seed.editorEmail} / ${seed.editorPassword}`);
  }
  if (firstAdmin?.kind === 'created') log(`Created the first admin account ${firstAdmin.email} from ADMIN_EMAIL.`);
  if (firstAdmin?.kind === 'setup-link') {
    const base = env.SITE_URL ?? `http://localhost:${env.PORT}`;
    log(`No admin account yet. Create one within 24 hours at: ${base}/thiet-lap?token=${firstAdmin.token}`);
    log('(or set ADMIN_EMAIL and ADMIN_PASSWORD, or run: npm run user:create -- --email … --name … --role admin)');
  }
}

export function warnTestCaptcha(env: Env): void {
  if (env.CAPTCHA_TEST_CODE) {
    console.warn('[newsroom] WARNING: CAPTCHA_TEST_CODE is set; every security code accepts it. For automated tests only.');
  }
}

/** With REDIS_URL: where the shared page cache lives, and what instances must agree on. */
export function announceSharedCache(env: Env): void {
  if (!env.REDIS_URL) return;
  log(`Shared page cache in Redis at ${new URL(env.REDIS_URL).host} (keys ${env.REDIS_PREFIX}…).`);
  if (!env.NEWSROOM_BUILD_ID || !env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) {
    log(
      'NEWSROOM_BUILD_ID or NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set: instances share pages and forms only if they run ' +
        'this very .next build; set both, the same everywhere, when each instance builds its own.',
    );
  }
}

/**
 * What every launcher does first: the database up and migrated (exiting with one line if it
 * cannot be), the app's variables exported, and one-time news (seed, first admin) printed.
 * With `shareRunning` (the shell tools), an embedded server that a live `npm start` or with-db
 * runs on DATA_DIR is used as it is, and left running; without it (`npm start`, the build)
 * that is refused.
 */
export async function bootDatabase(env: Env, options: { shareRunning?: boolean } = {}): Promise<PreparedDatabase> {
  let database: PreparedDatabase;
  try {
    database = await prepareDatabase(env, { log, shareRunning: options.shareRunning });
  } catch (error) {
    console.error(`[newsroom] ${(error as Error).message}`);
    process.exit(1);
  }
  exportAppEnv(env, database);
  announceSeed(database, env);
  return database;
}

/** Runs a command with inherited stdio; SIGINT/SIGTERM are passed on to it. Resolves with its exit code. */
export function runForwardingSignals(command: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}): {
  child: ChildProcess;
  done: Promise<number>;
} {
  const child = spawn(command, args, { stdio: 'inherit', cwd: ROOT, env: options.env ?? process.env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const done = new Promise<number>((resolve) => {
    child.on('error', (error) => {
      console.error(`[newsroom] Could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1));
    });
  });
  return { child, done };
}

/** Resolves a binary from node_modules/.bin, falling back to PATH. */
export function bin(name: string): string {
  const local = path.join(ROOT, 'node_modules', '.bin', name);
  return existsSync(local) ? local : name;
}
