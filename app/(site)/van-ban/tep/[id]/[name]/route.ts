import { getDownloadableFile } from '@/db/queries/documents';
import { getCurrentUser } from '@/lib/auth/session';
import { downloadResponse } from '@/lib/document-download';
import { logStorageFailure, storage, StorageUnavailable } from '@/lib/storage';
import { storageUnavailableResponse } from '@/lib/storage/http';

export const dynamic = 'force-dynamic';

/** A file id: a positive int4, written plainly (no sign, no leading zero, no exponent). */
const FILE_ID = /^[1-9][0-9]{0,9}$/;
const MAX_ID = 2_147_483_647;

const notFound = () =>
  new Response('Không tìm thấy tệp.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

type Context = { params: Promise<{ id: string; name: string }> };

/**
 * `/van-ban/tep/{id}/{name}`: a document's file, whole or by ranges (lib/document-download.ts).
 * Anyone may fetch the files of a published document; a signed-in member of the newsroom may
 * fetch any file (the dashboard's preview of a draft). Everything else is the same 404, so a
 * draft's file ids cannot be told from missing ones. The name segment is decorative.
 */
async function download(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  if (!FILE_ID.test(id) || Number(id) > MAX_ID) return notFound();
  const file = await getDownloadableFile(Number(id));
  if (!file) return notFound();
  // The session is looked at only for a file that is not public: anonymous readers of
  // published files cost one query, never the session's.
  const staff = file.isPublic ? false : (await getCurrentUser()) !== null;
  if (!file.isPublic && !staff) return notFound();
  try {
    const response = await downloadResponse(request, storage(), file, {
      // Public: a browser or CDN may keep it a while and revalidate by ETag (the bytes behind
      // an id never change; an unpublished document's file stops being served within 5 min).
      // Staff previews of unpublished files are never stored anywhere.
      cacheControl: file.isPublic ? 'public, max-age=300, no-transform' : 'private, no-store, no-transform',
    });
    return response ?? notFound();
  } catch (error) {
    if (!(error instanceof StorageUnavailable)) throw error;
    logStorageFailure('documents', error);
    return storageUnavailableResponse('Kho lưu tệp tạm thời không truy cập được. Vui lòng thử lại sau ít phút.');
  }
}

export const GET = download;
export const HEAD = download;
