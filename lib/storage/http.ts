// Stored objects as HTTP responses, for route handlers: the whole object or one byte range
// (206/416, If-Range), validators (ETag, Last-Modified, 304), and a calm 503 for a store that
// cannot be reached. Web `Request`/`Response` only, so it stays free of Next.js.
import fresh from 'fresh';
import parseRange from 'range-parser';
import type { Storage, StoredObject } from './storage';

export type ObjectResponseOptions = {
  contentType: string;
  /** Extra headers for 200/206/304 answers (Cache-Control, Content-Disposition…). */
  headers?: Record<string, string>;
};

const RETRY_AFTER_SECONDS = 30;

function objectHeaders(object: Pick<StoredObject, 'etag' | 'lastModified'>, options: ObjectResponseOptions): Headers {
  const headers = new Headers(options.headers);
  headers.set('Content-Type', options.contentType);
  headers.set('ETag', object.etag);
  headers.set('Last-Modified', object.lastModified.toUTCString());
  headers.set('Accept-Ranges', 'bytes');
  headers.set('X-Content-Type-Options', 'nosniff');
  return headers;
}

const requestValidators = (request: Request) => ({
  'if-none-match': request.headers.get('if-none-match') ?? undefined,
  'if-modified-since': request.headers.get('if-modified-since') ?? undefined,
  'cache-control': request.headers.get('cache-control') ?? undefined,
});

/** If-Range holds an ETag or a date; the range applies only while it still names this object. */
function rangeStillApplies(request: Request, object: Pick<StoredObject, 'etag' | 'lastModified'>): boolean {
  const ifRange = request.headers.get('if-range');
  if (!ifRange) return true;
  if (ifRange.startsWith('"') || ifRange.startsWith('W/')) return ifRange === object.etag;
  const date = Date.parse(ifRange);
  return Number.isFinite(date) && Math.floor(object.lastModified.getTime() / 1000) <= Math.floor(date / 1000);
}

/**
 * Answers a GET for `key`: 200 with the whole object, 206 with one range (several ranges are
 * answered whole, which HTTP allows), 416, or 304. `null` when there is no such object, so the
 * route words its own 404. A store that cannot be reached throws StorageUnavailable.
 */
export async function objectResponse(request: Request, store: Storage, key: string, options: ObjectResponseOptions): Promise<Response | null> {
  const rangeHeader = request.method === 'GET' ? request.headers.get('range') : null;
  if (rangeHeader) {
    // The size must be known to read `bytes=-500` or to refuse a range past the end.
    const info = await store.head(key);
    if (!info) return null;
    const ranges = rangeStillApplies(request, info) ? parseRange(info.size, rangeHeader, { combine: true }) : -2;
    if (ranges === -1) {
      return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${info.size}`, 'Accept-Ranges': 'bytes' } });
    }
    const only = ranges !== -2 && ranges.type === 'bytes' && ranges.length === 1 ? ranges[0] : undefined;
    if (only) {
      const object = await store.get(key, only);
      if (!object) return null;
      if (object.range && object.etag === info.etag) {
        const headers = objectHeaders(object, options);
        headers.set('Content-Range', `bytes ${object.range.start}-${object.range.end}/${object.size}`);
        headers.set('Content-Length', String(object.range.end - object.range.start + 1));
        return new Response(object.body, { status: 206, headers });
      }
      // Replaced between the two calls, or a store that ignored the range: the whole object.
      await object.body.cancel();
    }
  }
  const object = await store.get(key);
  if (!object) return null;
  const headers = objectHeaders(object, options);
  if (fresh(requestValidators(request), { etag: object.etag, 'last-modified': object.lastModified.toUTCString() })) {
    await object.body.cancel();
    return new Response(null, { status: 304, headers });
  }
  // Next 16 drops Content-Length from a route handler's answer (FORBIDDEN_HEADERS in
  // next/dist/server/send-response.js) and sends it chunked; kept for other callers and tests.
  headers.set('Content-Length', String(object.size));
  return new Response(object.body, { status: 200, headers });
}

/** 503 for a store that cannot be reached: a short Vietnamese text, never cached, retried later. */
export function storageUnavailableResponse(text: string): Response {
  return new Response(text, {
    status: 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': String(RETRY_AFTER_SECONDS) },
  });
}
