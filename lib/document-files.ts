// Receiving one document file (POST /dashboard/van-ban/tep): the multipart body is streamed to a
// temporary file while it is hashed and counted, never held in memory whole and never trusted
// for its declared length; its type is then decided from its bytes (file-type), never from its
// name or the browser's word. No Next.js and no database in here (the route and
// db/writes/document-files.ts do those), so the limits can be tested on their own.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { fileTypeFromFile } from 'file-type';
import { DOCUMENT_FILE_TYPES, formatFileSize, type DocumentMimeType } from './documents';
import { DOCUMENT_UPLOAD_SLACK } from './document-upload';
import { slugify } from './vietnamese';

export { DOCUMENT_UPLOAD_PATH, DOCUMENT_UPLOAD_SLACK } from './document-upload';

/** A file name as kept: NFC, no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (clean.length <= 200) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, 200 - ext.length) + ext;
}

/** The extension a name ends with, lower case, without the dot ('' when none). */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export type DocumentFileType = { mimeType: DocumentMimeType; ext: string; label: string };

const typeOf = (mimeType: DocumentMimeType): DocumentFileType => ({ mimeType, ...DOCUMENT_FILE_TYPES[mimeType] });

/**
 * The file's type from its bytes: PDF, DOCX, XLSX and ODT are recognised directly. DOC and XLS
 * are both OLE compound files (CFB), which the bytes alone do not tell apart without parsing the
 * container: a CFB file is taken only when its name says `.doc` or `.xls`, and is that. Anything
 * else (an image named .pdf, a zip, a PPTX, an MSI) is null.
 */
export async function detectDocumentType(filePath: string, name: string): Promise<DocumentFileType | null> {
  const found = await fileTypeFromFile(filePath).catch(() => undefined);
  if (!found) return null;
  if (found.mime === 'application/x-cfb') {
    const ext = extensionOf(name);
    if (ext === 'doc') return typeOf('application/msword');
    if (ext === 'xls') return typeOf('application/vnd.ms-excel');
    return null;
  }
  return Object.hasOwn(DOCUMENT_FILE_TYPES, found.mime) ? typeOf(found.mime as DocumentMimeType) : null;
}

/** The refusal a file gets when its bytes are none of the accepted types. */
export const wrongTypeMessage = (name: string) =>
  `Tệp “${name}” không phải PDF, DOC, DOCX, XLS, XLSX hoặc ODT (kiểm tra theo nội dung tệp, không theo tên). Vui lòng chọn tệp khác.`;
export const tooLargeMessage = (name: string, max: number) => `Tệp “${name}” lớn hơn ${formatFileSize(max)}, mức tối đa cho mỗi tệp. Vui lòng chọn tệp nhỏ hơn.`;
export const EMPTY_FILE = (name: string) => `Tệp “${name}” không có nội dung.`;
export const NO_FILE = 'Vui lòng chọn một tệp để tải lên.';
export const MALFORMED_UPLOAD = 'Dữ liệu tải lên không hợp lệ. Vui lòng tải lại trang rồi chọn tệp lại.';
export const UPLOADS_BUSY = 'Máy chủ đang nhận nhiều tệp cùng lúc. Vui lòng chờ ít giây rồi tải lại tệp này.';
export const CROSS_SITE = 'Yêu cầu tải tệp không đến từ trang quản trị này nên bị từ chối.';

/** A file received to a temporary path: the caller removes `dir` when done (`discard`). */
export type ReceivedFile = { path: string; dir: string; name: string; size: number; sha256: string };
export type UploadRefusal = { status: 400 | 413 | 415; error: string };

/**
 * Streams the one file of a multipart body to a temporary file, hashing and counting as it goes.
 * Refuses (without keeping anything) a body with no file or more than one, a file over `maxBytes`
 * and a body over `maxBytes` + DOCUMENT_UPLOAD_SLACK in all, whatever it declared. On a refusal
 * the rest of the body is read and dropped (up to `maxBytes` more), so the browser gets to read
 * the answer instead of a reset connection.
 */
