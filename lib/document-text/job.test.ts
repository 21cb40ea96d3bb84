// The job's loop (lib/document-text/job.ts) with in-memory work: back to back while there is a
// backlog, one at a time, idle waits, failure logging, sweeps, and a stop that aborts the
// extraction under way. The real work against PostgreSQL is db/writes/document-text.test.ts.
import { describe, expect, it } from 'vitest';
import { describeOutcome, runTextJob, type TextJobOutcome } from './job';

function queue(ids: number[], options: { msEach?: number; failFirst?: number } = {}) {
  const pending = [...ids];
  let running = 0;
  let most = 0;
  let failures = options.failFirst ?? 0;
  const done: number[] = [];
  const sweeps: number[] = [];
  return {
    done,
    sweeps,
    most: () => most,
    work: {
      processNext: async (signal: AbortSignal): Promise<TextJobOutcome | null> => {
        if (failures > 0) {
          failures -= 1;
          throw new Error('database unavailable');
        }
        const id = pending.shift();
        if (id === undefined) return null;
        running += 1;
        most = Math.max(most, running);
        try {
          const aborted = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), options.msEach ?? 1);
            signal.addEventListener('abort', () => {
              clearTimeout(timer);
              resolve(true);
            });
          });
          if (aborted) {
            pending.unshift(id);
            return { id, status: 'pending', attempts: 0, aborted: true };
          }
          done.push(id);
          return { id, status: 'done', attempts: 1, pages: 1 };
        } finally {
          running -= 1;
        }
      },
      sweep: async () => {
        sweeps.push(Date.now());
        return { rows: 0, objects: 0 };
      },
    },
  };
}

describe('runTextJob', () => {
  it('drains a backlog back to back, one file at a time, then waits', async () => {
    const q = queue([1, 2, 3, 4, 5]);
    const lines: string[] = [];
    const started = Date.now();
    const job = runTextJob(q.work, { idleMs: 60_000, sweepFirstMs: 0, log: (line) => lines.push(line) });
    await job.idle();
    expect(Date.now() - started).toBeLessThan(1_000); // no idle wait between files
    expect(q.done).toEqual([1, 2, 3, 4, 5]);
    expect(q.most()).toBe(1);
    expect(q.sweeps).toHaveLength(1);
    expect(lines).toContain('Document file 3: text of 1 page(s) indexed.');
    await job.stop();
  });

  it('logs a streak of failures once, and once more when it works again', async () => {
    const q = queue([7], { failFirst: 3 });
    const lines: string[] = [];
    const job = runTextJob(q.work, { idleMs: 5, sweepFirstMs: 60_000, log: (line) => lines.push(line) });
    while (q.done.length === 0) await new Promise((r) => setTimeout(r, 5));
    await job.stop();
    expect(lines.filter((l) => l.includes('failed (database unavailable)'))).toHaveLength(1);
    expect(lines).toContain('Document text extraction: working again.');
  });

  it('stop() aborts the extraction under way and resolves once it has been handed back', async () => {
    const q = queue([9], { msEach: 60_000 });
    const lines: string[] = [];
    const job = runTextJob(q.work, { idleMs: 5, sweepFirstMs: 60_000, log: (line) => lines.push(line) });
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await job.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(q.done).toEqual([]);
    expect(lines).toEqual(['Document file 9: extraction stopped by shutdown, left pending.']);
  });

  it('describes every outcome', () => {
    expect(describeOutcome({ id: 1, status: 'no_text', attempts: 1, pages: 3 })).toBe('Document file 1: no text layer (3 page(s)).');
    expect(describeOutcome({ id: 2, status: 'pending', attempts: 2, error: 'timed out after 120 s' })).toBe(
      'Document file 2: attempt 2 failed (timed out after 120 s), will retry.',
    );
    expect(describeOutcome({ id: 3, status: 'failed', attempts: 1, error: 'PDF có mật khẩu' })).toBe('Document file 3: failed: PDF có mật khẩu.');
  });
});
