// `npm run privacy:retention` erases commenters' personal data past its time now, the same way
// the site's daily job does (db/writes/privacy-retention.ts), and prints what it erased. It is an
// extra run: the day's scheduled run still happens once (a later run finds less to do).
// `-- --daily` instead runs the day's scheduled run itself, if no instance has done it yet (then
// the site's own job finds it done). Works beside a running `npm start` (its embedded database is
// shared, not started twice); every row erased is locked as it is picked, so a run of the site at
// the same moment never erases or counts an item twice. Ctrl-C stops between two batches.
import { parseArgs } from 'node:util';
import { prepareDatabase, type PreparedDatabase } from '../db/bootstrap';
import { loadEnvOrExit, log } from './lib/launch';

if (!import.meta.resolve('server-only').endsWith('/empty.js')) {
  console.error('privacy:retention: run it as "npm run privacy:retention" (node needs --conditions=react-server)');
  process.exit(1);
}

let daily = false;
try {
  ({ values: { daily } } = parseArgs({ options: { daily: { type: 'boolean', default: false } } }));
} catch {
  console.error('usage: npm run privacy:retention [-- --daily]');
  process.exit(2);
}

const env = loadEnvOrExit();
let database: PreparedDatabase;
try {
  database = await prepareDatabase(env, { log: () => {}, shareRunning: true });
} catch (error) {
  console.error(`privacy:retention: ${(error as Error).message}`);
  process.exit(1);
}
process.env.DATABASE_URL = database.url;
const { runPrivacyRetention } = await import('../db/writes/privacy-retention');
const { describeRetentionRun } = await import('../lib/privacy-retention-job');
const { sql } = await import('../db');

const controller = new AbortController();
const interrupt = () => {
  log('Stopping after the batch under way.');
  controller.abort();
};
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);

try {
  const result = await runPrivacyRetention({ trigger: daily ? 'schedule' : 'manual', signal: controller.signal, instance: `cli:${process.pid}` });
  if (result.ran) {
    log(`Settings: phone numbers and address hashes kept ${result.settings.phoneMonths} month(s), rejected and spam comments ${result.settings.rejectedDays} day(s).`);
    log(describeRetentionRun(result.runDate, result.counts));
  } else if (result.reason === 'already-claimed') {
    log("Today's scheduled run is done, or under way on another instance: nothing to do (run without --daily for an extra run now).");
  } else {
    log(result.reason === 'stopped' ? 'Stopped: what was erased so far stays erased; the rest is left for the next run.' : 'Another instance took the run over; it finishes it.');
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`privacy:retention: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await sql.end({ timeout: 5 });
  await database.stop();
}
