import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '@/db';
import { articles, comments } from '@/db/schema';
import { assertCan, type Role } from '@/lib/auth/permissions';

/** What readers see of a comment: never the phone, the address hash or the moderation data. */
export type PublicComment = { id: number; name: string; title: string; content: string; createdAt: Date };

export const listApprovedComments = cache(async (articleId: number): Promise<PublicComment[]> => {
  return db
    .select({ id: comments.id, name: comments.name, title: comments.title, content: comments.content, createdAt: comments.createdAt })
    .from(comments)
    .where(and(eq(comments.articleId, articleId), eq(comments.status, 'approved')))
    .orderBy(asc(comments.createdAt), asc(comments.id));
});

export async function countPendingComments(viewer: { role: Role }): Promise<number> {
  assertCan(viewer, 'comments:moderate');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(comments).where(eq(comments.status, 'pending'));
  return row?.n ?? 0;
}

export const MODERATION_PAGE_SIZE = 30;
export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'spam';

/** The moderation queue (phone included: moderators may call a reader back). */
export async function listCommentsForModeration(
  viewer: { role: Role },
  filter: { status: CommentStatus | null; articleId: number | null },
  page: number,
) {
  assertCan(viewer, 'comments:moderate');
  const where = and(
    filter.status ? eq(comments.status, filter.status) : undefined,
    filter.articleId ? eq(comments.articleId, filter.articleId) : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: comments.id,
        name: comments.name,
        phone: comments.phone,
        title: comments.title,
        content: comments.content,
        status: comments.status,
        flags: comments.flags,
        createdAt: comments.createdAt,
        articleId: comments.articleId,
        articleSlug: articles.slug,
        articleTitle: articles.title,
      })
      .from(comments)
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .where(where)
      .orderBy(filter.status === 'pending' ? asc(comments.createdAt) : desc(comments.createdAt), desc(comments.id))
      .limit(MODERATION_PAGE_SIZE)
      .offset((page - 1) * MODERATION_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(comments).where(where),
  ]);
  const total = counted?.n ?? 0;
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / MODERATION_PAGE_SIZE)) };
}
