// Graceful shutdown: SIGTERM while readers and comment posters are busy. Requests already in
// flight get their answers, the process exits by itself within 10 s, and every comment that
// was acknowledged is in the database when the site comes back.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commentTargets, DATA_DIR, request, startSite, storedComments, writeLoad, type Site } from './site';

const PORT = 3412;
const PG_PORT = 54369;
const READERS = 60;
const PREFIX = `sigterm-${Date.now().toString(36)}`;

type Sent = { started: number; ended?: number; status?: number; error?: string };

describe('SIGTERM under load', () => {
  let site: Site | undefined;
  afterAll(async () => {
    await site?.stop();
  });

  it('finishes in-flight requests, exits within 10 s and loses no acknowledged write', async () => {
    site = await startSite({ port: PORT, pgPort: PG_PORT });
    const running = site;
    const targets = await commentTargets(running, 6);
    const pages = ['/', ...targets.map((t) => t.path), '/tim-kiem?q=ha%20noi', '/tim-kiem?q=giao%20th%C3%B4ng', '/rss.xml'];
    // A connection per request: "in flight" then means the server has the request.
    const agent = new http.Agent({ keepAlive: false });
    const sent: Sent[] = [];
    let reading = true;
    const reader = async (n: number) => {
      for (let i = n; reading; i++) {
        const entry: Sent = { started: performance.now() };
        sent.push(entry);
        try {
          const reply = await request(`${running.url}${pages[i % pages.length]}`, { agent, timeoutMs: 15_000 });
          entry.status = reply.status;
        } catch (error) {
          entry.error = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
          if (entry.error === 'ECONNREFUSED') return; // the server has stopped listening
        } finally {
          entry.ended = performance.now();
        }
      }
    };
    const readers = Array.from({ length: READERS }, (_, n) => reader(n));
    const load = writeLoad(running, { targets, posters: 20, prefix: PREFIX });
    await new Promise((r) => setTimeout(r, 5_000));

    const signalled = performance.now();
    const { code, ms } = await running.stop('SIGTERM');
    reading = false;
    await Promise.all(readers);
    await load.stop();

    const inFlight = sent.filter((s) => s.started < signalled - 100 && (s.ended === undefined || s.ended > signalled));
    const dropped = inFlight.filter((s) => s.status === undefined);
    const errors = sent.filter((s) => (s.status ?? 0) >= 500);
    console.log(
      `SIGTERM: exit ${code} after ${Math.round(ms)} ms; ${sent.length} reads, ${inFlight.length} in flight at the signal, ` +
        `${dropped.length} dropped; ${load.acknowledged.size} comments acknowledged; ${JSON.stringify(Object.fromEntries(load.statuses))}`,
    );
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(running.output()).toMatch(/Stopped\./);
    expect(dropped).toEqual([]);
    expect(errors).toEqual([]);
    expect(load.statuses.get('comment failed') ?? 0).toBe(0);

    // Back up: every acknowledged comment is there, once.
    site = await startSite({ port: PORT, pgPort: PG_PORT });
    const stored = await storedComments(readFileSync(path.join(DATA_DIR, 'database-url'), 'utf8').trim(), PREFIX);
    const missing = [...load.acknowledged].filter((token) => stored.get(token) !== 1);
    expect(missing).toEqual([]);
    expect(load.acknowledged.size).toBeGreaterThan(0);
    expect((await request(`${site.url}/api/health`)).status).toBe(200);
  });
});
