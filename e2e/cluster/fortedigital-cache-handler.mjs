// @ts-check
// The candidate that issue 14 asked us to adopt instead of lib/redis-cache-handler.mjs:
// @fortedigital/nextjs-cache-handler 3.3.0, set up as its README does for Next 16 with ioredis
// ("Using ioredis": `new Redis(REDIS_URL)`, `ioredisAdapter`, the `redis-strings` handler, one
// `CacheHandler.onCreation`), plus what our guarantees need and the package lets us configure:
// - the build id in the key prefix (REDIS_PREFIX + build id, as ours), so two builds never read
//   each other's pages;
// - `timeoutMs: 1000` (the default is 5 s), as ours, so a stalled Redis costs a request 1 s;
// - a 12-line wrapper for the 404 rule (lib/page-cache-handler.mjs says why): an error
//   response never adds a key, it only replaces a page already stored under its key.
// It is not used by the site. e2e/cluster/fortedigital-cache-handler.test.ts runs the guarantee
// suite (testing/cache-handler-guarantees.ts) against it, and `npm run test:cluster` runs
// the two-instance test with it when CLUSTER_CACHE_HANDLER=fortedigital; ARCHITECTURE.md
// ("Home-made pieces") gives the results and why lib/redis-cache-handler.mjs was kept.
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import { ioredisAdapter } from '@fortedigital/nextjs-cache-handler/helpers/ioredisAdapter';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { Redis } from 'ioredis';
import { isErrorResponse } from '../../lib/page-cache-handler.mjs';

/** The process's one ioredis client (tests close it through this symbol). */
export const CLIENT = Symbol.for('newsroom.fortedigital.client');

CacheHandler.onCreation(({ buildId }) => {
  const registry = /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis));
  const redis = new Redis(/** @type {string} */ (process.env.REDIS_URL));
  // Without a listener ioredis prints every failed reconnection; the handler reports nothing.
  redis.on('error', () => {});
  registry[CLIENT] = redis;
  const client = ioredisAdapter(redis);
  const keyPrefix = `${process.env.REDIS_PREFIX || 'newsroom:'}${(buildId ?? 'no-build-id').trim()}:`;
  const redisHandler = createRedisHandler({ client: /** @type {never} */ (client), keyPrefix, timeoutMs: 1_000 });
  return {
    handlers: [
      {
        ...redisHandler,
        name: 'redis-strings, no new key for an error response',
        /** @type {typeof redisHandler.set} */
        async set(key, value, ctx) {
          const stored = /** @type {{ value: import('next/dist/server/response-cache').IncrementalCacheValue | null }} */ (value);
          if (isErrorResponse(stored.value) && !(await redis.exists(keyPrefix + key))) return;
          return redisHandler.set(key, value, ctx);
        },
      },
    ],
  };
});

export default CacheHandler;
