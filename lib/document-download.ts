// A document's file as an HTTP download (`/van-ban/tep/{id}/{name}`): the exact bytes from the
// store, whole or one range, under the original Vietnamese name. Web Request/Response and the
// storage interface only (no Next, no database), so lib/document-download.test.ts runs it
// against a real directory store.
//
// - The validator is the file's SHA-256, the content address of its bytes: strong, the same on
//   every instance and backend (a directory's size-mtime tag is not, nor is S3's).
// - The size comes from the row, so a range is cut without asking the store first.
// - Next 16 drops Content-Length from a route handler's answer; CONTENT_LENGTH_HEADER carries it
//   to npm start, which puts it back (scripts/lib/content-length.ts): a PDF viewer asks for
//   ranges only when it knows the length.
// - `no-transform` keeps gzip (the `compression` package honours it) and proxies off the bytes.
import { create as contentDisposition } from 'content-disposition';
import fresh from 'fresh';
import parseRange from 'range-parser';
import { DOCUMENT_FILE_TYPES, type DocumentMimeType } from './documents';
import type { Storage } from './storage/storage';
import { slugify, stripDiacritics } from './vietnamese';

/** The private header npm start turns into Content-Length (and never sends). */
export const CONTENT_LENGTH_HEADER = 'x-newsroom-content-length';

export type DownloadFile = {
  storageKey: string;
  originalName: string;
  mimeType: string;
  bytes: number;
  sha256: string;
  createdAt: Date;
};

/** Public path of a file: the id decides, the name is for people and for `Save as`. */
export function documentFilePath(file: { id: number; originalName: string }): string {
  return `/van-ban/tep/${file.id}/${downloadName(file.originalName)}`;
}

/** `Kế hoạch 67.pdf` → `ke-hoach-67.pdf`: the decorative last segment of a download's URL. */
export function downloadName(originalName: string): string {
  const dot = originalName.lastIndexOf('.');
  const ext = dot > 0 ? slugify(originalName.slice(dot + 1), 10) : '';
  const base = slugify(dot > 0 ? originalName.slice(0, dot) : originalName, 80) || 'tep';
  return ext ? `${base}.${ext}` : base;
}

/** The type's short label (`PDF`, `DOCX`…), for link text. */
export function fileTypeLabel(mimeType: string): string {
  return (DOCUMENT_FILE_TYPES as Record<string, { label: string }>)[mimeType]?.label ?? 'Tệp';
}

/**
 * `attachment; filename="Ke hoach 67.pdf"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%2067.pdf`
 * (RFC 6266, RFC 5987): the Vietnamese name for every current browser, an accent-free one for
 * the rest. Control characters and path separators never reach the header.
 */
export function attachmentHeader(originalName: string): string {
  const name = originalName.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\]+/g, ' ').trim() || 'tep';
  const fallback = stripDiacritics(name).replace(/[^\x20-\x7e]+/g, '_').replace(/["%]/g, '_');
  return contentDisposition(name, { type: 'attachment', fallback });
}

export type DownloadOptions = {
  /** `Cache-Control` of a 200/206/304. */
  cacheControl: string;
};

/**
 * Answers a GET or HEAD for a document's file: 200, 206 (one range; several are answered whole,
 * which HTTP allows), 304, 416, or null when the store has no such object (the route's 404).
 * A store that cannot be reached throws StorageUnavailable (the route's 503).
 */
export async function downloadResponse(request: Request, store: Storage, file: DownloadFile, options: DownloadOptions): Promise<Response | null> {
  const etag = `"${file.sha256}"`;
  const lastModified = file.createdAt.toUTCString();
  const headers = new Headers({
    'Content-Type': file.mimeType in DOCUMENT_FILE_TYPES ? (file.mimeType as DocumentMimeType) : 'application/octet-stream',
    'Content-Disposition': attachmentHeader(file.originalName),
    ETag: etag,
    'Last-Modified': lastModified,
    'Accept-Ranges': 'bytes',
    'Cache-Control': options.cacheControl,
    'X-Content-Type-Options': 'nosniff',
  });
  const validators = {
    'if-none-match': request.headers.get('if-none-match') ?? undefined,
    'if-modified-since': request.headers.get('if-modified-since') ?? undefined,
    'cache-control': request.headers.get('cache-control') ?? undefined,
  };
  if (fresh(validators, { etag, 'last-modified': lastModified })) return new Response(null, { status: 304, headers });

  const size = file.bytes;
  const rangeHeader = request.headers.get('range');
  if (rangeHeader && rangeStillApplies(request.headers.get('if-range'), etag, file.createdAt)) {
    const ranges = parseRange(size, rangeHeader, { combine: true });
    if (ranges === -1) {
      return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}`, 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store' } });
    }
    const only = ranges !== -2 && ranges.type === 'bytes' && ranges.length === 1 ? ranges[0] : undefined;
    if (only) {
      const length = only.end - only.start + 1;
      headers.set('Content-Range', `bytes ${only.start}-${only.end}/${size}`);
      headers.set('Content-Length', String(length));
      headers.set(CONTENT_LENGTH_HEADER, String(length));
      if (request.method === 'HEAD') return (await store.head(file.storageKey)) ? new Response(null, { status: 206, headers }) : null;
      const object = await store.get(file.storageKey, only);
      if (!object) return null;
      if (object.range && object.size === size) return new Response(object.body, { status: 206, headers });
      // A store that ignored the range, or bytes that are not the row's: never a wrong slice.
      await object.body.cancel();
      headers.delete('Content-Range');
    }
  }
  if (request.method === 'HEAD') {
    const info = await store.head(file.storageKey);
    if (!info) return null;
    headers.set('Content-Length', String(info.size));
    headers.set(CONTENT_LENGTH_HEADER, String(info.size));
    return new Response(null, { status: 200, headers });
  }
  const object = await store.get(file.storageKey);
  if (!object) return null;
  headers.set('Content-Length', String(object.size));
  headers.set(CONTENT_LENGTH_HEADER, String(object.size));
  return new Response(object.body, { status: 200, headers });
}

/** If-Range names an ETag or a date: a range applies only while it still names these bytes. */
function rangeStillApplies(ifRange: string | null, etag: string, createdAt: Date): boolean {
  if (!ifRange) return true;
  if (ifRange.startsWith('"') || ifRange.startsWith('W/')) return ifRange === etag;
  const date = Date.parse(ifRange);
  return Number.isFinite(date) && Math.floor(createdAt.getTime() / 1000) <= Math.floor(date / 1000);
}
