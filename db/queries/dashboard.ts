import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { countPendingComments } from '@/db/queries/comments';
import { articles } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/session';
import { assertCan, can } from '@/lib/auth/permissions';

/** Article counts by status (a reporter's own only) and pending comments (moderators only). */
export async function getOverview(user: CurrentUser) {
  assertCan(user, 'dashboard:view');
  const scope = can(user.role, 'articles:write-any') ? undefined : eq(articles.createdBy, user.id);
  const byStatus = await db
    .select({ status: articles.status, n: sql<number>`count(*)::int` })
    .from(articles)
    .where(scope)
    .groupBy(articles.status);
  const pendingComments = can(user.role, 'comments:moderate') ? await countPendingComments(user) : null;
  return { byStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])) as Record<string, number>, pendingComments };
}
