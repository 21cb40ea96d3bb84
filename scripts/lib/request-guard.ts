// The front door of the custom server: every request body is read here first, held to a size
// limit (413) and, for form posts to pages (server actions), parsed once with busboy, so that
// a broken multipart body, malformed action fields or thousands of fields get a 4xx with a
// Vietnamese message instead of reaching Next's decoder, which answers those with a 500.
// The checked body is then handed to Next as a fresh request with the same headers.
import { IncomingMessage, type ServerResponse } from 'node:http';
import busboy from 'busboy';

export type GuardLimits = {
  /** Bodies sent to the public site (comments, sign-in, API routes). */
  publicBytes: number;
  /** Bodies sent to the dashboard: media uploads. Must not exceed Next's `bodySizeLimit`. */
  dashboardBytes: number;
  /** Fields (and file parts) in one form. */
  maxFields: number;
  /**
   * How much of a refused body is still read (and thrown away) so that the client gets to read
   * the answer; a body declared larger than this has its connection cut instead.
   */
  lingerBytes: number;
};

export const DEFAULT_LIMITS: GuardLimits = {
  publicBytes: 128 * 1024,
  dashboardBytes: 11 * 1024 * 1024,
  maxFields: 500,
  lingerBytes: 64 * 1024 * 1024,
};

/** How long a refused body that is still arriving is read before the connection is cut. */
const LINGER_MS = 10_000;

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type Rejection = { status: 400 | 413; message: string };

const TOO_LARGE = (limit: number): Rejection => ({
  status: 413,
  message: `Dữ liệu gửi lên quá lớn (tối đa ${formatBytes(limit)}). Vui lòng rút gọn nội dung hoặc chọn tệp nhỏ hơn rồi gửi lại.`,
});
const TOO_MANY_FIELDS: Rejection = { status: 413, message: 'Biểu mẫu gửi lên có quá nhiều trường dữ liệu.' };
const BAD_CHARACTERS: Rejection = {
  status: 400,
  message: 'Dữ liệu gửi lên có ký tự không hợp lệ (mã điều khiển hoặc sai bảng mã UTF-8). Vui lòng kiểm tra và gửi lại.',
};
const MALFORMED: Rejection = {
  status: 400,
  message: 'Dữ liệu gửi lên không hợp lệ. Vui lòng tải lại trang và gửi lại biểu mẫu.',
};

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

const BAD_ADDRESS: Rejection = { status: 400, message: 'Địa chỉ trang không hợp lệ. Vui lòng kiểm tra lại đường dẫn.' };

/**
 * The path as Next will route it (dot segments resolved, as `new URL` does), or null when a
 * segment does not decode to valid UTF-8 — Next answers those with a bare 500.
 */
export function routePath(url: string): string | null {
  try {
    const { pathname } = new URL(url, 'http://localhost');
    decodeURIComponent(pathname);
    return pathname;
  } catch {
    return null;
  }
}

