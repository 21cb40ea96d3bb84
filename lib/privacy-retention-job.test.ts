import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeRetentionRun, startPrivacyRetentionJob } from './privacy-retention-job';

const COUNTS = { phonesErased: 3, addressHashesErased: 2, commentsDeleted: 1, rateLimitHitsDeleted: 0, viewReadersDeleted: 4 };

describe('startPrivacyRetentionJob', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('looks every interval, loads the database side once, logs only a run that happened, and stops with an aborted signal', async () => {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    const signals: AbortSignal[] = [];
    let looks = 0;
    const load = vi.fn(async () => async (signal: AbortSignal) => {
      signals.push(signal);
      looks += 1;
      return looks === 2 ? { ran: true as const, runDate: '2026-12-03', counts: COUNTS } : { ran: false as const };
    });
    const job = startPrivacyRetentionJob(load, { intervalMs: 1_000 });
    // A second start (a hot reload) keeps the first.
    expect(startPrivacyRetentionJob(load, { intervalMs: 1_000 })).toBe(job);
    await vi.advanceTimersByTimeAsync(3_500);
    expect(looks).toBe(3);
    expect(load).toHaveBeenCalledTimes(1);
    expect(lines).toEqual([`[newsroom] ${describeRetentionRun('2026-12-03', COUNTS)}`]);
    const listeners = process.listenerCount('SIGTERM');
    job.stop();
    expect(signals[0]?.aborted).toBe(true);
    expect(process.listenerCount('SIGTERM')).toBe(listeners - 1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(looks).toBe(3);
    log.mockRestore();
  });

  it('describes a run with every count', () => {
    expect(describeRetentionRun('2026-12-03', COUNTS)).toBe(
      'Retention run for 2026-12-03: 3 phone number(s) and 2 address hash(es) erased, 1 rejected/spam comment(s) deleted, 0 rate-limit hit(s) and 4 view reader(s) removed.',
    );
  });
});
