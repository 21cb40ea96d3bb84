import { MEDIA_KEY } from '@/lib/media-storage';
import { logStorageFailure, storage, StorageUnavailable } from '@/lib/storage';
import { objectResponse, storageUnavailableResponse } from '@/lib/storage/http';

export const dynamic = 'force-dynamic';

const notFound = () => new Response('Không tìm thấy ảnh.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * Uploaded images, from the directory or the object store (lib/storage). Keys carry the
 * content hash, so they are cached for a year; a store that cannot be reached is a 503 that
 * no cache keeps, so the image comes back once the store does.
 */
export async function GET(request: Request, { params }: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const key = (await params).key.join('/');
  if (!MEDIA_KEY.test(key)) return notFound();
  try {
    const response = await objectResponse(request, storage(), key, {
      contentType: 'image/webp',
      headers: { 'Cache-Control': 'public, max-age=31536000, immutable' },
    });
    return response ?? notFound();
  } catch (error) {
    if (!(error instanceof StorageUnavailable)) throw error;
    logStorageFailure('media', error);
    return storageUnavailableResponse('Kho ảnh tạm thời không truy cập được. Vui lòng thử lại sau ít phút.');
  }
}
