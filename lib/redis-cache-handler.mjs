// @ts-check
// Next's incremental cache (ISR pages, route handlers, the fetch cache) kept in Redis, so that
// several `next start` instances serve each other's renders and see each other's
// revalidatePath/revalidateTag. next.config.mjs points `cacheHandler` here only when REDIS_URL
// is set at `next start`; without it Next keeps its own file and memory cache.
//
// Plain JavaScript because Next imports this file at run time, outside its bundle and without
// a TypeScript loader; `// @ts-check` and the JSDoc types keep it under `tsc --noEmit`.
//
// What follows Next's own handler (next/dist/server/lib/incremental-cache/file-system-cache.js
// and tags-manifest.external.js):
// - An entry is what `set` was given (Buffers, the Map of segment data and all) plus the time
//   it was stored (`lastModified`) and its `cacheControl`, so an instance that did not render it
//   serves it with its own lifetime.
// - revalidateTag(tags) with no durations expires the tags now; with durations it marks them
//   stale now and expires them `durations.expire` seconds later. revalidatePath(p) arrives here
//   as the soft tag `_N_T_<p>`.
// - An entry whose tags (for pages and route handlers the `x-next-cache-tags` header, which
//   carries the soft tags; for fetches the tags and soft tags of the lookup) were expired after
//   it was stored is a miss; one marked stale after it was stored is served stale while it
//   regenerates.
// - An error response (a 404 for an unknown slug) never adds a key; it only replaces a page
//   stored under its key (lib/page-cache-handler.mjs says why).
// Entries live under REDIS_PREFIX + build id, so two builds never read each other's pages. Tag
// records are shared by every build: an invalidation made by an old instance during a rolling
// deploy still reaches the new ones.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { Redis } from 'ioredis';
import { isErrorResponse } from './page-cache-handler.mjs';

/**
 * @typedef {import('next/dist/server/lib/incremental-cache').CacheHandler} NextCacheHandler
 * @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerContext} CacheHandlerContext
 * @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerValue} CacheHandlerValue
 * @typedef {import('next/dist/server/response-cache').IncrementalCacheValue} IncrementalCacheValue
 * @typedef {Parameters<NextCacheHandler['get']>[1]} GetContext
 * @typedef {Parameters<NextCacheHandler['set']>[2]} SetContext
 * @typedef {import('next/dist/server/lib/cache-control').CacheControl} CacheControl
 * @typedef {{ at?: number, stale?: number, expired?: number }} TagRecord
 * @typedef {'fresh' | 'stale' | 'expired'} TagVerdict
 * @typedef {{ format: number, lastModified: number, cacheControl?: CacheControl, value: IncrementalCacheValue | null }} StoredEntry
 */

/** Bump when the stored envelope changes; older entries then read as misses. */
const FORMAT = 1;
const DEFAULT_PREFIX = 'newsroom:';
/** Entries with no `expire` (pages that never revalidate, fetches) still leave Redis eventually. */
export const MAX_TTL_SECONDS = 30 * 24 * 3600;
const TAGS_HEADER = 'x-next-cache-tags';

// ─── Pure pieces (unit-tested) ───────────────────────────────────────────────────────────────

/**
 * Whether an entry stored at `lastModified` survives its tags' invalidations — the same
 * comparison as Next's areTagsExpired/areTagsStale: expired when a tag's expiry has come and
 * falls after the entry was stored; stale when a tag was marked stale after it was stored.
 * @param {readonly string[]} tags
 * @param {number} lastModified
 * @param {ReadonlyMap<string, TagRecord>} records
 * @param {number} now
 * @returns {TagVerdict}
 */
export function tagVerdict(tags, lastModified, records, now) {
  let stale = false;
  for (const tag of tags) {
    const record = records.get(tag);
    if (!record) continue;
    if (typeof record.expired === 'number' && record.expired <= now && record.expired > lastModified) return 'expired';
    if (typeof record.stale === 'number' && record.stale > lastModified) stale = true;
  }
  return stale ? 'stale' : 'fresh';
}

/**
 * The tags an entry answers to: for fetches those of the lookup, for pages and route handlers
 * the `x-next-cache-tags` header Next stored with the render (its implicit `_N_T_` tags included).
 * @param {IncrementalCacheValue | null} value
 * @param {GetContext} ctx
 * @returns {string[]}
 */
