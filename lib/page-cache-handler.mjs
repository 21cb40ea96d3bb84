// @ts-check
// Next's own page cache (files under .next/server, with its in-memory layer), less one thing:
// a page or route answered with an error status is never stored under a new key. Next keeps
// every render of an ISR route, 404s included, and never evicts a file: each request for an
// unknown slug or page number (`/the/rac-1`, `/the/rac-2`, … `/chuyen-muc/x/trang/99999`)
// added about seven files for good, so anyone could fill the disk. `export const dynamic`
// cannot be chosen per request, and making the miss dynamic inside the page (`await
// connection()` before `notFound()`) is refused under classic ISR: Next 16.4 answers 500
// ("Page changed from static to dynamic at runtime").
//
// An error may still replace what is stored under a key that holds a real page (an article
// unpublished after it was cached): otherwise, after a restart, which forgets Next's in-memory
// tag manifest, the old page would be served again from its file.
//
// Plain JavaScript for the same reason as redis-cache-handler.mjs: Next imports it at run time,
// outside its bundle. next.config.mjs points `cacheHandler` here at `next start` when REDIS_URL
// is not set (the Redis handler applies the same rule).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * @typedef {import('next/dist/server/response-cache').IncrementalCacheValue} IncrementalCacheValue
 * @typedef {typeof import('next/dist/server/lib/incremental-cache/file-system-cache').default} FileSystemCacheClass
 * @typedef {ConstructorParameters<FileSystemCacheClass>[0]} FileSystemCacheContext
 * @typedef {Parameters<InstanceType<FileSystemCacheClass>['set']>[2]} SetContext
 * @typedef {{ has: (key: string) => boolean }} MemoryCache
 */

// The very modules Next's server loads (same files, so the same in-memory cache singleton).
const require = createRequire(import.meta.url);
/** @type {FileSystemCacheClass} */
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;
/** @type {(maxMemoryCacheSize: number) => MemoryCache} */
const getMemoryCache = require('next/dist/server/lib/incremental-cache/memory-cache.external.js').getMemoryCache;

/** Runtime renders live under this folder of the server dir (Next's ROUTE_CACHE_DIRECTORY). */
const ROUTE_CACHE_PREFIX = '/route-cache/';

/**
 * Whether a render answered with an error status (a 404 for an unknown slug, above all): such
 * an entry is never stored under a key that holds nothing yet.
 * @param {IncrementalCacheValue | null} value
 * @returns {boolean}
 */
export function isErrorResponse(value) {
  if (!value || !('status' in value)) return false;
  const status = value.status;
  return typeof status === 'number' && status >= 400;
}

/**
 * The files whose presence means Next holds an entry for `key`, as FileSystemCache lays them
 * out: the entry's own primary file, and for a runtime key the build-time prerender it was
 * seeded from (the part after `/$/`), which Next serves while the runtime file is absent.
 * @param {string} serverDistDir
 * @param {string} key
 * @param {string} kind 'APP_PAGE', 'APP_ROUTE' or 'PAGES'
 * @returns {string[]}
 */
export function entryFiles(serverDistDir, key, kind) {
  const suffix = kind === 'APP_ROUTE' ? '.body' : '.html';
  const compiled = path.join(serverDistDir, kind === 'PAGES' ? 'pages' : 'app');
  if (!key.startsWith(ROUTE_CACHE_PREFIX)) return [path.join(compiled, `${key}${suffix}`)];
  const files = [path.join(serverDistDir, `${key}${suffix}`)];
  const marker = key.indexOf('/$/');
  if (marker !== -1) files.push(path.join(compiled, `${key.slice(marker + 2)}${suffix}`));
  return files;
}

/** Next's file-system page cache, refusing to store an error response under a new key. */
export default class PageCacheHandler extends FileSystemCache {
  /** @param {FileSystemCacheContext} ctx */
  constructor(ctx) {
    super(ctx);
    this.distDir = ctx.serverDistDir;
    /** @type {MemoryCache | undefined} the in-memory layer FileSystemCache itself uses */
    this.memory = ctx.maxMemoryCacheSize ? getMemoryCache(ctx.maxMemoryCacheSize) : undefined;
  }

  /**
   * @override
   * @param {string} key
   * @param {IncrementalCacheValue | null} data
   * @param {SetContext} ctx
   */
  async set(key, data, ctx) {
    if (data && isErrorResponse(data) && !this.holds(key, data.kind)) return;
    return super.set(key, data, ctx);
  }

  /**
   * @param {string} key
   * @param {string} kind
   */
  holds(key, kind) {
    if (this.memory?.has(key)) return true;
    return entryFiles(this.distDir, key, kind).some((file) => existsSync(file));
  }
}
