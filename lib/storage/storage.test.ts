// Both storage backends against the real thing: a temporary folder, and a real S3-protocol
// server (s3rver) on a free port, stopped to play a store that is down.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { BrokenCircuitError } from 'cockatiel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeS3TestPort, startTestS3, type TestS3 } from '@/testing/s3';
import { directoryStorage } from './directory';
import { s3Storage } from './s3';
import { RangeNotSatisfiable, StorageUnavailable, type Storage, type StoredObject } from './storage';

const bytesOf = async (object: StoredObject | null) => (object ? Buffer.from(await new Response(object.body).arrayBuffer()) : null);

/** Time taken by `run`, which must fail; the failure and the milliseconds are returned. */
async function failure(run: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await run();
  } catch (error) {
    return { error, ms: Math.round(performance.now() - started) };
  }
  throw new Error('expected a failure');
}

let s3: TestS3;
const folder = mkdtempSync(path.join(os.tmpdir(), 'newsroom-storage-'));

beforeAll(async () => {
  s3 = await startTestS3({ bucket: 'storage-contract' });
});

afterAll(async () => {
  await s3?.destroy();
  rmSync(folder, { recursive: true, force: true });
});

const backends: [string, () => Storage][] = [
  ['directory', () => directoryStorage(folder)],
  ['s3', () => s3Storage({ endpoint: s3.url, bucket: s3.bucket, region: 'us-east-1', credentials: s3.credentials })],
];

describe.each(backends)('%s backend', (_name, make) => {
  let store: Storage;
  const bytes = randomBytes(70_001);
  const key = `2026/12/${randomBytes(10).toString('hex')}-640.webp`;

  beforeAll(() => {
    store = make();
  });

  it('gives back the exact bytes put, with their size and a strong ETag that head agrees on', async () => {
    await store.put(key, bytes, 'image/webp');
    const object = await store.get(key);
    expect(object).toMatchObject({ size: bytes.length, range: undefined });
    expect(object!.etag).toMatch(/^"[^"]+"$/);
    expect((await bytesOf(object))!.equals(bytes)).toBe(true);
    const info = await store.head(key);
    expect(info).toEqual({ size: bytes.length, etag: object!.etag, lastModified: expect.any(Date) });
  });

  it('reads a byte range, clamps an end past the object, and refuses a start past it', async () => {
    const part = await store.get(key, { start: 1000, end: 1999 });
    expect(part).toMatchObject({ size: bytes.length, range: { start: 1000, end: 1999 } });
    expect((await bytesOf(part))!.equals(bytes.subarray(1000, 2000))).toBe(true);

    const tail = await store.get(key, { start: bytes.length - 10, end: bytes.length + 500 });
    expect(tail!.range).toEqual({ start: bytes.length - 10, end: bytes.length - 1 });
    expect((await bytesOf(tail))!.equals(bytes.subarray(bytes.length - 10))).toBe(true);

    const refused = await failure(() => store.get(key, { start: bytes.length, end: bytes.length + 5 }));
    expect(refused.error).toBeInstanceOf(RangeNotSatisfiable);
    expect((refused.error as RangeNotSatisfiable).size).toBe(bytes.length);
  });

  it('a missing object is null for get and head, and deleting it is not an error', async () => {
    const missing = `2026/12/${randomBytes(10).toString('hex')}-320.webp`;
    expect(await store.get(missing)).toBeNull();
    expect(await store.get(missing, { start: 0, end: 9 })).toBeNull();
    expect(await store.head(missing)).toBeNull();
    await expect(store.delete(missing)).resolves.toBeUndefined();
  });

  it('replaces an object whole, and deletes it', async () => {
    const other = `2026/12/${randomBytes(10).toString('hex')}-1024.webp`;
    await store.put(other, Buffer.from('phiên bản thứ nhất, dài hơn'), 'image/webp');
    await store.put(other, Buffer.from('bản hai'), 'image/webp');
    expect((await bytesOf(await store.get(other)))!.toString()).toBe('bản hai');
    await store.delete(other);
    expect(await store.get(other)).toBeNull();
    expect(await store.head(other)).toBeNull();
  });

  it('refuses keys that could leave the store', async () => {
    for (const bad of ['../etc/passwd', '2026/../../x', '/abs', 'a//b', 'a/./b', 'khóa có dấu']) {
      await expect(store.put(bad, Buffer.from('x'), 'text/plain')).rejects.toThrow(/Invalid storage key/);
      await expect(store.get(bad)).rejects.toThrow(/Invalid storage key/);
    }
  });
});