export function entryTags(value, ctx) {
  if (ctx.kind === 'FETCH') {
    const fetchCtx = /** @type {{ tags?: string[], softTags?: string[] }} */ (ctx);
    return [...(fetchCtx.tags ?? []), ...(fetchCtx.softTags ?? [])];
  }
  const headers = value && 'headers' in value ? value.headers : undefined;
  const header = headers?.[TAGS_HEADER];
  return typeof header === 'string' && header ? header.split(',') : [];
}

/**
 * Seconds an entry is worth keeping: until its `expire` (past it Next would not serve it),
 * else the cap. Zero means "do not store".
 * @param {CacheControl | undefined} cacheControl
 * @returns {number}
 */
export function entryTtlSeconds(cacheControl) {
  const expire = cacheControl?.expire;
  if (typeof expire === 'number' && Number.isFinite(expire)) return Math.max(0, Math.min(Math.ceil(expire), MAX_TTL_SECONDS));
  return MAX_TTL_SECONDS;
}

/**
 * An entry whose tag was marked stale, made to look due for revalidation to Next (which keeps
 * its own tag manifest only for its own handler): its `lastModified` moves back past its
 * revalidate time, so Next serves it stale and regenerates it in the background. With no
 * revalidate time to move past, a page gets `-1` (Next's "regenerate before serving") and a
 * fetch is a miss.
 * @param {CacheHandlerValue} entry
 * @param {GetContext} ctx
 * @param {number} now
 * @returns {CacheHandlerValue | null}
 */
export function markStale(entry, ctx, now) {
  const fetchRevalidate =
    entry.value?.kind === 'FETCH' ? /** @type {{ revalidate?: number | false }} */ (ctx).revalidate || entry.value.revalidate : undefined;
  const revalidate = ctx.kind === 'FETCH' ? fetchRevalidate : entry.cacheControl?.revalidate;
  if (typeof revalidate === 'number' && revalidate > 0) {
    return { ...entry, lastModified: Math.min(entry.lastModified, now - revalidate * 1000 - 1) };
  }
  return ctx.kind === 'FETCH' ? null : { ...entry, lastModified: -1 };
}

/**
 * Binary-safe: v8 serialisation keeps Buffers (RSC payload, route bodies) and the Map of
 * segment data as they are.
 * @param {StoredEntry} entry
 * @returns {Buffer}
 */
export function encodeEntry(entry) {
  return serialize(entry);
}

/**
 * @param {Buffer} raw
 * @returns {StoredEntry | null} null for anything unreadable or from another format
 */
export function decodeEntry(raw) {
  try {
    const entry = /** @type {StoredEntry} */ (deserialize(raw));
    return entry && entry.format === FORMAT && typeof entry.lastModified === 'number' ? entry : null;
  } catch {
    return null;
  }
}

/**
 * Records revalidations in the tags hash, as FileSystemCache.revalidateTag does in memory, but
 * atomically and order-independently: a record already holding a later revalidation is left
 * alone (two instances revalidating at once, or a retry after an outage).
 * KEYS[1] the hash; ARGV[1] revalidated-at (ms); ARGV[2] 'now' (expire now), 'stale' (stale
 * now, no expiry) or a delay in ms (stale now, expired after the delay); ARGV[3..] tags.
 */
export const RECORD_REVALIDATIONS = `
local at = tonumber(ARGV[1])
local mode = ARGV[2]
for i = 3, #ARGV do
  local raw = redis.call('HGET', KEYS[1], ARGV[i])
  local record = raw and cjson.decode(raw) or {}
  if (record.at or 0) <= at then
    record.at = at
    if mode == 'now' then
      record.expired = at
    else
      record.stale = at
      if mode ~= 'stale' then record.expired = at + tonumber(mode) end
    end
    redis.call('HSET', KEYS[1], ARGV[i], cjson.encode(record))
  end
end
return #ARGV - 2
`;

/**
 * @param {{ expire?: number } | undefined} durations
 * @returns {string} the mode argument of RECORD_REVALIDATIONS
 */
export function revalidationMode(durations) {
  if (!durations) return 'now';
  if (typeof durations.expire !== 'number') return 'stale';
  return String(Math.max(0, Math.round(durations.expire * 1000)));
}

// ─── The connection ──────────────────────────────────────────────────────────────────────────

