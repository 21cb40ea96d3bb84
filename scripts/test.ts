// `npm test`: ESLint (rules and import boundaries, eslint.config.mjs), unit and integration tests (Vitest, real PostgreSQL), then end-to-end tests
// (Playwright, real Chromium, against a production build served by `npm start`), then the
// fault tests (fuzz, kill -9, SIGTERM under load, soak) against `npm start` as well, then two
// `npm start` instances sharing pages and revalidations through Redis.
// Without DATABASE_URL the integration and shared-cache tests use an embedded server of their own.
import { ESLint } from 'eslint';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { removeCluster, startEmbeddedPostgres } from '../db/embedded';
import { bin, log, ROOT, runForwardingSignals } from './lib/launch';

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const extra = process.argv.slice(2).filter((a) => !a.startsWith('--only='));
const reports = path.join(ROOT, '.data', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

type Tally = { passed: number; failed: number; skipped: number };
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

/** The server tests create their databases on: DATABASE_URL's, else an embedded one. */
async function testServer(): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { serverUrl: process.env.DATABASE_URL, stop: async () => {} };
  const server = await startEmbeddedPostgres({
    dataDir: path.join(ROOT, '.data', 'test'),
    port: Number(process.env.TEST_PG_PORT ?? 54349),
    log,
  });
  return { serverUrl: server.serverUrl, stop: server.stop };
}

/**
 * ESLint in this process (about ten seconds): one test passed for a clean tree, else one failed
 * per file with a problem. Warnings count too, as in `npm run lint` (`--max-warnings=0`).
 */
async function runLint(): Promise<void> {
  log('Lint (ESLint: Next, typescript-eslint, import boundaries)');
  const eslint = new ESLint({ cwd: ROOT });
  const results = await eslint.lintFiles(only === 'lint' && extra.length > 0 ? extra : ['.']);
  const dirty = results.filter((r) => r.errorCount + r.warningCount > 0);
  if (dirty.length === 0) {
    console.log(`ESLint: ${results.length} files, no problems`);
    tally.passed += 1;
    return;
  }
  const formatter = await eslint.loadFormatter('stylish');
  console.log(await formatter.format(dirty));
  tally.failed += dirty.length;
  exitCode = 1;
}

async function runVitest(): Promise<void> {
  const { serverUrl, stop } = await testServer();
  log(`Unit and integration tests against ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'the embedded PostgreSQL'}`);
  const report = path.join(reports, 'vitest.json');
  const { done } = runForwardingSignals(
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
    { env: { ...process.env, TEST_DATABASE_URL: serverUrl, NODE_ENV: 'test' } },
  );
  const code = await done;
  await stop();
  if (code !== 0) exitCode = code;
  addVitestReport(report, code);
}

function addVitestReport(report: string, code: number): void {
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    tally.passed += json.numPassedTests;
    tally.failed += json.numFailedTests;
    tally.skipped += json.numPendingTests + json.numTodoTests;
  } else if (code !== 0) {
    tally.failed += 1;
  }
}

async function runPlaywright(): Promise<void> {
  // A fresh site for every run: the e2e database is created, migrated and seeded anew.
  removeCluster(path.join(ROOT, '.data', 'e2e'));
  log('End-to-end tests in Chromium against npm start');
  const report = path.join(reports, 'playwright.json');
  const { done } = runForwardingSignals(bin('playwright'), ['test', ...extra], { env: { ...process.env } });
  const code = await done;
  if (code !== 0) exitCode = code;
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    };
    tally.passed += json.stats.expected + json.stats.flaky;
    tally.failed += json.stats.unexpected;
    tally.skipped += json.stats.skipped;
  } else if (code !== 0) {
    tally.failed += 1;
  }
}

/** The fault tests (fuzz, crash, shutdown, soak): Vitest driving `npm start` on a fresh DATA_DIR. */
async function runFaults(soak = false): Promise<void> {
  removeCluster(path.join(ROOT, '.data', 'faults'));
  log(soak ? 'Soak test against npm start' : 'Fault tests against npm start');
  const report = path.join(reports, 'faults.json');
  const { done } = runForwardingSignals(
    bin('vitest'),
    ['run', '--config', 'vitest.faults.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...(soak ? ['e2e/faults/soak.faults.ts'] : []), ...extra],
    { env: { ...process.env, NODE_ENV: 'test' } },
  );
  const code = await done;
  if (code !== 0) exitCode = code;
  addVitestReport(report, code);
}

/**
 * Two `npm start` instances (one build, one database, Redis at TEST_REDIS_URL) serving each
 * other's pages and revalidations. Skipped, saying so, when no Redis answers — except in CI.
 */
async function runCluster(): Promise<void> {
  const { serverUrl, stop } = await testServer();
  log('Shared page cache: two instances of npm start and Redis');
  const report = path.join(reports, 'cluster.json');
  const env: NodeJS.ProcessEnv = { ...process.env, TEST_DATABASE_URL: serverUrl, NODE_ENV: 'test' };
  // The instances get their own REDIS_URL and prefix; one from this shell must not leak in.
  delete env.REDIS_URL;
  delete env.REDIS_PREFIX;
  const { done } = runForwardingSignals(
    bin('vitest'),
    ['run', '--config', 'vitest.cluster.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
    { env },
  );
  const code = await done;
  await stop();
  if (code !== 0) exitCode = code;
  addVitestReport(report, code);
}

if (!only || only === 'lint') await runLint();
if (!only || only === 'vitest') await runVitest();
if (!only || only === 'e2e') await runPlaywright();
if (!only || only === 'faults') await runFaults();
if (only === 'soak') await runFaults(true);
if (!only || only === 'cluster') await runCluster();

console.log(`\nTotal: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(exitCode !== 0 || tally.failed > 0 ? exitCode || 1 : 0);