export function bodyLimit(pathname: string, limits: GuardLimits = DEFAULT_LIMITS): number {
  return pathname === '/dashboard' || pathname.startsWith('/dashboard/') ? limits.dashboardBytes : limits.publicBytes;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text a person could have typed: valid UTF-8 and no NUL (PostgreSQL refuses it in text, too). */
function isCleanText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The bytes of one urlencoded name or value (`part` holds the body's bytes as latin1). */
function percentDecoded(part: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < part.length; i++) {
    const code = part.charCodeAt(i);
    const hex = part.slice(i + 1, i + 3);
    if (code === 0x25 && /^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(code === 0x2b ? 0x20 : code & 0xff);
    }
  }
  return Buffer.from(bytes);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** `$ACTION_n:k` fields of a form posted without JavaScript: React parses them as JSON. */
const isMpaActionField = (name: string) => /^\$ACTION_\d+:\d+$/.test(name);

// React's reply format: a string starting with "$" is either self-contained ("$$" an escaped
// dollar, "$D" a date, "$n" a bigint, "$K" a FormData prefix, "$u" undefined, …) or a
// reference to another row of the body by its hex id ("$@1", "$Q2", "$a").
const SELF_CONTAINED = new Set(['$', 'D', 'n', 'K', 'T', 'u', 'I', 'N', '-']);

/** The row ids (as field names) a decoded row refers to; null when a reference is malformed. */
function rowReferences(value: unknown, found: string[] = []): string[] | null {
  if (typeof value === 'string') {
    if (value.length < 2 || value[0] !== '$' || SELF_CONTAINED.has(value[1] ?? '')) return found;
    const id = /^[0-9a-f]+$/i.test(value.slice(1)) ? value.slice(1) : value.slice(2);
    if (!/^[0-9a-f]{1,8}$/i.test(id)) return null;
    found.push(String(parseInt(id, 16)));
    return found;
  }
  if (Array.isArray(value)) {
    for (const item of value) if (!rowReferences(item, found)) return null;
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) if (!rowReferences(item, found)) return null;
  }
  return found;
}

/**
 * A server-action call's arguments as React would decode them: row "0" is a JSON array, and
 * every row it (or another row) refers to is present. `rows` maps field names to their text.
 */
function isSoundReply(rows: Map<string, string>, parts: Set<string>): boolean {
  const seen = new Set<string>();
  const pending = ['0'];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const text = rows.get(id);
    if (text === undefined) {
      if (parts.has(id)) continue; // a file (Blob) row
      return false;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return false;
    }
    if (id === '0' && !Array.isArray(value)) return false;
    const references = rowReferences(value);
    if (!references) return false;
    pending.push(...references);
  }
  return true;
}

/** Parses a multipart body completely; resolves with a rejection, or null when it is sound. */
async function checkMultipart(headers: IncomingMessage['headers'], body: Buffer, limits: GuardLimits, fetchAction: boolean): Promise<Rejection | null> {
  const verdict = await new Promise<Rejection | null>((resolve) => {
    let parser: busboy.Busboy;
    try {
      // busboy counts a limit as reached at the limit itself: allow one more.
      const most = limits.maxFields + 1;
      parser = busboy({ headers, defParamCharset: 'utf8', limits: { fields: most, parts: most, files: most, fieldSize: body.length + 1 } });
    } catch {
      resolve(MALFORMED); // no boundary, or not multipart at all
      return;
    }
    let found: Rejection | null = null;
    const settle = (value: Rejection) => {
      found ??= value;
    };
    const rows = new Map<string, string>();
    const parts = new Set<string>();
    parser.on('field', (name, value) => {
      // Invalid UTF-8 comes out of the decoder as U+FFFD.
      if (/[\u0000\ufffd]/.test(name) || /[\u0000\ufffd]/.test(value)) settle(BAD_CHARACTERS);
      else if (isMpaActionField(name) && !isJson(value)) settle(MALFORMED);
      else if (fetchAction && /^\d+$/.test(name)) rows.set(name, value);
    });
    parser.on('file', (name, stream) => {
      parts.add(name);
      stream.resume();
    });
    parser.on('fieldsLimit', () => settle(TOO_MANY_FIELDS));
    parser.on('partsLimit', () => settle(TOO_MANY_FIELDS));
    parser.on('filesLimit', () => settle(TOO_MANY_FIELDS));
    parser.on('error', () => resolve(found ?? MALFORMED));
    parser.on('close', () => resolve(found ?? (fetchAction && !isSoundReply(rows, parts) ? MALFORMED : null)));
    parser.end(body);
  });
  if (verdict || fetchAction) return verdict;
  // A form posted without JavaScript is parsed again by Next with the WHATWG parser, which is
  // stricter about part headers than busboy: it must accept the body as well.
  try {
    await new Request('http://localhost/', { method: 'POST', headers: { 'content-type': String(headers['content-type']) }, body: new Uint8Array(body) }).formData();
    return null;
  } catch {
    return MALFORMED;
  }
}

