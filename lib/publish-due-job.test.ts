import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ownOrigin, startRepeatingJob } from './publish-due-job';

describe('startRepeatingJob', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never overlaps itself: the next run waits for the previous one to finish', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const job = startRepeatingJob({
      name: 'Job',
      intervalMs: 1_000,
      log: () => {},
      run: async () => {
        runs += 1;
        running += 1;
        most = Math.max(most, running);
        // Each run takes three intervals.
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        running -= 1;
      },
    });
    await vi.advanceTimersByTimeAsync(10_000);
    job.stop();
    expect(most).toBe(1);
    // At 1 s, 5 s and 9 s: a wait of 1 s after each run of 3 s.
    expect(runs).toBe(3);
  });

  it('logs a failure once per outage, keeps trying, and says when it works again', async () => {
    const lines: string[] = [];
    let down = true;
    let runs = 0;
    const job = startRepeatingJob({
      name: 'Scheduled publishing',
      intervalMs: 1_000,
      log: (line) => lines.push(line),
      run: async () => {
        runs += 1;
        if (down) throw new Error('database unavailable');
      },
    });
    await vi.advanceTimersByTimeAsync(5_500);
    expect(runs).toBe(5);
    expect(lines).toEqual([expect.stringMatching(/^Scheduled publishing failed \(database unavailable\); trying again every 1 s/)]);
    down = false;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('Scheduled publishing: working again.');
    down = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(lines).toHaveLength(3);
    job.stop();
  });

  it('runs no more once stopped, even when stopped during a run', async () => {
    let runs = 0;
    let job: { stop: () => void } | undefined;
    job = startRepeatingJob({
      name: 'Job',
      intervalMs: 1_000,
      log: () => {},
      run: async () => {
        runs += 1;
        job?.stop();
      },
    });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(1);
    job = startRepeatingJob({ name: 'Job', intervalMs: 1_000, log: () => {}, run: async () => void (runs += 1) });
    job.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(1);
  });
});

describe('the timer and the process', () => {
  it('does not keep the process alive', () => {
    const script = `
      const { startRepeatingJob } = await import(${JSON.stringify(path.resolve(import.meta.dirname, 'publish-due-job.ts'))});
      startRepeatingJob({ name: 'Job', intervalMs: 60_000, run: async () => {} });`;
    const started = Date.now();
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('startPublishDueJob', () => {
  it('stops on SIGTERM without taking the signal away from whoever else handles it, or from Node', () => {
    const module = JSON.stringify(path.resolve(import.meta.dirname, 'publish-due-job.ts'));
    const script = (otherListener: boolean) => `
      const { startPublishDueJob } = await import(${module});
      startPublishDueJob({ AUTH_SECRET: 'x'.repeat(40), PORT: '9' });
      ${otherListener ? "process.on('SIGTERM', () => { console.log('other listener'); process.exit(7); });" : ''}
      setInterval(() => {}, 1_000);
      setTimeout(() => process.kill(process.pid, 'SIGTERM'), 100);`;
    const alone = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(false)], { encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
    expect(alone.signal, alone.stderr).toBe('SIGTERM');
    const shared = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(true)], { encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
    expect(shared.status, shared.stderr).toBe(7);
    expect(shared.stdout).toContain('other listener');
  });
});

describe('ownOrigin', () => {
  it('is loopback on the port Next listens on, unless bound to one address', () => {
    expect(ownOrigin({ PORT: '4123' })).toBe('http://127.0.0.1:4123');
    expect(ownOrigin({})).toBe('http://127.0.0.1:3000');
    expect(ownOrigin({ PORT: '80', HOST: '0.0.0.0' })).toBe('http://127.0.0.1:80');
    expect(ownOrigin({ PORT: '80', HOST: '::' })).toBe('http://127.0.0.1:80');
    expect(ownOrigin({ PORT: '80', HOST: '10.0.0.5' })).toBe('http://10.0.0.5:80');
    expect(ownOrigin({ PORT: '80', HOST: '::1' })).toBe('http://[::1]:80');
  });
});
