import 'server-only';
import { sql } from '@/db';
import { pruneRateLimitHits } from '@/db/writes/rate-limits';

/** A view counts once per reader per article in this many minutes. */
export const VIEW_WINDOW_MINUTES = 30;
/**
 * At most this many readers (user agents) behind one address are counted per article per
 * window: a household or an office shares an address, a script that invents user agents is
 * held to the same few.
 */
export const READERS_PER_ADDRESS_PER_ARTICLE = 5;
/** Counted views per address per 10 minutes, across articles: bounds the rows one address writes. */
export const VIEWS_PER_ADDRESS_PER_10_MIN = 300;

export type ViewReader = { readerHash: string; addressHash: string };
export type ViewOutcome = 'counted' | 'already-counted' | 'limited' | 'unknown-article';

/**
 * Counts one view of a live article — the total and today's figure (Vietnam calendar day) —
 * unless this reader was counted for it in the last VIEW_WINDOW_MINUTES, or the address is over
 * its limits. One statement, so concurrent views never lose or double a count.
 */
export async function recordArticleView(articleId: number, reader: ViewReader): Promise<ViewOutcome> {
  const [row] = await sql<{ live: boolean; counted: boolean; limited: boolean }[]>`
    with live as (
      select id from articles where id = ${articleId} and status = 'published' and published_at <= now()
    ), address_recent as (
      select count(*)::int as n from rate_limit_hits
       where bucket = 'view' and key = ${reader.addressHash} and created_at > now() - interval '10 minutes'
    ), address_readers as (
      select count(*)::int as n from article_view_readers
       where article_id = ${articleId} and address_hash = ${reader.addressHash}
         and counted_at > now() - make_interval(mins => ${VIEW_WINDOW_MINUTES})
    ), allowed as (
      select 1 from address_recent a, address_readers r
       where a.n < ${VIEWS_PER_ADDRESS_PER_10_MIN} and r.n < ${READERS_PER_ADDRESS_PER_ARTICLE}
    ), counted as (
      insert into article_view_readers (article_id, reader_hash, address_hash)
      select live.id, ${reader.readerHash}, ${reader.addressHash} from live, allowed
      on conflict (article_id, reader_hash) do update set counted_at = now(), address_hash = excluded.address_hash
       where article_view_readers.counted_at <= now() - make_interval(mins => ${VIEW_WINDOW_MINUTES})
      returning article_id
    ), hit as (
      insert into rate_limit_hits (bucket, key) select 'view', ${reader.addressHash} from counted
    ), total as (
      insert into article_view_totals (article_id, views) select article_id, 1 from counted
      on conflict (article_id) do update set views = article_view_totals.views + 1
      returning article_id
    ), day as (
      insert into article_view_days (article_id, day, views)
      select article_id, (now() at time zone 'Asia/Ho_Chi_Minh')::date, 1 from total
      on conflict (article_id, day) do update set views = article_view_days.views + 1
      returning article_id
    )
    select exists (select 1 from live) as live,
           exists (select 1 from day) as counted,
           not exists (select 1 from allowed) as limited`;
  if (!row?.live) return 'unknown-article';
  if (row.counted) return 'counted';
  return row.limited ? 'limited' : 'already-counted';
}

/**
 * Deletes what the view count and the address limits no longer need: readers counted before
 * the window, and limit hits older than a day (db/writes/rate-limits.ts).
 */
export async function pruneViewsAndLimits(): Promise<void> {
  await sql`delete from article_view_readers where counted_at <= now() - make_interval(mins => ${VIEW_WINDOW_MINUTES})`;
  await pruneRateLimitHits();
}