const log = {
  /** @param {string} line */
  warn: (line) => console.warn(`[newsroom] ${line}`),
  /** @param {string} line */
  info: (line) => console.log(`[newsroom] ${line}`),
};

/** How long a request waits for the first connection after start; later outages fail at once. */
const FIRST_CONNECT_MS = 2_000;
/** Revalidations kept through an outage (a publish makes about a dozen); the oldest go first. */
const MAX_PENDING = 10_000;

/**
 * One Redis connection per process and URL (Next makes a handler per request). Commands fail at
 * once while Redis is unreachable (no offline queue) or after a second, so a request never
 * waits on Redis: it renders, as on a miss. The outage is logged once, and its end too.
 */
class Connection {
  /** @param {string} url */
  constructor(url) {
    this.healthy = true;
    /** @type {{ tagsKey: string, tags: string[], at: number, mode: string }[]} revalidations Redis has not taken yet, oldest first */
    this.pending = [];
    this.redis = new Redis(url, {
      connectionName: 'newsroom-cache',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 1_000,
      connectTimeout: 2_000,
    });
    this.redis.on('error', (/** @type {Error} */ error) => this.failed(error));
    this.redis.on('ready', () => this.succeeded());
    /** @type {Promise<void> | null} settles on the first 'ready' or error, whichever comes first */
    this.firstConnect = new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        this.redis.off('error', done);
        this.firstConnect = null;
        resolve();
      };
      const timer = setTimeout(done, FIRST_CONNECT_MS);
      timer.unref();
      this.redis.once('ready', done);
      this.redis.once('error', done);
    });
  }

  succeeded() {
    if (!this.healthy) log.info('Redis cache reachable again.');
    this.healthy = true;
    if (this.pending.length > 0) void this.flushPending();
  }

  /** @param {unknown} error */
  failed(error) {
    if (!this.healthy) return;
    this.healthy = false;
    const reason = error instanceof Error ? error.message : String(error);
    log.warn(`Redis cache unreachable (${reason}): pages are rendered without the shared cache until it is back.`);
  }

  /**
   * Runs a command once Redis is ready; rejects at once when it is not.
   * @template T
   * @param {(redis: Redis) => Promise<T>} command
   * @returns {Promise<T>}
   */
  async run(command) {
    if (this.firstConnect) await this.firstConnect;
    try {
      const result = await command(this.redis);
      this.succeeded();
      return result;
    } catch (error) {
      this.failed(error);
      throw error;
    }
  }

  /**
   * Records revalidations; when Redis cannot take them they wait here and go in on reconnect,
   * with their original time, so entries stored before them still read as expired.
   * @param {string} tagsKey
   * @param {string[]} tags
   * @param {string} mode
   */
  async revalidate(tagsKey, tags, mode) {
    const at = Date.now();
    try {
      await this.run((redis) => redis.eval(RECORD_REVALIDATIONS, 1, tagsKey, at, mode, ...tags));
    } catch {
      this.pending.push({ tagsKey, tags, at, mode });
      if (this.pending.length > MAX_PENDING) this.pending.shift();
      log.warn(`Could not record the revalidation of ${tags.length} tag(s) in Redis; it will be retried when Redis is back.`);
    }
  }

  /** Replays the kept revalidations in order; what fails again waits for the next time. */
  async flushPending() {
    const pending = this.pending;
    this.pending = [];
    for (const [i, { tagsKey, tags, at, mode }] of pending.entries()) {
      try {
        await this.redis.eval(RECORD_REVALIDATIONS, 1, tagsKey, at, mode, ...tags);
      } catch {
        this.pending = [...pending.slice(i), ...this.pending];
        return;
      }
    }
  }
}

const CONNECTIONS = Symbol.for('newsroom.redis-cache.connections');

/**
 * @param {string} url
 * @returns {Connection}
 */
function connection(url) {
  const registry = /** @type {Record<symbol, Map<string, Connection> | undefined>} */ (/** @type {unknown} */ (globalThis));
  const connections = (registry[CONNECTIONS] ??= new Map());
  let found = connections.get(url);
  if (!found) {
    found = new Connection(url);
    connections.set(url, found);
  }
  return found;
}

