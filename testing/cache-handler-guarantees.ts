// The guarantees a Redis cache handler must keep for Newsroom, as one suite that runs against
// any handler with Next's CacheHandler interface: ours (lib/redis-cache-handler.test.ts) and the
// library issue 14 asked us to adopt (e2e/cluster/fortedigital-cache-handler.test.ts). The
// handlers are driven as Next drives them (one object per request, `get`/`set`/`revalidateTag`
// with Next 16.4's contexts), against a redis-server of the suite's own on a free port, which it
// stops and starts for the outage tests. Two instances are two handler objects: every guarantee
// below goes through Redis, and neither handler keeps pages in memory.
//
// A candidate may declare guarantees it is known to fail: the test then asserts the documented
// failure (what the handler does instead), so it stays green in CI and turns red, with a message,
// the day a new version keeps the guarantee.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../db/embedded';

/** The part of Next's CacheHandler interface the site's pages use. */
export type CandidateHandler = {
  get(key: string, ctx: never): Promise<{ lastModified?: number; value: unknown } | null>;
  set(key: string, value: never, ctx: never): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
};

export type Guarantee = 'revalidation-during-outage' | 'first-request-after-start' | 'revalidation-cost-bounded';

export type Candidate = {
  name: string;
  /** The module Next would load (`cacheHandler`), for a freshly started instance in a child process. */
  modulePath: string;
  /** A handler as Next makes one for a request, on an instance whose build dir is `serverDistDir`. */
  create(serverDistDir: string): CandidateHandler;
  /** Keys the handler keeps without the build id, on purpose (tag records shared by builds). */
  sharedAcrossBuilds(prefix: string): string[];
  /** Whether handlers of two builds can live in one process (false: the build is read once). */
  oneBuildPerProcess: boolean;
  /** Closes the connections it opened. */
  close(): Promise<void>;
  /** Guarantees it fails, each with the observed behaviour the test asserts instead. */
  knownFailures?: Partial<Record<Guarantee, string>>;
};

export const BUILD_ID = 'guarantees-build';
export const PAGE_GET = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false } as never;
const PAGE_SET = { cacheControl: { revalidate: 120, expire: 3600 }, isRoutePPREnabled: false, isFallback: false } as never;
const MAX_TTL_SECONDS = 30 * 24 * 3600;

/** Next's route-cache key of an article page, as Next 16.4 hands it to a handler. */
export const articleKey = (slug: string) => `/route-cache/app-page/abc/$/bai-viet/${slug}`;

/** An article page as Next hands it to `set`: HTML, the RSC payload and segment data as Buffers. */
export function articlePage(slug: string, title: string, status = 200): never {
  return {
    kind: 'APP_PAGE',
    html: `<h1>${title}</h1>`,
    rscData: Buffer.from([0, 1, 2, 255, 254]),
    headers: { 'x-next-cache-tags': `_N_T_/layout,_N_T_/bai-viet/layout,_N_T_/bai-viet/[slug]/page,_N_T_/bai-viet/${slug}` },
    postponed: undefined,
    status,
    segmentData: new Map([['/_tree', Buffer.from([9, 8, 7])]]),
  } as never;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil<T>(probe: () => Promise<T | null | undefined>, timeoutMs: number): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) return null;
    await pause(100);
  }
}

/**
 * A throwaway redis-server of the suite's own, which it can stop and start again on one port.
 * It keeps its data through a restart (an append-only file in `dir`), as a Redis that was only
 * unreachable for a while does: what was stored before the outage is still there after it.
 */
class OwnRedis {
  private child: ReturnType<typeof spawn> | undefined;
  private exited: Promise<void> = Promise.resolve();
  constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  async start(): Promise<void> {
    const options = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', this.dir];
    const child = spawn('redis-server', options, { stdio: 'ignore' });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    // Never outlive the test process, even when its worker is torn down before afterAll.
    const orphan = () => child.kill('SIGKILL');
    process.once('exit', orphan);
    child.once('exit', () => process.off('exit', orphan));
    const probe = new Redis(this.port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => 50 });
    probe.on('error', () => {});
    const up = await waitUntil(async () => {
      if (probe.status === 'wait' || probe.status === 'end') await probe.connect().catch(() => {});
      return (await probe.ping()) === 'PONG' ? true : null;
    }, 10_000);
    probe.disconnect();
    if (!up) throw new Error(`redis-server did not start on port ${this.port}`);
  }

  async stop(): Promise<void> {
    this.child?.kill('SIGTERM');
    await this.exited;
  }
}

