import path from 'node:path';

/** Where uploaded images live: MEDIA_DIR, else DATA_DIR/media (the launcher sets both). */
export function mediaDir(): string {
  return path.resolve(process.env.MEDIA_DIR ?? path.join(process.env.DATA_DIR ?? '.data', 'media'));
}

/** Keys look like `2026/11/0123456789abcdef0123-640.webp`; nothing else is ever served. */
export const MEDIA_KEY = /^\d{4}\/\d{2}\/[a-f0-9]{20}-\d{2,4}\.webp$/;