/** What a body must look like before Next may decode it; null when it may go on. */
export async function checkBody(
  pathname: string,
  headers: IncomingMessage['headers'],
  body: Buffer,
  limits: GuardLimits = DEFAULT_LIMITS,
): Promise<Rejection | null> {
  if (body.length > bodyLimit(pathname, limits)) return TOO_LARGE(bodyLimit(pathname, limits));
  // API routes parse their own bodies (and answer bad ones with 4xx themselves).
  if (pathname.startsWith('/api/')) return null;
  const contentType = String(headers['content-type'] ?? '').toLowerCase();
  const fetchAction = typeof headers['next-action'] === 'string';
  if (contentType.startsWith('multipart/form-data')) return checkMultipart(headers, body, limits, fetchAction);
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const pairs = body.toString('latin1').split('&');
    if (pairs.length > limits.maxFields) return TOO_MANY_FIELDS;
    for (const pair of pairs) {
      for (const part of pair.split('=')) {
        if (!isCleanText(percentDecoded(part))) return BAD_CHARACTERS;
      }
    }
  }
  // A server-action call whose arguments did not need a multipart body is one JSON text.
  if (fetchAction) return isCleanText(body) && isSoundReply(new Map([['0', body.toString('utf8')]]), new Set()) ? null : MALFORMED;
  return null;
}

function rejectionPage(rejection: Rejection): string {
  const title = rejection.status === 413 ? 'Dữ liệu quá lớn' : 'Yêu cầu không hợp lệ';
  return (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${title}</title></head><body style="font:1.125rem/1.6 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">` +
    `<h1>${title}</h1><p>${rejection.message}</p><p><a href="/">Về trang chủ</a></p></body></html>`
  );
}

/**
 * Answers with the rejection. A body that is still arriving is read to its end and thrown away
 * (nginx's "lingering close"): closing at once would reset the connection under a client still
 * writing, which then reports a network error instead of the answer. Only a body declared larger
 * than `lingerBytes`, or one that is not done within LINGER_MS, has its connection cut.
 */
function reject(req: IncomingMessage, res: ServerResponse, rejection: Rejection, limits: GuardLimits): void {
  if (res.headersSent) return;
  const declared = Number(req.headers['content-length'] ?? 0);
  const linger = !req.complete && Number.isFinite(declared) && declared <= limits.lingerBytes;
  const page = rejectionPage(rejection);
  res.writeHead(rejection.status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(page),
    'Cache-Control': 'no-store',
    ...(linger || req.complete ? {} : { Connection: 'close' }),
  });
  res.end(page);
  if (req.complete) return;
  let drained = 0;
  const cut = () => req.socket.destroy();
  const timer = setTimeout(cut, LINGER_MS);
  timer.unref();
  const done = () => clearTimeout(timer);
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > limits.lingerBytes) cut();
  });
  req.once('end', done);
  req.once('close', done);
  req.resume();
}

/** The request rebuilt around a body that has already been read. */
function replay(original: IncomingMessage, body: Buffer): IncomingMessage {
  const request = new IncomingMessage(original.socket);
  request.method = original.method;
  request.url = original.url;
  request.httpVersion = original.httpVersion;
  request.httpVersionMajor = original.httpVersionMajor;
  request.httpVersionMinor = original.httpVersionMinor;
  const headers = { ...original.headers, 'content-length': String(body.length) };
  delete headers['transfer-encoding'];
  request.headers = headers;
  request.rawHeaders = Object.entries(headers).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value ?? '']).flatMap((v) => [name, v]),
  );
  request.complete = true;
  request.push(body);
  request.push(null);
  return request;
}

/**
 * Reads and checks the body of a request that has one. Resolves with the request Next should
 * handle, or null when the guard has already answered (413, 400) or the client went away.
 */
export async function guardRequest(req: IncomingMessage, res: ServerResponse, limits: GuardLimits = DEFAULT_LIMITS): Promise<IncomingMessage | null> {
  const pathname = routePath(req.url ?? '/');
  if (pathname === null) {
    reject(req, res, BAD_ADDRESS, limits);
    return null;
  }
  if (!METHODS_WITH_BODY.has(req.method ?? '')) return req;
  const limit = bodyLimit(pathname, limits);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    reject(req, res, TOO_LARGE(limit), limits);
    return null;
  }
  const body = await new Promise<Buffer | Rejection | null>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        resolve(TOO_LARGE(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks, size)));
    req.on('error', () => resolve(null));
    req.on('close', () => resolve(null)); // after 'end' this changes nothing
  });
  if (body === null) return null;
  if (!Buffer.isBuffer(body)) {
    reject(req, res, body, limits);
    return null;
  }
  const rejection = await checkBody(pathname, req.headers, body, limits);
  if (rejection) {
    reject(req, res, rejection, limits);
    return null;
  }
  return replay(req, body);
}
