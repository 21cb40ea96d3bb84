import 'server-only';
import { desc, sql } from 'drizzle-orm';
import { db } from '@/db';
import { media } from '@/db/schema';
import { assertCan, type Role } from '@/lib/auth/permissions';

export async function listMedia(viewer: { role: Role }, limit = 60) {
  assertCan(viewer, 'media:upload');
  return db
    .select({ id: media.id, storageKey: media.storageKey, width: media.width, height: media.height, alt: media.alt, variants: media.variants, createdAt: media.createdAt })
    .from(media)
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(limit);
}

export async function countMedia(viewer: { role: Role }): Promise<number> {
  assertCan(viewer, 'media:upload');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(media);
  return row?.n ?? 0;
}
