// Cleaning up after tests and the bench that write to a shared Redis under a key prefix.
import type { Redis } from 'ioredis';

/** Deletes every key that starts with `prefix` (SCAN, not KEYS: Redis keeps serving meanwhile). */
export async function deleteKeysWithPrefix(redis: Redis, prefix: string): Promise<void> {
  const keys: string[] = [];
  for await (const batch of redis.scanStream({ match: `${prefix}*`, count: 500 })) keys.push(...(batch as string[]));
  if (keys.length > 0) await redis.del(...keys);
}
