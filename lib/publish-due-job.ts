// Scheduled articles go live without anyone visiting: every instance of the app asks itself,
// every few seconds, to publish what is due. Started by instrumentation.ts, so it runs however
// the app is run (`npm start`, `npm run dev`, plain `next start`). The work is done by the
// route /api/jobs/publish-due rather than here, because the pages must be refreshed after a
// publish and revalidatePath works only inside a route handler or a server action: called from
// a timer it throws "Invariant: static generation store missing in revalidatePath(…)".
import { JOB_TOKEN_HEADER, jobToken } from './job-token';

/** How often each instance looks for scheduled articles whose time has come. */
export const PUBLISH_DUE_INTERVAL_MS = 10_000;
const REQUEST_TIMEOUT_MS = 8_000;

const log = (line: string) => console.log(`[newsroom] ${line}`);

export type RepeatingJob = { stop: () => void };
type Environment = Record<string, string | undefined>;

/**
 * Runs `run` every `intervalMs`, each wait starting when the previous run has finished, so runs
 * never overlap; the timer never keeps the process alive. A failure is logged once, when a
 * streak of failures begins (a database outage would otherwise print a line every interval),
 * and once more when a run succeeds again.
 */
export function startRepeatingJob(options: {
  name: string;
  intervalMs: number;
  run: () => Promise<void>;
  log?: (line: string) => void;
}): RepeatingJob {
  const write = options.log ?? log;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let failing = false;

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void tick(), options.intervalMs);
    timer.unref();
  };
  const tick = async () => {
    timer = undefined;
    try {
      await options.run();
      if (failing) write(`${options.name}: working again.`);
      failing = false;
    } catch (error) {
      if (!failing) {
        const reason = error instanceof Error ? error.message : String(error);
        write(`${options.name} failed (${reason}); trying again every ${options.intervalMs / 1000} s, silently until it works.`);
      }
      failing = true;
    }
    schedule();
  };

  schedule();
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** This server's own address for a request from inside it: loopback unless bound to one address. */
export function ownOrigin(environment: Environment): string {
  // `next start` and `next dev` set PORT to the port they listen on before register() runs;
  // the launcher (scripts/start.ts) listens on PORT, 3000 when unset.
  const port = Number(environment.PORT) || 3000;
  const host = environment.HOST;
  const address = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

/** One run: asks this very server to publish what is due, and says what went live. */
async function publishDue(url: string, token: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { [JOB_TOKEN_HEADER]: token },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(response.status === 503 ? 'database unavailable' : `HTTP ${response.status}`);
  }
  const { published } = (await response.json()) as { published: string[] };
  if (published.length > 0) log(`Published on schedule: ${published.join(', ')}`);
}

const JOB = Symbol.for('newsroom.publishDueJob');
const holder = globalThis as unknown as { [JOB]?: RepeatingJob };

/**
 * Starts the scheduled-publishing timer of this server process, once (a second call, say after
 * a hot reload, keeps the first). It stops on SIGTERM/SIGINT, so that no run begins while the
 * server drains and closes its database pool.
 */
export function startPublishDueJob(environment: Environment = process.env): void {
  if (holder[JOB]) return;
  const secret = environment.AUTH_SECRET;
  if (!secret) {
    log('AUTH_SECRET is not set: scheduled articles will not be published on time.');
    return;
  }
  const url = `${ownOrigin(environment)}/api/jobs/publish-due`;
  const token = jobToken(secret, 'publish-due');
  const job = startRepeatingJob({ name: 'Scheduled publishing', intervalMs: PUBLISH_DUE_INTERVAL_MS, run: () => publishDue(url, token) });
  holder[JOB] = job;

  const onSignal = (signal: NodeJS.Signals) => {
    job.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // Listening to a signal replaces Node's default (exit). When nobody else handles it (Next's
    // own handlers turned off with NEXT_MANUAL_SIG_HANDLE, say), raise it again for the default.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
