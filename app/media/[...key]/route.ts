import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MEDIA_KEY, mediaDir } from '@/lib/media-storage';

export const dynamic = 'force-dynamic';

/** Uploaded images. Keys carry the content hash, so they are cached for a year. */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const key = (await params).key.join('/');
  if (!MEDIA_KEY.test(key)) return new Response('Không tìm thấy ảnh.', { status: 404 });
  try {
    const data = await readFile(path.join(mediaDir(), key));
    return new Response(new Uint8Array(data), {
      headers: { 'Content-Type': 'image/webp', 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' },
    });
  } catch {
    return new Response('Không tìm thấy ảnh.', { status: 404 });
  }
}
