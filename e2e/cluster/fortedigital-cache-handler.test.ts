// The guarantee suite (testing/cache-handler-guarantees.ts) against the library issue 14
// asked us to adopt, @fortedigital/nextjs-cache-handler, configured as its README does for
// Next 16 with ioredis (e2e/cluster/fortedigital-cache-handler.mjs). It keeps every guarantee
// but three, asserted here as documented failures so that `npm test` stays green and the test
// turns red, with a message, the day a new version keeps one of them:
// - a revalidation made while Redis is down is lost (`revalidateTag` throws "Redis client is not
//   ready", and Next drops the error): after the outage every instance serves the page from
//   before it until the page's own revalidate time (120 s for an article). Ours keeps such
//   revalidations and replays them, with their time, on reconnect;
// - an instance just started misses until its client is ready (ours waits up to 2 s);
// - each revalidateTag reads the tag list of every cached page (HSCAN), so a publish costs time
//   in proportion to the pages cached. Ours is one EVAL on the tags it names.
// ARCHITECTURE.md ("Home-made pieces") has the whole comparison and the throughput figures.
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import { describeCacheGuarantees, type CandidateHandler } from '../../testing/cache-handler-guarantees';
import CacheHandler, { CLIENT } from './fortedigital-cache-handler.mjs';

describeCacheGuarantees({
  name: '@fortedigital/nextjs-cache-handler 3.3.0 (redis-strings, ioredis)',
  modulePath: fileURLToPath(new URL('./fortedigital-cache-handler.mjs', import.meta.url)),
  create: (serverDistDir) => new CacheHandler({ serverDistDir, dev: false } as never) as unknown as CandidateHandler,
  sharedAcrossBuilds: () => [],
  // The package reads the build id once per process (CacheHandler keeps one static configuration).
  oneBuildPerProcess: true,
  close: async () => {
    const client = (globalThis as Record<symbol, unknown>)[CLIENT] as Redis | undefined;
    client?.disconnect();
  },
  knownFailures: {
    'revalidation-during-outage': 'a revalidateTag made while Redis is unreachable is dropped, not replayed',
    'first-request-after-start': 'every command before the client is ready throws "not ready", so it is a miss',
    'revalidation-cost-bounded': 'revalidateTag HSCANs the tags of every cached page, twice, for each tag',
  },
});
