// POST /dashboard/van-ban/tep: one file of `Tệp đính kèm`, sent by the form's XHR (progress bar).
// Answers `{ id, name, size, mimeType, label }` or a 4xx/503 `{ error }` in Vietnamese.
//
// A route handler gets none of Next's server-action checks, so it makes its own: the session
// and permission (never the proxy's word), a same-origin request (Origin / Sec-Fetch-Site), the
// size while reading (never the declared length alone), the type from the bytes. The body is not
// buffered by the request guard (scripts/lib/request-guard.ts streams this path for a live
// session) nor by Next (proxy.ts does not match it): it is streamed to a temporary file and
// hashed as it arrives, so a slow 20 MB upload holds a file, not memory. Memory is spent only
// when the bytes go to storage (lib/storage takes them whole): at most STORING uploads at a
// time, the rest wait their turn; at most RECEIVING are received at once, the rest get 503.
import { readFile } from 'node:fs/promises';
import { headers } from 'next/headers';
import { recordUploadedFile } from '@/db/writes/document-files';
import { NOT_ALLOWED, NOT_SIGNED_IN } from '@/lib/auth/action';
import { can } from '@/lib/auth/permissions';
import { getCurrentUser, sessionLostToOutage } from '@/lib/auth/session';
import { clientIp } from '@/lib/client-ip';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '@/lib/db-errors';
import { createSlots, CROSS_SITE, detectDocumentType, discard, DOCUMENT_UPLOAD_SLACK, receiveDocumentFile, tooLargeMessage, UPLOADS_BUSY, wrongTypeMessage } from '@/lib/document-files';
import { env } from '@/lib/env';
import { noteActionEntered } from '@/lib/request-note';
import { logStorageFailure, storage, STORAGE_UNAVAILABLE, StorageUnavailable } from '@/lib/storage';

export const dynamic = 'force-dynamic';

/** Uploads being received at once (each a temporary file of at most DOCUMENT_MAX_BYTES). */
const RECEIVING = 8;
/** Uploads whose bytes are in memory on their way to storage at once. */
const STORING = 2;

const SLOTS = Symbol.for('newsroom.document-upload-slots');
const shared = globalThis as Record<symbol, { receiving: ReturnType<typeof createSlots>; storing: ReturnType<typeof createSlots> } | undefined>;
const slots = (shared[SLOTS] ??= { receiving: createSlots(RECEIVING), storing: createSlots(STORING) });

const answer = (status: number, body: Record<string, unknown>, extra: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...extra } });

/**
 * Same-origin only: a browser sends `Sec-Fetch-Site` (modern ones) and `Origin` (every POST);
 * each one present must say this site. A request with neither is not from a browser page, so
 * no cookie was ridden cross-site; it is refused all the same, as nothing but the form uses this.
 */
function sameOrigin(request: Request, host: string | null): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') return false;
  const origin = request.headers.get('origin');
  if (origin === null) return site === 'same-origin';
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function POST(request: Request): Promise<Response> {
  // The launcher treats a multipart POST as an action request: say this code started.
  noteActionEntered();
  const incoming = await headers();
  const host = incoming.get('x-forwarded-host') ?? incoming.get('host');
  if (!sameOrigin(request, host)) return answer(403, { error: CROSS_SITE });

  const user = await getCurrentUser();
  if (!user) return (await sessionLostToOutage()) ? answer(503, { error: DATABASE_UNAVAILABLE }) : answer(401, { error: NOT_SIGNED_IN });
  if (!can(user.role, 'documents:write-own')) return answer(403, { error: NOT_ALLOWED });

  const maxBytes = env().DOCUMENT_MAX_BYTES;
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes + DOCUMENT_UPLOAD_SLACK) return answer(413, { error: tooLargeMessage('đã chọn', maxBytes) });
  if (!slots.receiving.tryEnter()) return answer(503, { error: UPLOADS_BUSY }, { 'Retry-After': '5' });
  try {
    const received = await receiveDocumentFile(request.body, request.headers.get('content-type') ?? '', maxBytes);
    if ('error' in received) return answer(received.status, { error: received.error });
    try {
      const type = await detectDocumentType(received.path, received.name);
      if (!type) return answer(415, { error: wrongTypeMessage(received.name) });
      const storageKey = `documents/${received.sha256}.${type.ext}`;
      const row = await recordUploadedFile(
        { storageKey, originalName: received.name, mimeType: type.mimeType, bytes: received.size, sha256: received.sha256 },
        { id: user.id, email: user.email },
        clientIp(incoming),
        async () => {
          await slots.storing.enter();
          try {
            await storage().put(storageKey, await readFile(received.path), type.mimeType);
          } finally {
            slots.storing.leave();
          }
        },
      );
      return answer(200, { id: row.id, name: received.name, size: received.size, mimeType: type.mimeType, label: type.label });
    } finally {
      await discard(received);
    }
  } catch (error) {
    // The store is down: nothing was recorded (the row is written after the object).
    if (error instanceof StorageUnavailable) {
      logStorageFailure('document upload', error);
      return answer(503, { error: STORAGE_UNAVAILABLE }, { 'Retry-After': '30' });
    }
    if (isDatabaseUnavailable(error)) return answer(503, { error: DATABASE_UNAVAILABLE }, { 'Retry-After': '30' });
    throw error;
  } finally {
    slots.receiving.leave();
  }
}
