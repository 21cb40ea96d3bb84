import 'server-only';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { db } from '@/db';
import { media, type MediaVariant } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/db/writes/audit';
import type { ProcessedImage } from '@/lib/media';
import { mediaDir } from '@/lib/media-storage';

/** Writes the variants to the media folder, then records the image. Returns its id. */
export async function storeImage(image: ProcessedImage, alt: string, originalName: string, actor: AuditActor, ip: string): Promise<number> {
  const now = new Date();
  const base = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${image.hash}`;
  const variants: MediaVariant[] = [];
  for (const v of image.variants) {
    const key = `${base}-${v.width}.webp`;
    const file = path.join(mediaDir(), key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, v.data);
    variants.push({ width: v.width, height: v.height, key, mimeType: 'image/webp' });
  }
  const largest = variants[variants.length - 1]!;
  return db.transaction(async (tx) => {
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
      .onConflictDoUpdate({ target: media.storageKey, set: { alt } })
      .returning({ id: media.id });
    await recordAudit({ actor, action: 'media.upload', entityType: 'media', entityId: row!.id, details: { key: largest.key, alt }, ip }, tx);
    return row!.id;
  });
}
