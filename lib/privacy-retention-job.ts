// The daily retention run (issue 16), started by instrumentation.ts beside scheduled publishing
// and on the same timer (lib/publish-due-job.ts startRepeatingJob): every instance looks every
// RETENTION_INTERVAL_MS, and the day's run happens once across all of them, claimed by a row
// insert in the database (db/writes/privacy-retention.ts). A look once the day's run is done is
// one INSERT … ON CONFLICT that writes nothing. No route is involved, unlike scheduled publishing:
// nothing public changes (rejected comments and phone numbers are never shown), so nothing is
// revalidated. The database side is given to it: lib/ does not import db/.
import { startRepeatingJob, type RepeatingJob } from './publish-due-job';
import type { RetentionCounts } from './privacy-retention';

/** How often each instance checks whether today's run has happened (and does it if not). */
export const RETENTION_INTERVAL_MS = 10 * 60 * 1000;

const log = (line: string) => console.log(`[newsroom] ${line}`);

type RunOnce = (signal: AbortSignal) => Promise<{ ran: false } | { ran: true; runDate: string; counts: RetentionCounts }>;

/** One line for a finished run, for the server log and the shell command. */
export function describeRetentionRun(runDate: string, counts: RetentionCounts): string {
  return (
    `Retention run for ${runDate}: ${counts.phonesErased} phone number(s) and ${counts.addressHashesErased} address hash(es) erased, ` +
    `${counts.commentsDeleted} rejected/spam comment(s) deleted, ${counts.rateLimitHitsDeleted} rate-limit hit(s) and ` +
    `${counts.viewReadersDeleted} view reader(s) removed.`
  );
}

const JOB = Symbol.for('newsroom.privacyRetentionJob');
const holder = globalThis as unknown as { [JOB]?: RepeatingJob };

/**
 * Starts this process's retention timer, once (a second call, after a hot reload say, keeps the
 * first). SIGTERM/SIGINT stop it between two batches, the day's claim released for another
 * instance, before the launcher closes the database pool.
 */
export function startPrivacyRetentionJob(load: () => Promise<RunOnce>, options: { intervalMs?: number } = {}): RepeatingJob {
  const existing = holder[JOB];
  if (existing) return existing;
  const controller = new AbortController();
  let runOnce: RunOnce | undefined;
  const job = startRepeatingJob({
    name: 'Personal data retention',
    intervalMs: options.intervalMs ?? RETENTION_INTERVAL_MS,
    run: async () => {
      runOnce ??= await load();
      const result = await runOnce(controller.signal);
      if (result.ran) log(describeRetentionRun(result.runDate, result.counts));
    },
  });
  const stop = () => {
    controller.abort();
    job.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    delete holder[JOB];
  };
  function onSignal(signal: NodeJS.Signals) {
    stop();
    // As in startPublishDueJob: with nobody else listening, raise it again for Node's default.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  }
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  holder[JOB] = { stop };
  return holder[JOB];
}