describe('directory backend writes atomically', () => {
  it('readers racing many writers of one key only ever see one whole version; no temporary file stays', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'newsroom-storage-atomic-'));
    const store = directoryStorage(root);
    const versions = [randomBytes(1_500_000), randomBytes(900_000)];
    const key = '2026/12/race-1.webp';
    await store.put(key, versions[0]!, 'image/webp');
    const seen = new Set<number>();
    const writes = Array.from({ length: 12 }, (_, i) => store.put(key, versions[i % 2]!, 'image/webp'));
    const reads = Array.from({ length: 24 }, async () => {
      const got = (await bytesOf(await store.get(key)))!;
      const which = versions.findIndex((v) => v.equals(got));
      expect(which, `a read of ${got.length} bytes matched no version`).toBeGreaterThanOrEqual(0);
      seen.add(which);
    });
    await Promise.all([...writes, ...reads]);
    expect(seen.size).toBeGreaterThan(0);
    expect(readdirSync(path.join(root, '2026/12'))).toEqual(['race-1.webp']);
    rmSync(root, { recursive: true, force: true });
  });

  it('a folder that cannot be written is StorageUnavailable, and leaves no file', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'newsroom-storage-broken-'));
    // A file where the year folder should be: mkdir fails (as on a full or unmounted volume).
    writeFileSync(path.join(root, '2026'), 'not a folder');
    const store = directoryStorage(root);
    const { error } = await failure(() => store.put('2026/12/abc-1.webp', Buffer.from('x'), 'image/webp'));
    expect(error).toBeInstanceOf(StorageUnavailable);
    expect(readdirSync(root)).toEqual(['2026']);
    rmSync(root, { recursive: true, force: true });
  });
});