/**
 * A Redis slow to accept: a TCP proxy that holds each new connection `delayMs` before it passes
 * bytes on, as a Redis across a network (TLS, another zone, a busy server) may. Resolves with its port.
 */
async function distantRedis(port: number, delayMs: number): Promise<{ port: number; close: () => void }> {
  const proxy = net.createServer((client) => {
    client.pause();
    setTimeout(() => {
      const upstream = net.connect(port, '127.0.0.1');
      client.pipe(upstream).pipe(client);
      client.resume();
      const end = () => (client.destroy(), upstream.destroy());
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    }, delayMs);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
  return { port: (proxy.address() as net.AddressInfo).port, close: () => proxy.close() };
}

/** What a freshly started process reads at its first request, and a second later: the page's HTML, or null. */
async function readsOfANewProcess(modulePath: string, env: Record<string, string>, serverDistDir: string, key: string): Promise<(string | null)[]> {
  const code = `
    const { default: Handler } = await import(${JSON.stringify(pathToFileURL(modulePath).href)});
    const handler = new Handler({ serverDistDir: ${JSON.stringify(serverDistDir)}, dev: false, revalidatedTags: [], _requestHeaders: {} });
    const read = async () => (await handler.get(${JSON.stringify(key)}, { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false }))?.value?.html ?? null;
    const first = await read();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    process.stdout.write(JSON.stringify([first, await read()]));
    process.exit(0);`;
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, ['--input-type=module', '-e', code], { env: { ...process.env, ...env }, timeout: 30_000 }, (error, out) =>
      error ? reject(error) : resolve(out),
    ),
  );
  return JSON.parse(stdout) as (string | null)[];
}

/** Keys, and fields of hashes, held by the server: what a flood of misses must not grow. */
async function footprint(redis: Redis): Promise<{ keys: string[]; fields: number }> {
  const keys = (await redis.keys('*')).sort();
  let fields = 0;
  for (const key of keys) if ((await redis.type(key)) === 'hash') fields += await redis.hlen(key);
  return { keys, fields };
}

export const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;

