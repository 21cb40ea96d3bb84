import 'server-only';
import { eq, like } from 'drizzle-orm';
import { db } from '@/db';
import { media, type MediaVariant } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/db/writes/audit';
import type { ProcessedImage } from '@/lib/media';
import { storage } from '@/lib/storage';

/** What an upload became: a new row, or the row that already holds the same bytes. */
export type StoredImage = { id: number; created: boolean; alt: string };

/** The row holding these bytes, in whichever month it was uploaded (keys are `YYYY/MM/<hash>-<width>.webp`). */
async function findByHash(hash: string): Promise<{ id: number; alt: string } | undefined> {
  const [row] = await db
    .select({ id: media.id, alt: media.alt })
    .from(media)
    .where(like(media.storageKey, `____/__/${hash}-%`))
    .orderBy(media.id)
    .limit(1);
  return row;
}

/**
 * Writes the variants to storage (lib/storage: the media folder or the object store), then
 * records the image. A store that cannot be reached throws StorageUnavailable before any row
 * is written. Bytes already in the
 * library are not stored twice: the existing row is returned as it is (`created: false`), its
 * alt text and uploader untouched — a newsroom's library is shared, and an alt text someone
 * wrote for a picture must not change because a colleague uploaded the same file again with
 * other words. The uploader is told, with the alt text that stays; an article that needs other
 * words has its own cover alt.
 */
export async function storeImage(image: ProcessedImage, alt: string, originalName: string, actor: AuditActor, ip: string): Promise<StoredImage> {
  const existing = await findByHash(image.hash);
  if (existing) return { ...existing, created: false };

  const now = new Date();
  const base = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${image.hash}`;
  const variants: MediaVariant[] = [];
  const store = storage();
  // Every object first, the row last: a row never names an object that is not there. If the
  // store fails halfway, or the insert below fails, the objects already written stay behind
  // with no row. That is accepted because keys are content-addressed: the same file uploaded
  // again in the same month writes the same keys with the same bytes and reuses them. They are
  // never deleted on failure, since a concurrent upload of the same file may own them by then.
  for (const v of image.variants) {
    const key = `${base}-${v.width}.webp`;
    await store.put(key, v.data, 'image/webp');
    variants.push({ width: v.width, height: v.height, key, mimeType: 'image/webp' });
  }
  const largest = variants[variants.length - 1]!;
  const stored = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(media)
      .values({
        storageKey: largest.key,
        mimeType: image.mimeType,
        width: largest.width,
        height: largest.height,
        bytes: image.variants.reduce((n, v) => n + v.data.length, 0),
        alt,
        originalName: originalName.slice(0, 200),
        variants,
        uploadedBy: actor.id,
      })
      .onConflictDoNothing({ target: media.storageKey })
      .returning({ id: media.id });
    if (!row) return null;
    await recordAudit({ actor, action: 'media.upload', entityType: 'media', entityId: row.id, details: { key: largest.key, alt }, ip }, tx);
    return { id: row.id, created: true, alt };
  });
  if (stored) return stored;
  // Someone stored the same bytes between the look-up and the insert: theirs stays.
  const [winner] = await db.select({ id: media.id, alt: media.alt }).from(media).where(eq(media.storageKey, largest.key));
  if (!winner) throw new Error('media row vanished after a conflicting insert');
  return { ...winner, created: false };
}
