// `npm run documents:index` extracts the text of every PDF still waiting (`text_status =
// 'pending'`), the same way the site's own job does (db/writes/document-text.ts), and prints its
// progress. `-- --again` puts every PDF back in the queue first (after an extractor upgrade, say);
// `-- 57` does file 57 only, whatever its state.
// Works beside a running `npm start` (its embedded database is shared, not started twice): the
// site's job and this tool claim files with the same locks, so no file is extracted twice; the
// files the site takes meanwhile are counted as "done elsewhere". Ctrl-C stops at once, the file
// under way left pending.
import { parseArgs } from 'node:util';
import { prepareDatabase, type PreparedDatabase } from '../db/bootstrap';
import { loadEnvOrExit, log } from './lib/launch';

if (!import.meta.resolve('server-only').endsWith('/empty.js')) {
  console.error('documents:index: run it as "npm run documents:index" (node needs --conditions=react-server)');
  process.exit(1);
}

const { values, positionals } = parseArgs({ options: { again: { type: 'boolean', default: false } }, allowPositionals: true });
const onlyId = positionals[0] === undefined ? undefined : Number(positionals[0]);
if (positionals.length > 1 || (onlyId !== undefined && (!Number.isSafeInteger(onlyId) || onlyId <= 0)) || (onlyId !== undefined && values.again)) {
  console.error('usage: npm run documents:index [-- --again | -- <file id>]');
  process.exit(2);
}

const env = loadEnvOrExit();
let database: PreparedDatabase;
try {
  database = await prepareDatabase(env, { log: () => {}, shareRunning: true });
} catch (error) {
  console.error(`documents:index: ${(error as Error).message}`);
  process.exit(1);
}
process.env.DATABASE_URL = database.url;
const work = await import('../db/writes/document-text');
const { describeOutcome } = await import('../lib/document-text/job');
const { sql } = await import('../db');

const controller = new AbortController();
const interrupt = () => {
  log('Stopping: the file under way stays pending.');
  controller.abort();
};
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);

const counts = new Map<string, number>();
try {
  if (onlyId !== undefined) {
    if ((await work.requeueFiles({ id: onlyId })) === 0) {
      console.error(`documents:index: no document file ${onlyId}`);
      process.exitCode = 1;
    }
  } else if (values.again) {
    log(`${await work.requeueFiles({ all: true })} PDF(s) put back in the queue.`);
  }
  const total = onlyId !== undefined ? (process.exitCode ? 0 : 1) : await work.pendingFileCount();
  if (total === 0 && !process.exitCode) log('Nothing to extract: every file is indexed.');
  let n = 0;
  while (n < total && !controller.signal.aborted) {
    const outcome = await work.processNextFile({ signal: controller.signal, onlyId });
    if (!outcome) break; // the rest is done, or being done, by the site's own job
    if (outcome.aborted) break;
    // A crashed attempt leaves the file pending, to be tried again at once: count it when settled.
    if (outcome.status !== 'pending') n += 1;
    counts.set(outcome.status, (counts.get(outcome.status) ?? 0) + (outcome.status === 'pending' ? 0 : 1));
    log(`${n}/${total} tệp… ${describeOutcome(outcome)}`);
  }
  const summary = [...counts].filter(([, c]) => c > 0).map(([status, c]) => `${c} ${status}`);
  const elsewhere = Math.max(0, total - n);
  log(
    `Done: ${summary.join(', ') || 'nothing'}${elsewhere && !controller.signal.aborted ? `; ${elsewhere} taken by another process (the site's job)` : ''}` +
      `${controller.signal.aborted ? ' (interrupted)' : ''}.`,
  );
} finally {
  await sql.end({ timeout: 5 });
  await database.stop();
}
