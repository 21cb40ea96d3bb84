/**
 * Keys look like `2026/11/0123456789abcdef0123-640.webp`; nothing else is ever served. The
 * width is any the processor makes (lib/media.ts: 1 px up to 2,400, never wider than the
 * original): it once required two digits, so images narrower than 10 px were stored and
 * listed but every variant answered 404. The bytes live in lib/storage (a directory or S3).
 */
export const MEDIA_KEY = /^\d{4}\/\d{2}\/[a-f0-9]{20}-[1-9]\d{0,3}\.webp$/;
