import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { freePort } from '../db/embedded';
import { describeCacheGuarantees, type CandidateHandler } from '../testing/cache-handler-guarantees';
import { deleteKeysWithPrefix } from '../testing/redis';
import RedisCacheHandler, {
  closeRedisCacheConnections,
  decodeEntry,
  encodeEntry,
  entryTags,
  entryTtlSeconds,
  markStale,
  MAX_TTL_SECONDS,
  RECORD_REVALIDATIONS,
  revalidationMode,
  tagVerdict,
} from './redis-cache-handler.mjs';

type Handler = InstanceType<typeof RedisCacheHandler>;
type GetContext = Parameters<Handler['get']>[1];
type SetContext = Parameters<Handler['set']>[2];
type Value = Parameters<Handler['set']>[1];

const PAGE_GET = { kind: 'APP_PAGE', isFallback: false } as unknown as GetContext;
const PAGE_SET = { cacheControl: { revalidate: 120, expire: 3600 } } as unknown as SetContext;
const KEY = '/route-cache/app-page/abc/$/bai-viet/mot-bai';

/** A page value as Next hands it to `set`: HTML, the RSC payload and segment data as Buffers. */
function pageValue(title: string, tags = '_N_T_/layout,_N_T_/bai-viet/[slug]/page,_N_T_/bai-viet/mot-bai'): Value {
  return {
    kind: 'APP_PAGE',
    html: `<h1>${title}</h1>`,
    rscData: Buffer.from([0, 1, 2, 255, 254]),
    headers: { 'x-next-cache-tags': tags },
    postponed: undefined,
    status: 200,
    segmentData: new Map([['/_tree', Buffer.from([9, 8, 7])]]),
  } as unknown as Value;
}

describe('tag verdicts, as Next decides them', () => {
  const records = (entries: [string, { stale?: number; expired?: number }][]) => new Map(entries);

  it('expires an entry stored before the tag expired, and only once that time has come', () => {
    expect(tagVerdict(['a'], 1_000, records([['a', { expired: 2_000 }]]), 3_000)).toBe('expired');
    expect(tagVerdict(['a'], 2_500, records([['a', { expired: 2_000 }]]), 3_000)).toBe('fresh');
    // A future expiry (revalidateTag with an `expire`) has not come yet.
    expect(tagVerdict(['a'], 1_000, records([['a', { expired: 5_000 }]]), 3_000)).toBe('fresh');
    expect(tagVerdict(['x', 'a'], 1_000, records([['a', { expired: 2_000 }]]), 3_000)).toBe('expired');
    expect(tagVerdict([], 1_000, records([['a', { expired: 2_000 }]]), 3_000)).toBe('fresh');
  });

  it('marks an entry stale when a tag was marked stale after it was stored', () => {
    expect(tagVerdict(['a'], 1_000, records([['a', { stale: 2_000, expired: 9_000 }]]), 3_000)).toBe('stale');
    expect(tagVerdict(['a'], 2_500, records([['a', { stale: 2_000 }]]), 3_000)).toBe('fresh');
  });

  it('reads page tags from the stored header, fetch tags from the lookup', () => {
    expect(entryTags(pageValue('x', '_N_T_/layout,_N_T_/'), PAGE_GET)).toEqual(['_N_T_/layout', '_N_T_/']);
    expect(entryTags(null, PAGE_GET)).toEqual([]);
    const fetchGet = { kind: 'FETCH', tags: ['t'], softTags: ['_N_T_/x'] } as unknown as GetContext;
    expect(entryTags(null, fetchGet)).toEqual(['t', '_N_T_/x']);
  });

  it('makes a stale page look due to Next, or regenerate first when it has no revalidate time', () => {
    const entry = { lastModified: 10_000, value: pageValue('x'), cacheControl: { revalidate: 120, expire: 3600 } };
    expect(markStale(entry, PAGE_GET, 100_000)?.lastModified).toBe(100_000 - 120_000 - 1);
    const forever = { ...entry, cacheControl: { revalidate: false as const, expire: undefined } };
    expect(markStale(forever, PAGE_GET, 100_000)?.lastModified).toBe(-1);
  });
});