export async function receiveDocumentFile(
  body: ReadableStream<Uint8Array> | Readable | null,
  contentType: string,
  maxBytes: number,
  tmpRoot: string = os.tmpdir(),
): Promise<ReceivedFile | UploadRefusal> {
  if (!body || !contentType.toLowerCase().startsWith('multipart/form-data')) return { status: 400, error: MALFORMED_UPLOAD };
  const source = body instanceof Readable ? body : Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      defParamCharset: 'utf8',
      // One byte over the limit is read, so that a file of exactly `maxBytes` is told from a longer one.
      limits: { files: 1, fileSize: maxBytes + 1, fields: 10, fieldSize: 1024, parts: 11, headerPairs: 20 },
    });
  } catch {
    source.resume();
    return { status: 400, error: MALFORMED_UPLOAD };
  }
  const dir = path.join(tmpRoot, `newsroom-upload-${randomUUID()}`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, 'file');

  return new Promise<ReceivedFile | UploadRefusal>((resolve) => {
    let settled = false;
    let total = 0;
    let files = 0;
    let writing: Promise<{ size: number; sha256: string; truncated: boolean }> | null = null;
    let name = '';
    const finish = (outcome: ReceivedFile | UploadRefusal) => {
      if (settled) return;
      settled = true;
      if ('error' in outcome) {
        source.unpipe(counter);
        counter.unpipe(parser);
        parser.destroy();
        drain(source, maxBytes);
        void rm(dir, { recursive: true, force: true });
      }
      resolve(outcome);
    };
    const limit = maxBytes + DOCUMENT_UPLOAD_SLACK;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        total += chunk.length;
        if (total > limit) {
          finish({ status: 413, error: tooLargeMessage(name || 'đã chọn', maxBytes) });
          done();
          return;
        }
        done(null, chunk);
      },
    });

    parser.on('file', (_field, stream, info) => {
      files += 1;
      if (files > 1) {
        stream.resume();
        return;
      }
      name = cleanFileName(info.filename ?? '');
      const hash = createHash('sha256');
      let size = 0;
      let truncated = false;
      stream.on('limit', () => {
        truncated = true;
      });
      const hasher = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          hash.update(chunk);
          done(null, chunk);
        },
      });
      writing = pipeline(stream, hasher, createWriteStream(target, { mode: 0o600 })).then(() => ({ size, sha256: hash.digest('hex'), truncated }));
      writing.catch(() => undefined);
    });
    parser.on('filesLimit', () => finish({ status: 400, error: 'Mỗi lần chỉ tải lên một tệp.' }));
    parser.on('error', () => finish({ status: 400, error: MALFORMED_UPLOAD }));
    parser.on('close', () => {
      if (settled) return;
      if (!writing) return finish({ status: 400, error: NO_FILE });
      writing.then(
        (file) => {
          if (file.truncated || file.size > maxBytes) return finish({ status: 413, error: tooLargeMessage(name, maxBytes) });
          if (!name) return finish({ status: 400, error: NO_FILE });
          if (file.size === 0) return finish({ status: 400, error: EMPTY_FILE(name) });
          if (files > 1) return finish({ status: 400, error: 'Mỗi lần chỉ tải lên một tệp.' });
          finish({ path: target, dir, name, size: file.size, sha256: file.sha256 });
        },
        () => finish({ status: 400, error: MALFORMED_UPLOAD }),
      );
    });
    source.on('error', () => finish({ status: 400, error: MALFORMED_UPLOAD }));
    source.pipe(counter).pipe(parser);
  });
}

/** Reads and drops what is left of a refused body, up to `most` bytes, then stops reading. */
function drain(source: Readable, most: number): void {
  let dropped = 0;
  source.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > most) source.destroy();
  });
  source.on('error', () => undefined);
  source.resume();
}

/** Removes what receiveDocumentFile kept. */
export async function discard(file: ReceivedFile): Promise<void> {
  await rm(file.dir, { recursive: true, force: true });
}

/**
 * A counter of uploads in progress: `tryEnter` refuses beyond `most` (the route answers 503).
 * A file being received costs a temporary file, not memory.
 */
export function createSlots(most: number) {
  let used = 0;
  const waiting: (() => void)[] = [];
  return {
    get used() {
      return used;
    },
    tryEnter(): boolean {
      if (used >= most) return false;
      used += 1;
      return true;
    },
    /** Waits (first come, first served) for a slot. */
    async enter(): Promise<void> {
      if (used < most) {
        used += 1;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    leave(): void {
      const next = waiting.shift();
      if (next) next();
      else used = Math.max(0, used - 1);
    },
  };
}

/** The staff (and public, once published) download address: `/van-ban/tep/{id}/{ascii name}`. */
export function documentFileHref(file: { id: number; originalName: string }): string {
  const ext = extensionOf(file.originalName);
  const base = slugify(ext ? file.originalName.slice(0, -(ext.length + 1)) : file.originalName, 80) || 'tep';
  return `/van-ban/tep/${file.id}/${base}${ext ? `.${ext.replace(/[^a-z0-9]/g, '')}` : ''}`;
}