/** Closes every connection this process opened (tests; a server simply exits). */
export async function closeRedisCacheConnections() {
  const registry = /** @type {Record<symbol, Map<string, Connection> | undefined>} */ (/** @type {unknown} */ (globalThis));
  const connections = registry[CONNECTIONS];
  if (!connections) return;
  registry[CONNECTIONS] = undefined;
  await Promise.all([...connections.values()].map((c) => c.redis.quit().catch(() => c.redis.disconnect())));
}

/** @type {Map<string, string | null>} */
const buildIds = new Map();

/**
 * The build this server runs (`.next/BUILD_ID` beside the server dir), read once per process.
 * @param {string | undefined} serverDistDir
 * @returns {string | null}
 */
function buildIdOf(serverDistDir) {
  if (!serverDistDir) return null;
  let id = buildIds.get(serverDistDir);
  if (id === undefined) {
    try {
      id = readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim() || null;
    } catch {
      id = null;
    }
    if (!id) log.warn(`No BUILD_ID under ${serverDistDir}/..: the Redis page cache is not used.`);
    buildIds.set(serverDistDir, id);
  }
  return id;
}

// ─── The handler Next instantiates ───────────────────────────────────────────────────────────

/** @implements {NextCacheHandler} */
export default class RedisCacheHandler {
  /** @param {CacheHandlerContext} ctx */
  constructor(ctx) {
    const url = process.env.REDIS_URL;
    const prefix = process.env.REDIS_PREFIX || DEFAULT_PREFIX;
    const buildId = buildIdOf(ctx.serverDistDir);
    this.connection = url && buildId ? connection(url) : null;
    this.entryPrefix = `${prefix}${buildId}:`;
    this.tagsKey = `${prefix}tags`;
    this.revalidatedTags = ctx.revalidatedTags ?? [];
  }

  /**
   * @param {string} key
   * @param {GetContext} ctx
   * @returns {Promise<CacheHandlerValue | null>}
   */
  async get(key, ctx) {
    const connection = this.connection;
    if (!connection) return null;
    try {
      const raw = await connection.run((redis) => redis.getBuffer(this.entryPrefix + key));
      const stored = raw && decodeEntry(raw);
      if (!stored) return null;
      /** @type {CacheHandlerValue} */
      const entry = { lastModified: stored.lastModified, value: stored.value, cacheControl: stored.cacheControl };
      const tags = entryTags(entry.value, ctx);
      if (tags.length === 0) return entry;
      if (ctx.kind === 'FETCH' && tags.some((tag) => this.revalidatedTags.includes(tag))) return null;
      const raws = await connection.run((redis) => redis.hmget(this.tagsKey, ...tags));
      /** @type {Map<string, TagRecord>} */
      const records = new Map();
      raws.forEach((record, i) => {
        if (record) records.set(/** @type {string} */ (tags[i]), JSON.parse(record));
      });
      const now = Date.now();
      const verdict = tagVerdict(tags, entry.lastModified, records, now);
      if (verdict === 'expired') return null;
      return verdict === 'stale' ? markStale(entry, ctx, now) : entry;
    } catch {
      // Unreachable, slow or unreadable: a miss, and Next renders the page.
      return null;
    }
  }

  /**
   * @param {string} key
   * @param {IncrementalCacheValue | null} value
   * @param {SetContext} ctx
   */
  async set(key, value, ctx) {
    const connection = this.connection;
    if (!connection) return;
    const cacheControl = 'cacheControl' in ctx && !ctx.fetchCache ? ctx.cacheControl : undefined;
    const ttl = entryTtlSeconds(cacheControl);
    if (ttl <= 0) return;
    const entry = encodeEntry({ format: FORMAT, lastModified: Date.now(), cacheControl, value });
    // An error (a 404 for an unknown slug) only replaces a page already stored under its key
    // (XX), never adds a key: random slugs would otherwise fill Redis.
    const onlyReplace = isErrorResponse(value);
    try {
      await connection.run((redis) =>
        onlyReplace ? redis.set(this.entryPrefix + key, entry, 'EX', ttl, 'XX') : redis.set(this.entryPrefix + key, entry, 'EX', ttl),
      );
    } catch {
      // The page was served; it just is not shared this time.
    }
  }

  /**
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [durations]
   */
  async revalidateTag(tags, durations) {
    const list = (typeof tags === 'string' ? [tags] : tags).filter(Boolean);
    if (!this.connection || list.length === 0) return;
    await this.connection.revalidate(this.tagsKey, list, revalidationMode(durations));
  }

  resetRequestCache() {}
}
