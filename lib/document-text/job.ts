// The PDF text job of one server process: started by instrumentation.ts next to scheduled
// publishing, so it runs under `npm start`, plain `next start` and `next dev`. It takes one
// pending file at a time (the extraction itself runs in a capped child process,
// lib/document-text/extract.ts), goes straight on to the next while there is a backlog, looks
// again every few seconds when there is none, and sweeps abandoned uploads now and then. The
// database side is given to it (db/writes/document-text.ts): lib/ does not import db/.
// No route is involved: nothing is revalidated (search pages are dynamic, and a document's page
// shows its files, not their text).

/** Wait between looks while nothing is pending. */
export const TEXT_JOB_IDLE_MS = 5_000;
/** Sweep of abandoned uploads: once this long after start, then at this interval. */
export const SWEEP_FIRST_MS = 60_000;
export const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export type TextJobOutcome = { id: number; status: string; attempts: number; pages?: number | null; error?: string; aborted?: boolean };

export type TextJobWork = {
  /** Extracts one pending file; null when there is none. Must stop promptly when `signal` aborts. */
  processNext: (signal: AbortSignal) => Promise<TextJobOutcome | null>;
  sweep: () => Promise<{ rows: number; objects: number }>;
};

export type TextJob = {
  /** Stops: aborts the extraction under way (its file stays pending) and resolves once all is written. */
  stop: () => Promise<void>;
  /** Resolves when the job has nothing left to do right now (tests, the shell tool). */
  idle: () => Promise<void>;
};

const defaultLog = (line: string) => console.log(`[newsroom] ${line}`);

export function describeOutcome(outcome: TextJobOutcome): string {
  const what =
    outcome.status === 'done'
      ? `text of ${outcome.pages ?? '?'} page(s) indexed`
      : outcome.status === 'no_text'
        ? `no text layer (${outcome.pages ?? '?'} page(s))`
        : outcome.status === 'pending'
          ? outcome.aborted
            ? 'extraction stopped by shutdown, left pending'
            : `attempt ${outcome.attempts} failed (${outcome.error}), will retry`
          : outcome.status === 'failed'
            ? `failed: ${outcome.error}`
            : outcome.status;
  return `Document file ${outcome.id}: ${what}.`;
}

/** Runs the job until stop(). */
export function runTextJob(
  work: TextJobWork,
  options: { idleMs?: number; sweepFirstMs?: number; sweepIntervalMs?: number; log?: (line: string) => void } = {},
): TextJob {
  const log = options.log ?? defaultLog;
  const idleMs = options.idleMs ?? TEXT_JOB_IDLE_MS;
  const controller = new AbortController();
  let stopped = false;
  let failing = false;
  let wake: (() => void) | undefined;
  let idleWaiters: (() => void)[] = [];
  let nextSweep = Date.now() + (options.sweepFirstMs ?? SWEEP_FIRST_MS);

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const loop = async () => {
    while (!stopped) {
      let worked = false;
      try {
        if (Date.now() >= nextSweep) {
          nextSweep = Date.now() + (options.sweepIntervalMs ?? SWEEP_INTERVAL_MS);
          const swept = await work.sweep();
          if (swept.rows > 0) log(`Removed ${swept.rows} abandoned document upload(s) and ${swept.objects} stored file(s).`);
        }
        const outcome = await work.processNext(controller.signal);
        if (outcome) {
          worked = true;
          log(describeOutcome(outcome));
        }
        if (failing) log('Document text extraction: working again.');
        failing = false;
      } catch (error) {
        if (!failing && !stopped) {
          const reason = error instanceof Error ? error.message : String(error);
          log(`Document text extraction failed (${reason}); trying again every ${idleMs / 1000} s, silently until it works.`);
        }
        failing = true;
      }
      if (stopped) break;
      if (!worked) {
        const waiting = idleWaiters;
        idleWaiters = [];
        for (const resolve of waiting) resolve();
        await sleep(idleMs);
      } else {
        // Back to back while there is a backlog, but let the event loop breathe in between.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    for (const resolve of idleWaiters) resolve();
  };

  const running = loop();
  return {
    stop: async () => {
      stopped = true;
      controller.abort();
      wake?.();
      await running;
    },
    idle: () => new Promise<void>((resolve) => idleWaiters.push(resolve)),
  };
}

const JOB = Symbol.for('newsroom.documentTextJob');
const holder = globalThis as unknown as { [JOB]?: TextJob };

/**
 * Starts this process's text job, once (a second call, after a hot reload say, keeps the first).
 * SIGTERM/SIGINT stop it at once: the extraction under way is killed and its file left pending,
 * before the launcher closes the database pool.
 */
export function startDocumentTextJob(load: () => Promise<TextJobWork>): void {
  if (holder[JOB]) return;
  let job: TextJob | undefined;
  let stopped = false;
  const placeholder: TextJob = {
    stop: async () => {
      stopped = true;
      await job?.stop();
    },
    idle: async () => job?.idle(),
  };
  holder[JOB] = placeholder;
  const onSignal = (signal: NodeJS.Signals) => {
    void placeholder.stop().catch(() => {});
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // As lib/publish-due-job.ts: with nobody else handling the signal, raise it again for Node's default.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  load().then(
    (work) => {
      if (!stopped) job = runTextJob(work);
    },
    (error: unknown) => {
      defaultLog(`Document text extraction is off: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
}
