import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { articles, comments } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';

/** Article counts by status (a reporter's own only) and pending comments (moderators only). */
export async function getOverview(user: CurrentUser) {
  const scope = can(user.role, 'articles:write-any') ? undefined : eq(articles.createdBy, user.id);
  const byStatus = await db
    .select({ status: articles.status, n: sql<number>`count(*)::int` })
    .from(articles)
    .where(scope)
    .groupBy(articles.status);
  const pendingComments = can(user.role, 'comments:moderate')
    ? ((await db.select({ n: sql<number>`count(*)::int` }).from(comments).where(eq(comments.status, 'pending')))[0]?.n ?? 0)
    : null;
  return { byStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])) as Record<string, number>, pendingComments };
}