describe('s3 backend when the store is down', () => {
  it('a stopped server is StorageUnavailable for every call, quickly; it serves again once back', async () => {
    const halfOpenAfterMs = 400;
    const store = s3Storage({ endpoint: s3.url, bucket: s3.bucket, region: 'us-east-1', credentials: s3.credentials, failFast: { halfOpenAfterMs } });
    const key = `2026/12/${randomBytes(10).toString('hex')}-640.webp`;
    await store.put(key, Buffer.from('ảnh trước khi kho tắt'), 'image/webp');
    await s3.stop();
    try {
      for (const [operation, run] of [
        ['put', () => store.put(key, Buffer.from('không được lưu'), 'image/webp')],
        ['get', () => store.get(key)],
        ['get range', () => store.get(key, { start: 0, end: 3 })],
        ['head', () => store.head(key)],
        ['delete', () => store.delete(key)],
      ] as const) {
        const { error, ms } = await failure(run);
        console.log(`s3 down (connection refused): ${operation} failed after ${ms} ms: ${(error as Error).message}`);
        expect(error).toBeInstanceOf(StorageUnavailable);
      }
      // Five failures in a row: the circuit is open, and the store is not asked until it half-opens.
      expect(store.failingFast).toBe(true);
    } finally {
      await s3.start();
    }
    await new Promise((resolve) => setTimeout(resolve, halfOpenAfterMs + 50));
    expect((await bytesOf(await store.get(key)))!.toString()).toBe('ảnh trước khi kho tắt');
    expect(store.failingFast).toBe(false);
  });

  it('a hanging store is asked three times, then every call fails at once until one gets through again', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    const listenOn = await freeS3TestPort();
    await new Promise<void>((resolve) => silent.listen(listenOn, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const timeouts = { responseMs: 300, maxAttempts: 1 };
    try {
      const store = s3Storage({ endpoint: `http://127.0.0.1:${port}`, bucket: 'silent', region: 'us-east-1', credentials: s3.credentials, timeouts, failFast: { halfOpenAfterMs: 60_000 } });
      const slow: number[] = [];
      for (let i = 0; i < 3; i++) {
        const { error, ms } = await failure(() => store.get(`2026/12/abc-${i}.webp`));
        expect(error).toBeInstanceOf(StorageUnavailable);
        slow.push(ms);
      }
      const fast: number[] = [];
      for (let i = 0; i < 20; i++) {
        const { error, ms } = await failure(() => (i % 2 ? store.head(`2026/12/def-${i}.webp`) : store.put(`2026/12/def-${i}.webp`, Buffer.from('x'), 'image/webp')));
        expect(error).toBeInstanceOf(StorageUnavailable);
        expect((error as Error).cause).toBeInstanceOf(BrokenCircuitError);
        fast.push(ms);
      }
      console.log(`s3 hanging: the first 3 calls failed after ${slow.join(', ')} ms; the next 20 after at most ${Math.max(...fast)} ms (circuit open, ${sockets.size} connections made in all)`);
      expect(store.failingFast).toBe(true);
      // Only the three timed-out calls reached the store.
      expect(sockets.size).toBeLessThanOrEqual(3);
      expect(Math.max(...fast)).toBeLessThan(Math.min(...slow));
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('a hanging store holds at most 12 calls at once and 4 waiting; the rest fail at once', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    const listenOn = await freeS3TestPort();
    await new Promise<void>((resolve) => silent.listen(listenOn, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const store = s3Storage({ endpoint: `http://127.0.0.1:${port}`, bucket: 'silent', region: 'us-east-1', credentials: s3.credentials, timeouts: { responseMs: 800, maxAttempts: 1 } });
      const started = performance.now();
      const settled: number[] = [];
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          store.get(`2026/12/burst-${i}.webp`).then(
            () => 'answered',
            (error: unknown) => {
              settled.push(performance.now() - started);
              return error instanceof StorageUnavailable ? 'unavailable' : 'other';
            },
          ),
        ),
      );
      const atOnce = settled.filter((ms) => ms < 100).length;
      console.log(`s3 hanging, 40 gets at once: ${atOnce} failed within 100 ms, ${40 - atOnce} waited for the store (${sockets.size} connections)`);
      expect(new Set(results)).toEqual(new Set(['unavailable']));
      expect(atOnce).toBe(40 - 12 - 4);
      // 12 at once, then waiting ones as slots free up, until the circuit opens.
      expect(sockets.size).toBeLessThanOrEqual(12 + 4);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('a missing object or a range past the end does not count against the store', async () => {
    const store = s3Storage({ endpoint: s3.url, bucket: s3.bucket, region: 'us-east-1', credentials: s3.credentials, failFast: { consecutiveFailures: 2 } });
    const key = `2026/12/${randomBytes(10).toString('hex')}-640.webp`;
    await store.put(key, Buffer.from('bốn'), 'image/webp');
    for (let i = 0; i < 5; i++) {
      expect(await store.get(`2026/12/${randomBytes(10).toString('hex')}-1.webp`)).toBeNull();
      expect(await store.head(`2026/12/${randomBytes(10).toString('hex')}-1.webp`)).toBeNull();
      await expect(store.get(key, { start: 100, end: 200 })).rejects.toBeInstanceOf(RangeNotSatisfiable);
    }
    expect(store.failingFast).toBe(false);
    expect((await bytesOf(await store.get(key)))!.toString()).toBe('bốn');
  });

  it('a store that accepts connections but never answers gives up after the response timeout', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    const listenOn = await freeS3TestPort();
    await new Promise<void>((resolve) => silent.listen(listenOn, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const store = s3Storage({ endpoint: `http://127.0.0.1:${port}`, bucket: 'silent', region: 'us-east-1', credentials: s3.credentials });
      const { error, ms } = await failure(() => store.get('2026/12/abc-1.webp'));
      console.log(`s3 hanging (accepts, never answers): get failed after ${ms} ms (${sockets.size} connections): ${(error as Error).message}`);
      expect(error).toBeInstanceOf(StorageUnavailable);
      expect((error as Error).cause).toMatchObject({ name: 'TimeoutError' });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
