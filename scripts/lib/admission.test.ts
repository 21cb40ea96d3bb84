import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendRequest } from '../../testing/http';
import { admitted, createAdmission } from './admission';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('createAdmission', () => {
  it('lets maxActive in at once and queues the rest, first come first served', async () => {
    const admission = createAdmission({ maxActive: 2, maxWaiting: 10, maxWaitMs: 10_000 });
    const first = await admission.enter();
    const second = await admission.enter();
    const order: number[] = [];
    const third = admission.enter().then((leave) => (order.push(3), leave));
    const fourth = admission.enter().then((leave) => (order.push(4), leave));
    await tick();
    expect(order).toEqual([]);
    expect([admission.active, admission.waiting]).toEqual([2, 2]);

    first?.();
    await tick();
    expect(order).toEqual([3]);
    expect([admission.active, admission.waiting]).toEqual([2, 1]);
    second?.();
    (await third)?.();
    await tick();
    expect(order).toEqual([3, 4]);
    (await fourth)?.();
    expect([admission.active, admission.waiting]).toEqual([0, 0]);
  });

  it('ends a turn once, however often its end is called', async () => {
    const admission = createAdmission({ maxActive: 1, maxWaiting: 10, maxWaitMs: 10_000 });
    const leave = await admission.enter();
    leave?.();
    leave?.();
    expect(admission.active).toBe(0);
    const again = await admission.enter();
    expect(again).not.toBeNull();
    expect(admission.active).toBe(1);
  });

  it('turns a request away at once when the queue is full', async () => {
    const admission = createAdmission({ maxActive: 1, maxWaiting: 1, maxWaitMs: 10_000 });
    const first = await admission.enter();
    const waiting = admission.enter();
    expect(await admission.enter()).toBeNull();
    first?.();
    (await waiting)?.();
    expect(admission.active).toBe(0);
  });

  it('turns a request away when it has waited maxWaitMs, and forgets it', async () => {
    const admission = createAdmission({ maxActive: 1, maxWaiting: 10, maxWaitMs: 30 });
    const first = await admission.enter();
    expect(await admission.enter()).toBeNull();
    expect(admission.waiting).toBe(0);
    first?.();
    expect(admission.active).toBe(0);
  });
});

describe('admitted, in front of a server', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** A server whose handler holds each request until `open()` is called. */
  async function gatedServer(maxWaiting: number) {
    const admission = createAdmission({ maxActive: 1, maxWaiting, maxWaitMs: 10_000 });
    const gates: (() => void)[] = [];
    const served: string[] = [];
    server = createServer((req, res) => {
      void admitted(admission, req, res, async () => {
        served.push(req.url ?? '');
        await new Promise<void>((resolve) => gates.push(resolve));
        res.end(`served ${req.url}`);
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const get = (path: string) => sendRequest({ host: '127.0.0.1', port, path, agent: false });
    const open = async () => {
      while (gates.length === 0) await tick();
      gates.shift()?.();
    };
    return { admission, served, get, open };
  }

  it('serves one request at a time, in order, and answers the one over the queue 503 in Vietnamese', async () => {
    const { admission, served, get, open } = await gatedServer(1);
    const a = get('/a');
    await open();
    const first = await a.reply;
    expect(first.body).toBe('served /a');

    const b = get('/b');
    while (admission.active === 0) await tick();
    const c = get('/c');
    while (admission.waiting === 0) await tick();
    const d = await get('/d').reply;
    expect(d.status).toBe(503);
    expect(d.headers['retry-after']).toBe('5');
    expect(d.body).toContain('Hệ thống đang bận');
    expect(served).toEqual(['/a', '/b']);

    await open();
    expect((await b.reply).body).toBe('served /b');
    await open();
    expect((await c.reply).body).toBe('served /c');
    expect(served).toEqual(['/a', '/b', '/c']);
    expect([admission.active, admission.waiting]).toEqual([0, 0]);
  });

  it('gives up the turn of a client that went away, waiting or being served', async () => {
    const { admission, served, get, open } = await gatedServer(5);
    const a = get('/a');
    a.reply.catch(() => {});
    while (admission.active === 0) await tick();
    const b = get('/b');
    b.reply.catch(() => {});
    while (admission.waiting === 0) await tick();
    b.req.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100)); // the server sees /b's connection close
    a.req.destroy();
    // /a's turn ends when its connection closes; /b is passed over, its client gone.
    while (admission.active > 0) await tick();
    expect(served).toEqual(['/a']);
    const c = get('/c');
    await open(); // the gate /a still holds
    await open();
    expect((await c.reply).body).toBe('served /c');
  });
});