describe('stored entries', () => {
  it('keep Buffers and the Map of segment data byte for byte', () => {
    const value = pageValue('Tiêu đề');
    const decoded = decodeEntry(encodeEntry({ format: 1, lastModified: 42, cacheControl: { revalidate: 120, expire: 3600 }, value }));
    expect(decoded).toEqual({ format: 1, lastModified: 42, cacheControl: { revalidate: 120, expire: 3600 }, value });
    const page = decoded?.value as unknown as { rscData: Buffer; segmentData: Map<string, Buffer> };
    expect(Buffer.isBuffer(page.rscData)).toBe(true);
    expect(page.segmentData.get('/_tree')).toEqual(Buffer.from([9, 8, 7]));
  });

  it('read anything else as a miss', () => {
    expect(decodeEntry(Buffer.from('not v8'))).toBeNull();
    expect(decodeEntry(encodeEntry({ format: 0, lastModified: 1, value: null }))).toBeNull();
  });

  it('live until their expire time, capped', () => {
    expect(entryTtlSeconds({ revalidate: 120, expire: 3600 })).toBe(3600);
    expect(entryTtlSeconds({ revalidate: false, expire: undefined })).toBe(MAX_TTL_SECONDS);
    expect(entryTtlSeconds(undefined)).toBe(MAX_TTL_SECONDS);
    expect(entryTtlSeconds({ revalidate: 1, expire: 0 })).toBe(0);
  });

  it('encode revalidations as the Lua script expects them', () => {
    expect(revalidationMode(undefined)).toBe('now');
    expect(revalidationMode({})).toBe('stale');
    expect(revalidationMode({ expire: 60 })).toBe('60000');
  });
});

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether something answers on the Redis port (the suite skips the Redis part otherwise). */
async function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379), timeout: 500 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

const redisUp = await reachable(REDIS_URL);
const prefix = `newsroom-test-${process.pid}-${Date.now().toString(36)}:`;
const dirs: string[] = [];

/** A `.next/server` dir whose BUILD_ID is `buildId`. */
function serverDistDir(buildId: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-cache-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'server'));
  writeFileSync(path.join(dir, 'BUILD_ID'), `${buildId}\n`);
  return path.join(dir, 'server');
}

function handler(dist: string): Handler {
  return new RedisCacheHandler({ serverDistDir: dist, revalidatedTags: [], _requestHeaders: {} });
}

afterAll(async () => {
  await closeRedisCacheConnections();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  if (!redisUp) return;
  const redis = new Redis(REDIS_URL);
  await deleteKeysWithPrefix(redis, prefix);
  await redis.quit();
});

describe.skipIf(!redisUp)(`the handler against Redis at ${REDIS_URL}`, () => {
  beforeEach(() => {
    vi.stubEnv('REDIS_URL', REDIS_URL);
    vi.stubEnv('REDIS_PREFIX', prefix);
    return () => vi.unstubAllEnvs();
  });

  // What any shared handler must do (A's pages on B, publishes, 404s, build ids, outages) is in
  // the guarantee suite at the end of this file; these are the details of ours.
  it('serves a page stale after revalidateTag with a profile, until its expiry comes', async () => {
    const dist = serverDistDir('build-four');
    await handler(dist).set(KEY, pageValue('Cũ', 'chuyen-muc'), PAGE_SET);
    await new Promise((r) => setTimeout(r, 2));
    await handler(dist).revalidateTag(['chuyen-muc'], { expire: 3600 });
    const stale = await handler(dist).get(KEY, PAGE_GET);
    expect(stale?.value).toEqual(pageValue('Cũ', 'chuyen-muc'));
    expect(stale?.lastModified).toBeLessThan(Date.now() - 120_000);
  });

  it('keeps the latest revalidation when an older one arrives late (a retry, a slow instance)', async () => {
    const tagsKey = `${prefix}tags`;
    await handler(serverDistDir('build-five')).revalidateTag('late');
    const redis = new Redis(REDIS_URL);
    try {
      const recorded = JSON.parse((await redis.hget(tagsKey, 'late')) ?? '{}') as { at: number; expired: number };
      expect(recorded.expired).toBe(recorded.at);
      await redis.eval(RECORD_REVALIDATIONS, 1, tagsKey, recorded.at - 5_000, 'now', 'late');
      expect(JSON.parse((await redis.hget(tagsKey, 'late')) ?? '{}')).toEqual(recorded);
      await redis.eval(RECORD_REVALIDATIONS, 1, tagsKey, recorded.at + 5_000, 'stale', 'late');
      expect(JSON.parse((await redis.hget(tagsKey, 'late')) ?? '{}')).toEqual({ at: recorded.at + 5_000, stale: recorded.at + 5_000, expired: recorded.at });
    } finally {
      await redis.quit();
    }
  });
});

