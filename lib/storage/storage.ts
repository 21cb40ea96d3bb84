// The storage interface and what its backends share (lib/storage/index.ts chooses one).

/** What the store knows about an object. `etag` is a strong validator, quoted as in HTTP. */
export type ObjectInfo = { size: number; etag: string; lastModified: Date };

/** Inclusive byte positions, as in HTTP's `Range: bytes=start-end`. */
export type ByteRange = { start: number; end: number };

/**
 * An object's bytes (all of them, or the range asked for) as a stream the caller must read or
 * cancel. `size` is always the whole object's; `range` is what `body` holds when one was asked.
 */
export type StoredObject = ObjectInfo & { body: ReadableStream<Uint8Array>; range?: ByteRange };

/**
 * The storage interface. Keys are relative paths of safe characters (`2026/11/<hash>-640.webp`).
 * A missing object is `null`, never an error; a store that cannot be reached throws
 * StorageUnavailable. The content type is given to `put` (an object store keeps it, for a CDN
 * in front of the bucket); readers take it from their own database row, as a directory keeps none.
 */
export interface Storage {
  readonly kind: 'directory' | 's3';
  /** Stores the bytes under `key`, whole or not at all (a reader never sees half an object). */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes, or only `range` (its end clamped to the object; a start past it throws RangeNotSatisfiable). */
  get(key: string, range?: ByteRange): Promise<StoredObject | null>;
  head(key: string): Promise<ObjectInfo | null>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
}

/** The store could not be reached, timed out or refused the request: a temporary failure (503). */
export class StorageUnavailable extends Error {
  override name = 'StorageUnavailable';
  constructor(operation: string, key: string, options?: { cause?: unknown }) {
    const cause = options?.cause as { name?: string; code?: string; message?: string } | undefined;
    const why = cause ? `: ${cause.code ?? cause.name ?? 'Error'}${cause.message ? ` (${cause.message})` : ''}` : '';
    super(`Storage ${operation} of "${key}" failed${why}`, options);
  }
}

const LOG_EVERY_MS = 10_000;
let lastLogged = 0;
let unlogged = 0;

/**
 * Logs a failure of the store, at most once every 10 s with a count of the ones in between:
 * during an outage every image on every page fails, and the log must stay readable.
 */
export function logStorageFailure(context: string, error: StorageUnavailable): void {
  const now = Date.now();
  if (now - lastLogged < LOG_EVERY_MS) {
    unlogged += 1;
    return;
  }
  const more = unlogged > 0 ? ` (and ${unlogged} more since the last report)` : '';
  lastLogged = now;
  unlogged = 0;
  console.error(`[${context}] ${error.message}${more}`);
}

/** The range starts past the end of the object (HTTP 416). */
export class RangeNotSatisfiable extends Error {
  override name = 'RangeNotSatisfiable';
  constructor(readonly size: number) {
    super(`Range not satisfiable for an object of ${size} bytes`);
  }
}

/** For a form whose upload could not be stored: nothing was saved, the typing is kept. */
export const STORAGE_UNAVAILABLE = 'Kho lưu tệp tạm thời không truy cập được nên tệp chưa được lưu. Nội dung bạn nhập vẫn còn nguyên; vui lòng thử lại sau ít phút.';

const KEY = /^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

/** Throws on a key that could leave the store's root or that an object store would mangle. */
export function assertKey(key: string): void {
  if (key.length > 512 || !KEY.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}

/** Clamps a requested range to an object of `size` bytes; a start at or past the end is 416. */
export function clampRange(range: ByteRange, size: number): ByteRange {
  if (!Number.isSafeInteger(range.start) || range.start < 0 || range.start >= size || range.end < range.start) throw new RangeNotSatisfiable(size);
  return { start: range.start, end: Math.min(range.end, size - 1) };
}
