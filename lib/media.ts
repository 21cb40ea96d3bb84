// Image processing for uploads (sharp): the type is read from the bytes, never the name;
// the image is re-encoded (EXIF and anything hidden dropped) into WebP variants.
import { createHash } from 'node:crypto';
import sharp from 'sharp';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const VARIANT_WIDTHS = [320, 640, 1024, 1600] as const;
const ALLOWED = new Map([
  ['jpeg', 'image/jpeg'],
  ['png', 'image/png'],
  ['webp', 'image/webp'],
  ['heif', 'image/avif'],
]);

export class MediaError extends Error {}

export type ProcessedImage = {
  mimeType: string;
  width: number;
  height: number;
  hash: string;
  variants: { width: number; height: number; data: Buffer }[];
};

/** Validates and resizes an uploaded image. Throws MediaError with a Vietnamese message. */
export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.length === 0) throw new MediaError('Tệp rỗng.');
  if (bytes.length > MAX_UPLOAD_BYTES) throw new MediaError('Ảnh lớn hơn 10 MB.');
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(bytes, { failOn: 'error', limitInputPixels: 80_000_000 }).metadata();
  } catch {
    throw new MediaError('Tệp không phải ảnh JPEG, PNG, WebP hoặc AVIF hợp lệ.');
  }
  const format = metadata.format ?? '';
  if (!ALLOWED.has(format) || (format === 'heif' && metadata.compression !== 'av1')) {
    throw new MediaError('Chỉ nhận ảnh JPEG, PNG, WebP hoặc AVIF.');
  }
  // Rotated per EXIF first, so width and height are as the reader sees them.
  const oriented = sharp(bytes, { failOn: 'error' }).rotate();
  const { width = 0, height = 0 } = await oriented.clone().metadata().then((m) =>
    (m.orientation ?? 1) >= 5 ? { width: m.height, height: m.width } : { width: m.width, height: m.height },
  );
  if (!width || !height) throw new MediaError('Không đọc được kích thước ảnh.');
  const widths = [...new Set([...VARIANT_WIDTHS.filter((w) => w < width), Math.min(width, 2400)])];
  const variants = await Promise.all(
    widths.map(async (w) => {
      const { data, info } = await oriented.clone().resize({ width: w, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
      return { width: info.width, height: info.height, data };
    }),
  );
  return {
    mimeType: ALLOWED.get(format)!,
    width,
    height,
    hash: createHash('sha256').update(bytes).digest('hex').slice(0, 20),
    variants: variants.sort((a, b) => a.width - b.width),
  };
}