/** A throwaway redis-server of this test's own, which it can stop and start again. */
function ownRedis(port: number): { stop: () => Promise<void> } {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;

describe.skipIf(!hasRedisServer)('through an outage of its own redis-server', () => {
  it('keeps a revalidation made while Redis is down and records it, with its time, once Redis is back', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    vi.stubEnv('REDIS_URL', url);
    vi.stubEnv('REDIS_PREFIX', prefix);
    const quiet = [vi.spyOn(console, 'warn').mockImplementation(() => {}), vi.spyOn(console, 'log').mockImplementation(() => {})];
    let server = ownRedis(port);
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => 50 });
    probe.on('error', () => {});
    try {
      await waitForPing(probe);
      const dist = serverDistDir('build-outage');
      await handler(dist).set(KEY, pageValue('Trước sự cố'), PAGE_SET);
      expect(await handler(dist).get(KEY, PAGE_GET)).not.toBeNull();

      await server.stop();
      const before = Date.now();
      await handler(dist).revalidateTag('_N_T_/bai-viet/mot-bai');
      const after = Date.now();
      expect(await handler(dist).get(KEY, PAGE_GET)).toBeNull();

      server = ownRedis(port);
      await waitForPing(probe);
      const recorded = await waitUntil(async () => probe.hget(`${prefix}tags`, '_N_T_/bai-viet/mot-bai'), 15_000);
      const record = JSON.parse(recorded) as { at: number; expired: number };
      expect(record.expired).toBe(record.at);
      // The time of the revalidation itself, not of the replay.
      expect(record.at).toBeGreaterThanOrEqual(before);
      expect(record.at).toBeLessThanOrEqual(after);
    } finally {
      probe.disconnect();
      await server.stop();
      // Its connection would go on retrying the stopped server (and say so) during later tests.
      await closeRedisCacheConnections();
      for (const spy of quiet) spy.mockRestore();
      vi.unstubAllEnvs();
    }
  }, 30_000);
});

async function waitUntil<T>(probe: () => Promise<T | null | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function waitForPing(redis: Redis): Promise<void> {
  await waitUntil(async () => {
    if (redis.status === 'wait' || redis.status === 'end') await redis.connect().catch(() => {});
    return (await redis.ping()) === 'PONG' ? true : null;
  }, 10_000);
}

describe('with Redis unreachable', () => {
  it('misses, stores nothing, keeps revalidations for later and says so once — never throws', async () => {
    vi.stubEnv('REDIS_URL', 'redis://127.0.0.1:1');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const dist = serverDistDir('build-down');
      const down = handler(dist);
      expect(await down.get(KEY, PAGE_GET)).toBeNull();
      await expect(down.set(KEY, pageValue('x'), PAGE_SET)).resolves.toBeUndefined();
      expect(await handler(dist).get(KEY, PAGE_GET)).toBeNull();
      await expect(down.revalidateTag('_N_T_/')).resolves.toBeUndefined();
      const lines = warn.mock.calls.map((call) => String(call[0]));
      expect(lines.filter((line) => line.includes('Redis cache unreachable'))).toHaveLength(1);
      expect(lines.some((line) => line.includes('retried when Redis is back'))).toBe(true);
    } finally {
      warn.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});

describeCacheGuarantees({
  name: 'lib/redis-cache-handler.mjs',
  modulePath: fileURLToPath(new URL('./redis-cache-handler.mjs', import.meta.url)),
  create: (serverDistDir) => handler(serverDistDir) as unknown as CandidateHandler,
  // Tag records are shared by every build, so an old instance's revalidation reaches new ones.
  sharedAcrossBuilds: (keyPrefix) => [`${keyPrefix}tags`],
  oneBuildPerProcess: false,
  close: closeRedisCacheConnections,
});