export function describeCacheGuarantees(candidate: Candidate): void {
  const known = candidate.knownFailures ?? {};
  const prefix = `newsroom-guarantees-${process.pid}:`;
  const dirs: string[] = [];
  let server: OwnRedis;
  let inspect: Redis;

  /** A `.next/server` dir whose BUILD_ID is `buildId`: one instance of that build. */
  function instance(buildId = BUILD_ID): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-guarantees-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'server'));
    writeFileSync(path.join(dir, 'BUILD_ID'), `${buildId}\n`);
    return path.join(dir, 'server');
  }

  /** Waits until what one instance stores the other reads again (after an outage). */
  async function shared(a: string, b: string): Promise<boolean> {
    const key = articleKey(`tham-do-${Date.now()}`);
    const found = await waitUntil(async () => {
      await candidate.create(a).set(key, articlePage('tham-do', 'Thăm dò'), PAGE_SET);
      return (await candidate.create(b).get(key, PAGE_GET)) ? true : null;
    }, 20_000);
    return found === true;
  }

  describe.skipIf(!hasRedisServer)(`cache guarantees: ${candidate.name}`, () => {
    beforeAll(async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-guarantees-redis-'));
      dirs.push(dir);
      server = new OwnRedis(await freePort(), dir);
      await server.start();
      vi.stubEnv('REDIS_URL', `redis://127.0.0.1:${server.port}`);
      vi.stubEnv('REDIS_PREFIX', prefix);
      inspect = new Redis(server.port, '127.0.0.1', { maxRetriesPerRequest: 1 });
      inspect.on('error', () => {});
      // Both handlers connect on their first use; fortedigital's drops what comes before its
      // connection is ready (ours waits up to 2 s for it). Every test starts connected.
      expect(await shared(instance(), instance())).toBe(true);
    });

    afterAll(async () => {
      await candidate.close();
      inspect?.disconnect();
      await server?.stop();
      vi.unstubAllEnvs();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });

    it('serves a page instance A rendered to instance B, Buffers and segment data intact', async () => {
      const [a, b] = [instance(), instance()];
      await candidate.create(a).set(articleKey('a-sang-b'), articlePage('a-sang-b', 'Bản của A'), PAGE_SET);
      const fromB = await candidate.create(b).get(articleKey('a-sang-b'), PAGE_GET);
      expect(fromB?.value).toEqual(articlePage('a-sang-b', 'Bản của A'));
      const value = fromB?.value as { rscData: unknown; segmentData: Map<string, Buffer> };
      expect(Buffer.isBuffer(value.rscData)).toBe(true);
      expect(value.segmentData.get('/_tree')).toEqual(Buffer.from([9, 8, 7]));
    });

    it('serves A\'s page at the first request of an instance just started, with Redis 500 ms slow to accept', async () => {
      const key = articleKey('ngay-khi-khoi-dong');
      await candidate.create(instance()).set(key, articlePage('ngay-khi-khoi-dong', 'Bản của A'), PAGE_SET);
      // Ours waits up to 2 s for its first connection; 500 ms leaves it room on a slow machine.
      const distant = await distantRedis(server.port, 500);
      try {
        const [first, later] = await readsOfANewProcess(candidate.modulePath, { REDIS_URL: `redis://127.0.0.1:${distant.port}`, REDIS_PREFIX: prefix }, instance(), key);
        const failure = known['first-request-after-start'];
        if (failure) {
          // The documented failure: the new instance's first reads miss, and it renders them itself.
          expect(first, `${candidate.name} now keeps this guarantee: drop the known failure ("${failure}")`).toBeNull();
        } else {
          expect(first).toBe('<h1>Bản của A</h1>');
        }
        // Once connected, the same process reads it: the miss was the start, not the proxy.
        expect(later).toBe('<h1>Bản của A</h1>');
      } finally {
        distant.close();
      }
    });

    it("shows a publish on A to B at B's next read, and serves B's re-render to A", async () => {
      const [a, b] = [instance(), instance()];
      const key = articleKey('xuat-ban');
      await candidate.create(b).set(key, articlePage('xuat-ban', 'Cũ'), PAGE_SET);
      expect(await candidate.create(b).get(key, PAGE_GET)).not.toBeNull();
      await pause(2);
      // What a publish does for the article's own page: revalidatePath('/bai-viet/xuat-ban').
      const started = performance.now();
      await candidate.create(a).revalidateTag(['_N_T_/bai-viet/xuat-ban']);
      const missOnB = await candidate.create(b).get(key, PAGE_GET);
      const took = performance.now() - started;
      console.log(`[guarantees] ${candidate.name}: revalidatePath on A to a miss on B took ${took.toFixed(1)} ms.`);
      // B's very next read misses, so Next renders the new version at once: well within 1 s.
      expect(missOnB).toBeNull();
      await pause(2);
      await candidate.create(b).set(key, articlePage('xuat-ban', 'Mới'), PAGE_SET);
      expect((await candidate.create(a).get(key, PAGE_GET))?.value).toEqual(articlePage('xuat-ban', 'Mới'));
    });

    it('after revalidatePath on A, B misses that page only; the layout path reaches every page', async () => {
      const [a, b] = [instance(), instance()];
      const [one, two] = [articleKey('bai-mot'), articleKey('bai-hai')];
      await candidate.create(b).set(one, articlePage('bai-mot', 'Một'), PAGE_SET);
      await candidate.create(b).set(two, articlePage('bai-hai', 'Hai'), PAGE_SET);
      await pause(2);
      await candidate.create(a).revalidateTag('_N_T_/bai-viet/bai-mot');
      expect(await candidate.create(b).get(one, PAGE_GET)).toBeNull();
      expect((await candidate.create(b).get(two, PAGE_GET))?.value).toEqual(articlePage('bai-hai', 'Hai'));
      await pause(2);
      // revalidatePath('/', 'layout'), what a change of the site's menu does.
      await candidate.create(a).revalidateTag('_N_T_/layout');
      expect(await candidate.create(b).get(two, PAGE_GET)).toBeNull();
    });

    it('keeps a build id in every key that holds a page; another build reads none of them', async () => {
      const key = articleKey('theo-ban-dung');
      await candidate.create(instance()).set(key, articlePage('theo-ban-dung', 'Bản dựng này'), PAGE_SET);
      const keys = await inspect.keys(`${prefix}*`);
      const shared = candidate.sharedAcrossBuilds(prefix);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.filter((k) => !k.includes(BUILD_ID) && !shared.includes(k))).toEqual([]);
      expect(keys.filter((k) => k.includes(key) && k.includes(BUILD_ID))).toHaveLength(1);
      if (!candidate.oneBuildPerProcess) expect(await candidate.create(instance('another-build')).get(key, PAGE_GET)).toBeNull();
    });

    it('adds no key and no hash field for 300 unknown slugs, but lets a 404 replace a stored page', async () => {
      const dir = instance();
      const before = await footprint(inspect);
      for (let i = 0; i < 300; i++) {
        await candidate.create(dir).set(articleKey(`rac-${i}`), articlePage(`rac-${i}`, 'Không tìm thấy trang', 404), PAGE_SET);
      }
      const after = await footprint(inspect);
      expect(after.keys).toEqual(before.keys);
      expect(after.fields).toBe(before.fields);
      expect(await candidate.create(dir).get(articleKey('rac-0'), PAGE_GET)).toBeNull();
      // An article unpublished after it was cached: its 404 replaces the page.
      const key = articleKey('se-go');
      await candidate.create(dir).set(key, articlePage('se-go', 'Bài sẽ gỡ'), PAGE_SET);
      await pause(2);
      await candidate.create(dir).set(key, articlePage('se-go', 'Không tìm thấy trang', 404), PAGE_SET);
      expect((await candidate.create(dir).get(key, PAGE_GET))?.value).toEqual(articlePage('se-go', 'Không tìm thấy trang', 404));
    });

    it('bounds its keys: each page key expires, and records without expiry grow by at most one field per page', async () => {
      const dir = instance();
      const before = await footprint(inspect);
      for (let i = 0; i < 40; i++) await candidate.create(dir).set(articleKey(`gioi-han-${i}`), articlePage(`gioi-han-${i}`, `Bài ${i}`), PAGE_SET);
      const after = await footprint(inspect);
      const added = after.keys.filter((k) => !before.keys.includes(k));
      expect(added.length).toBeGreaterThanOrEqual(40);
      expect(added.length).toBeLessThanOrEqual(40 + 3);
      const forever: string[] = [];
      for (const key of after.keys) {
        const ttl = await inspect.ttl(key);
        if (ttl === -1) forever.push(key);
        else expect(ttl).toBeLessThanOrEqual(MAX_TTL_SECONDS);
      }
      console.log(`[guarantees] ${candidate.name}: keys without expiry: ${forever.map((k) => k.slice(prefix.length)).join(', ') || 'none'}.`);
      for (const key of forever) expect(await inspect.type(key)).toBe('hash');
      expect(after.fields - before.fields).toBeLessThanOrEqual(2 * 40);
    });

    it('revalidates a path with as little Redis traffic when 2,000 pages are cached as when 20 are', async () => {
      const dir = instance();
      const sent = async () => Number(/total_net_output_bytes:(\d+)/.exec(await inspect.info('stats'))?.[1]);
      /** Bytes Redis sent for one revalidatePath, with `pages` more pages cached. */
      const cost = async (run: string, pages: number) => {
        for (let i = 0; i < pages; i += 100) {
          const batch = Array.from({ length: Math.min(100, pages - i) }, (_, j) => `${run}-${i + j}`);
          await Promise.all(batch.map((slug) => candidate.create(dir).set(articleKey(slug), articlePage(slug, slug), PAGE_SET)));
        }
        const before = await sent();
        await candidate.create(instance()).revalidateTag(`_N_T_/bai-viet/${run}-0`);
        return (await sent()) - before;
      };
      const few = await cost('it', 20);
      const many = await cost('nhieu', 2_000);
      console.log(`[guarantees] ${candidate.name}: one revalidatePath made Redis send ${few} bytes with 20 pages cached, ${many} with 2,000 more.`);
      const failure = known['revalidation-cost-bounded'];
      // Each publish makes about eight of these, and the editor waits for all of them.
      if (failure) expect(many, `${candidate.name} now keeps this guarantee: drop the known failure ("${failure}")`).toBeGreaterThan(10 * few);
      else expect(many).toBeLessThan(3 * few);
    });

    it('with Redis down, misses within 3 s and never throws; once Redis is back, shares again', async () => {
      const [a, b] = [instance(), instance()];
      const quiet = [vi.spyOn(console, 'warn').mockImplementation(() => {}), vi.spyOn(console, 'log').mockImplementation(() => {})];
      try {
        const key = articleKey('su-co');
        await candidate.create(a).set(key, articlePage('su-co', 'Trước sự cố'), PAGE_SET);
        await server.stop();
        const started = performance.now();
        expect(await candidate.create(b).get(key, PAGE_GET)).toBeNull();
        const took = performance.now() - started;
        await expect(candidate.create(b).set(key, articlePage('su-co', 'Trong sự cố'), PAGE_SET)).resolves.toBeUndefined();
        await expect(candidate.create(a).revalidateTag('_N_T_/')).resolves.toBeUndefined();
        quiet.forEach((spy) => spy.mockRestore());
        console.log(`[guarantees] ${candidate.name}: a read with Redis down took ${took.toFixed(1)} ms.`);
        expect(took).toBeLessThan(3_000);
        await server.start();
        expect(await shared(a, b)).toBe(true);
      } finally {
        quiet.forEach((spy) => spy.mockRestore());
      }
    }, 60_000);

    it('applies a revalidation made while Redis was down once Redis is back', async () => {
      const [a, b] = [instance(), instance()];
      const quiet = [vi.spyOn(console, 'warn').mockImplementation(() => {}), vi.spyOn(console, 'log').mockImplementation(() => {})];
      const key = articleKey('go-trong-su-co');
      let missed: boolean;
      try {
        await candidate.create(b).set(key, articlePage('go-trong-su-co', 'Bài bị gỡ trong sự cố'), PAGE_SET);
        await pause(2);
        await server.stop();
        // Only once A's client has seen the outage: a command sent before then is queued by
        // ioredis and sent on reconnect, which would test the client's queue, not the handler
        // (on a loaded machine the library passed this test that way).
        const down = await waitUntil(async () => ((await candidate.create(a).get(key, PAGE_GET)) === null ? true : null), 10_000);
        expect(down, 'A still reads the page with Redis stopped').toBe(true);
        // An editor unpublishes the article on A while Redis is down.
        await candidate.create(a).revalidateTag('_N_T_/bai-viet/go-trong-su-co');
        await server.start();
        expect(await shared(a, b)).toBe(true);
        missed = (await waitUntil(async () => ((await candidate.create(b).get(key, PAGE_GET)) === null ? true : null), 5_000)) === true;
      } finally {
        quiet.forEach((spy) => spy.mockRestore());
      }
      const failure = known['revalidation-during-outage'];
      if (failure) {
        // The documented failure: B serves the page from before the outage, as if fresh.
        expect(missed, `${candidate.name} now keeps this guarantee: drop the known failure ("${failure}")`).toBe(false);
        expect((await candidate.create(b).get(key, PAGE_GET))?.value).toEqual(articlePage('go-trong-su-co', 'Bài bị gỡ trong sự cố'));
      } else {
        expect(missed).toBe(true);
      }
    }, 60_000);
  });
}
