import 'server-only';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { db } from '@/db';
import { rateLimitHits } from '@/db/schema';

// Per-address limits held in PostgreSQL (rate_limit_hits), so they hold across instances.
// Keys are keyed hashes (lib/address-hash.ts), never raw addresses. No limit looks back more
// than an hour, so hits older than a day are only kept until the next clean-up.

/**
 * Counts one hit of `bucket` from `key` in rate_limit_hits, unless `limit` hits are already
 * there within the last `windowSeconds`; then it is refused (and not counted), with the seconds
 * until the oldest hit leaves the window. Held in PostgreSQL, so it holds across instances; an
 * advisory lock per (bucket, key) makes simultaneous hits count one after another.
 */
export async function takeRateLimit(
  bucket: string,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${bucket}:${key}`}))`);
    const [row] = await tx
      .select({
        n: sql<number>`count(*)::int`,
        retryAfter: sql<number | null>`extract(epoch from min(${rateLimitHits.createdAt}) + make_interval(secs => ${windowSeconds}) - now())::float8`,
      })
      .from(rateLimitHits)
      .where(
        and(
          eq(rateLimitHits.bucket, bucket),
          eq(rateLimitHits.key, key),
          gt(rateLimitHits.createdAt, sql`now() - make_interval(secs => ${windowSeconds})`),
        ),
      );
    if ((row?.n ?? 0) >= limit) return { ok: false as const, retryAfterSeconds: Math.max(1, Math.ceil(row?.retryAfter ?? windowSeconds)) };
    await tx.insert(rateLimitHits).values({ bucket, key });
    return { ok: true as const };
  });
}

/** Deletes hits no limit looks at any more (older than a day), in every bucket. */
export async function pruneRateLimitHits(): Promise<void> {
  await db.delete(rateLimitHits).where(lt(rateLimitHits.createdAt, sql`now() - interval '1 day'`));
}
