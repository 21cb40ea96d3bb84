import 'server-only';
import { sql } from '@/db';

/**
 * Counts one view of a live article: the total and today's figure (Vietnam calendar day), in
 * one statement, so concurrent views never lose a count. Returns false for an unknown article.
 */
export async function recordArticleView(articleId: number): Promise<boolean> {
  const rows = await sql`
    with live as (
      select id from articles where id = ${articleId} and status = 'published' and published_at <= now()
    ), total as (
      insert into article_view_totals (article_id, views) select id, 1 from live
      on conflict (article_id) do update set views = article_view_totals.views + 1
      returning article_id
    )
    insert into article_view_days (article_id, day, views)
    select article_id, (now() at time zone 'Asia/Ho_Chi_Minh')::date, 1 from total
    on conflict (article_id, day) do update set views = article_view_days.views + 1
    returning article_id`;
  return rows.length > 0;
}
