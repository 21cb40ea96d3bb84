// The front door of the custom server: every request body is read here first, held to a size
// limit (413) and, for form posts, parsed once with busboy, so that a broken multipart body,
// bytes that are not text or thousands of fields get a 4xx with a Vietnamese message instead of
// reaching Next, which answers those with a 500. The checked body is then handed to Next as a
// fresh request with the same headers. What a form's fields mean is Next's to decode: a server
// action body it cannot decode is recognised on the way out (handleChecked, at the end).
//
// Reading a body costs memory and its checks cost main-thread time, which every other reader
// waits for. So: only a request with a live session (options.hasSession) may send more than the
// public limit, and it is asked only when a body would exceed it; all bodies being read at once
// share one byte budget (503 beyond it); and every check is one pass over the bytes.
import { isUtf8 } from 'node:buffer';
import { IncomingMessage, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import busboy from 'busboy';
import { DOCUMENT_UPLOAD_PATH, documentUploadBytes } from '../../lib/document-upload';
import { env } from '../../lib/env';
import { requestNotes, type RequestNote } from '../../lib/request-note';

export type GuardLimits = {
  /** Bodies sent to the public site (comments, sign-in, API routes). */
  publicBytes: number;
  /**
   * Bodies sent to the dashboard by a signed-in user (media uploads); anyone else gets the
   * public limit there too. Must not exceed Next's `bodySizeLimit`.
   */
  dashboardBytes: number;
  /** Fields (and file parts) in one form. */
  maxFields: number;
  /**
   * How much of a refused body is still read (and thrown away) so that the client gets to read
   * the answer; a body declared larger than this has its connection cut instead.
   */
  lingerBytes: number;
  /**
   * Paths (exact) whose POST body a live session sends straight through to a route that reads,
   * counts and checks it as a stream itself, with the most such a body may declare: never held
   * in memory here, nor counted in the budget. Without a live session the public limit applies
   * as anywhere. A function is read at each request (the setting comes from the environment).
   */
  streamed?: Record<string, number | (() => number)>;
};

export const DEFAULT_LIMITS: GuardLimits = {
  publicBytes: 128 * 1024,
  dashboardBytes: 11 * 1024 * 1024,
  maxFields: 500,
  lingerBytes: 64 * 1024 * 1024,
  // The document form's files (up to DOCUMENT_MAX_BYTES, 20 MB by default): the route streams
  // each to a temporary file and caps how many are received and stored at once (its comment).
  streamed: { [DOCUMENT_UPLOAD_PATH]: () => documentUploadBytes(env().DOCUMENT_MAX_BYTES) },
};

/** The most a streamed path's body may declare, or null when the path is buffered as usual. */
export function streamedLimit(pathname: string, method: string | undefined, limits: GuardLimits = DEFAULT_LIMITS): number | null {
  if (method !== 'POST' || !limits.streamed || !Object.hasOwn(limits.streamed, pathname)) return null;
  const limit = limits.streamed[pathname];
  return typeof limit === 'function' ? limit() : (limit ?? null);
}

/** How long a refused body that is still arriving is read before the connection is cut. */
const LINGER_MS = 10_000;

/**
 * Bytes of request bodies held in memory at once, across all requests: sixteen 11 MB uploads
 * at a time are more than a 384 MB heap should hold next to the pages it renders.
 */
export const DEFAULT_BUFFERED_BYTES = 64 * 1024 * 1024;

/** A count of the bytes held by bodies being read; `take` refuses what would exceed the capacity. */
export type ByteBudget = {
  readonly capacity: number;
  readonly used: number;
  take: (bytes: number) => boolean;
  give: (bytes: number) => void;
};

export function createByteBudget(capacity: number): ByteBudget {
  let used = 0;
  return {
    capacity,
    get used() {
      return used;
    },
    take(bytes) {
      if (used + bytes > capacity) return false;
      used += bytes;
      return true;
    },
    give(bytes) {
      used = Math.max(0, used - bytes);
    },
  };
}

/** Whether the request carries a live session (scripts/lib/session-check.ts); must not reject. */
export type SessionCheck = (headers: IncomingHttpHeaders) => Promise<boolean>;

export type GuardOptions = {
  /** Without one, nobody gets more than the public limit. */
  hasSession?: SessionCheck;
  /** Shared by every request the guard reads; the process-wide DEFAULT_BUFFERED_BYTES otherwise. */
  budget?: ByteBudget;
};

const defaultBudget = createByteBudget(DEFAULT_BUFFERED_BYTES);
const nobody: SessionCheck = async () => false;

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type Rejection = { status: 400 | 413 | 503; message: string; retryAfterSeconds?: number };

const TOO_LARGE = (limit: number): Rejection => ({
  status: 413,
  message: `Dữ liệu gửi lên quá lớn (tối đa ${formatBytes(limit)}). Vui lòng rút gọn nội dung hoặc chọn tệp nhỏ hơn rồi gửi lại.`,
});
const TOO_LARGE_SIGNED_OUT = (limit: number): Rejection => ({
  status: 413,
  message: `Dữ liệu gửi lên quá lớn (tối đa ${formatBytes(limit)} khi chưa đăng nhập). Nếu bạn đang tải tệp lên trang quản trị, phiên đăng nhập có thể đã hết hạn: vui lòng đăng nhập lại rồi gửi lại.`,
});
const BUSY: Rejection = {
  status: 503,
  message: 'Máy chủ đang nhận quá nhiều dữ liệu cùng lúc. Vui lòng chờ ít giây rồi gửi lại.',
  retryAfterSeconds: 10,
};
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

/** The most a body may hold at this path: for the dashboard, only with a live session. */
export function bodyLimit(pathname: string, limits: GuardLimits = DEFAULT_LIMITS): number {
  return pathname === '/dashboard' || pathname.startsWith('/dashboard/') ? limits.dashboardBytes : limits.publicBytes;
}

/** Text a person could have typed: valid UTF-8 and no NUL (PostgreSQL refuses it in text, too). */
function isCleanText(bytes: Uint8Array): boolean {
  return !bytes.includes(0) && isUtf8(bytes);
}

/** The value of a hex digit byte, or -1. */
function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const lower = byte | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/**
 * An urlencoded body is text a person could have typed when every name and value, once
 * percent-decoded, is. One pass over the bytes: the whole body is decoded at once, separators
 * kept. As `&` and `=` are ASCII, a byte sequence that is invalid UTF-8 within one name or value
 * is still invalid with the separators around it, and valid ones stay valid side by side.
 * (`+` decodes to a space, which changes nothing here.) A `%` not followed by two hex digits
 * stays as it is, as the WHATWG parser leaves it.
 */
function isCleanUrlencoded(body: Buffer): boolean {
  if (body.indexOf(0x25) === -1) return isCleanText(body);
  const decoded = Buffer.allocUnsafe(body.length);
  let length = 0;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i] as number;
    if (byte === 0x25 && i + 2 < body.length) {
      const high = hexValue(body[i + 1] as number);
      const low = high < 0 ? -1 : hexValue(body[i + 2] as number);
      if (low >= 0) {
        decoded[length++] = high * 16 + low;
        i += 2;
        continue;
      }
    }
    decoded[length++] = byte;
  }
  return isCleanText(decoded.subarray(0, length));
}

/** Pairs in an urlencoded body (`&`-separated), counted up to `most + 1`. */
function countPairs(body: Buffer, most: number): number {
  let pairs = 1;
  for (let at = body.indexOf(0x26); at !== -1 && pairs <= most; at = body.indexOf(0x26, at + 1)) pairs += 1;
  return pairs;
}

/**
 * Parses a multipart body completely (busboy, the parser Next uses for action calls); resolves
 * with a rejection, or null when every text field is clean and there are not too many parts.
 * What the fields mean (React's encoding of action arguments) is left to Next to decode.
 */
function checkMultipart(headers: IncomingMessage['headers'], body: Buffer, limits: GuardLimits): Promise<Rejection | null> {
  return new Promise<Rejection | null>((resolve) => {
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
    parser.on('field', (name, value) => {
      // Invalid UTF-8 comes out of the decoder as U+FFFD.
      if (/[\u0000\ufffd]/.test(name) || /[\u0000\ufffd]/.test(value)) settle(BAD_CHARACTERS);
    });
    parser.on('file', (_name, stream) => stream.resume());
    parser.on('fieldsLimit', () => settle(TOO_MANY_FIELDS));
    parser.on('partsLimit', () => settle(TOO_MANY_FIELDS));
    parser.on('filesLimit', () => settle(TOO_MANY_FIELDS));
    parser.on('error', () => resolve(found ?? MALFORMED));
    parser.on('close', () => resolve(found));
    parser.end(body);
  });
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
  if (contentType.startsWith('multipart/form-data')) return checkMultipart(headers, body, limits);
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    if (countPairs(body, limits.maxFields) > limits.maxFields) return TOO_MANY_FIELDS;
    if (!isCleanUrlencoded(body)) return BAD_CHARACTERS;
  }
  // A body that says it is text (an action call whose arguments fit in one string is sent as
  // text/plain) is held to what a person could have typed, whatever it encodes.
  if (contentType.startsWith('text/') && !isCleanText(body)) return BAD_CHARACTERS;
  return null;
}

function rejectionPage(rejection: Rejection): string {
  const title = rejection.status === 413 ? 'Dữ liệu quá lớn' : rejection.status === 503 ? 'Máy chủ đang bận' : 'Yêu cầu không hợp lệ';
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
    ...(rejection.retryAfterSeconds ? { 'Retry-After': String(rejection.retryAfterSeconds) } : {}),
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

/** The declared Content-Length, or undefined for a chunked body (or a header that is no number). */
function declaredLength(req: IncomingMessage): number | undefined {
  const header = req.headers['content-length'];
  if (header === undefined || !/^\d+$/.test(header)) return undefined;
  return Number(header);
}

type Reading = { body: Buffer; held: number } | Rejection | null;

/**
 * Reads the body into memory, within the public limit unless `hasSession` vouches for the
 * request, and within the shared budget. A body declared larger than the public limit is not
 * read at all until the session is confirmed; one of unknown length is read up to the public
 * limit, then paused while the session is checked. Resolves with the body and the bytes it holds
 * in the budget, a rejection (its bytes already given back), or null when the client went away.
 */
function readBody(req: IncomingMessage, publicLimit: number, largest: number, hasSession: SessionCheck, budget: ByteBudget): Promise<Reading> {
  return new Promise((resolve) => {
    const declared = declaredLength(req);
    const chunks: Buffer[] = [];
    let size = 0;
    let limit = publicLimit;
    let asked = false;
    let settled = false;
    const settle = (outcome: Reading) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      if (outcome === null || !('body' in outcome)) {
        budget.give(size);
        chunks.length = 0;
      }
      resolve(outcome);
    };
    /** Asks once whether the body may grow to `largest`; reads on (from `resume`) if so. */
    const askForMore = (resume: () => void) => {
      asked = true;
      req.pause();
      void hasSession(req.headers).then(
        (live) => {
          if (settled) return;
          if (!live) return settle(TOO_LARGE_SIGNED_OUT(publicLimit));
          limit = largest;
          if (size > limit) return settle(TOO_LARGE(largest));
          resume();
        },
        () => settle(TOO_LARGE_SIGNED_OUT(publicLimit)),
      );
    };
    function onData(chunk: Buffer) {
      if (!budget.take(chunk.length)) return settle(BUSY);
      size += chunk.length;
      chunks.push(chunk);
      if (size <= limit) return;
      if (asked || largest <= publicLimit) return settle(TOO_LARGE(limit));
      askForMore(() => req.resume());
    }
    req.on('end', () => settle({ body: Buffer.concat(chunks, size), held: size }));
    req.on('error', () => settle(null));
    req.on('close', () => settle(null)); // after 'end' this changes nothing
    const start = () => {
      // What the budget cannot hold is refused before a byte is read.
      if (declared !== undefined && declared > budget.capacity - budget.used) return settle(BUSY);
      req.on('data', onData);
      req.resume();
    };
    if (declared !== undefined && declared > limit && largest > limit) askForMore(start);
    else start();
  });
}

/**
 * Reads and checks the body of a request that has one. Resolves with the request Next should
 * handle, or null when the guard has already answered (413, 400, 503) or the client went away.
 * The body's bytes stay counted in the budget until the response is over.
 */
export async function guardRequest(
  req: IncomingMessage,
  res: ServerResponse,
  limits: GuardLimits = DEFAULT_LIMITS,
  options: GuardOptions = {},
): Promise<IncomingMessage | null> {
  const pathname = routePath(req.url ?? '/');
  if (pathname === null) {
    reject(req, res, BAD_ADDRESS, limits);
    return null;
  }
  if (!METHODS_WITH_BODY.has(req.method ?? '')) return req;
  const streamed = streamedLimit(pathname, req.method, limits);
  if (streamed !== null) {
    const declaredSize = declaredLength(req);
    if (declaredSize !== undefined && declaredSize > streamed) {
      reject(req, res, TOO_LARGE(streamed), limits);
      return null;
    }
    // A live session's body goes on unread: the route holds it to the limit as it streams.
    const live = await (options.hasSession ?? nobody)(req.headers).catch(() => false);
    if (live) return req;
    // Anyone else: as any body, within the public limit (the route answers 401).
    if (declaredSize !== undefined && declaredSize > limits.publicBytes) {
      reject(req, res, TOO_LARGE_SIGNED_OUT(limits.publicBytes), limits);
      return null;
    }
  }
  const largest = bodyLimit(pathname, limits);
  const declared = declaredLength(req);
  if (declared !== undefined && declared > largest) {
    reject(req, res, TOO_LARGE(largest), limits);
    return null;
  }
  const budget = options.budget ?? defaultBudget;
  const reading = await readBody(req, Math.min(limits.publicBytes, largest), largest, options.hasSession ?? nobody, budget);
  if (reading === null) return null;
  if (!('body' in reading)) {
    reject(req, res, reading, limits);
    return null;
  }
  const { body, held } = reading;
  if (res.closed) budget.give(held);
  else res.once('close', () => budget.give(held));
  const rejection = await checkBody(pathname, req.headers, body, limits);
  if (rejection) {
    reject(req, res, rejection, limits);
    return null;
  }
  return replay(req, body);
}

// ---------------------------------------------------------------------------------------------
// Server-action requests that Next could not decode.

/**
 * A server-action request as Next tells them apart: a POST to a page (API routes are not
 * actions) with a Next-Action header (sent by the form's JavaScript), or a multipart form posted
 * without JavaScript.
 */
export function isActionRequest(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const pathname = routePath(req.url ?? '/');
  if (pathname === null || pathname.startsWith('/api/')) return false;
  return typeof req.headers['next-action'] === 'string' || String(req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
}

/** A request note as the launcher keeps it: Next's error logs wait in it until the answer is known. */
type ActionNote = RequestNote & { heldErrors?: unknown[][] };

/**
 * Runs `handle` (Next) for a request the guard let through. An action request runs inside a
 * request note that every server action marks first thing (lib/request-note.ts). Next answers
 * an action body it cannot decode (a broken argument list or reference, a malformed no-JS
 * `$ACTION_` field, JSON nested deeper than its decoder goes) with a 500, an error payload or
 * page, and an error log. A 500 to an action request whose action never started is that case:
 * the client gets 400 and the Vietnamese message instead, and no code that writes has run. The
 * guard never parses React's encoding itself, so no React or Next upgrade can make it refuse a
 * form that Next accepts.
 */
export function handleChecked(req: IncomingMessage, res: ServerResponse, handle: () => Promise<void>): Promise<void> {
  if (!isActionRequest(req)) return handle();
  const print = holdErrorLogsOfActionRequests();
  const note: ActionNote = { actionEntered: false, heldErrors: [] };
  const answered = answer400WhenUndecodable(req, res, note);
  res.once('close', () => {
    const held = note.heldErrors ?? [];
    note.heldErrors = undefined; // whatever Next logs from now on goes straight out
    if (answered()) {
      // One line, naming the error class only: its message quotes what the client sent.
      const error = held.flat().find((arg): arg is Error => arg instanceof Error);
      print(`[newsroom] 400 ${(req.url ?? '/').slice(0, 200)}: a server-action request Next could not decode${error ? ` (${error.name})` : ''}`);
    } else {
      for (const args of held) print(...args);
    }
  });
  return requestNotes.run(note, handle);
}

/**
 * Next logs each undecodable action body as an error (four lines, its message quoting the
 * body). Inside an action request, until its action starts, those logs wait in the note: they
 * become one line if the answer turns out to be the 400, and are printed as they were otherwise.
 */
function holdErrorLogsOfActionRequests(): (...args: unknown[]) => void {
  if (printError) return printError;
  const original = console.error;
  printError = (...args) => original.apply(console, args);
  console.error = (...args: unknown[]) => {
    const note = requestNotes.getStore() as ActionNote | undefined;
    if (note?.heldErrors && !note.actionEntered) note.heldErrors.push(args);
    else original.apply(console, args);
  };
  return printError;
}
let printError: ((...args: unknown[]) => void) | undefined;

/**
 * Wraps `res.writeHead`/`write`/`end` (installed last, so it sees Next's output before the
 * ETag, gzip and database-status wrappers do): a 500 before the action started becomes a 400.
 * Next's client shows the text of a 4xx `text/plain` answer to an action call as the error; a
 * form posted without JavaScript gets a page. Returns whether the answer was replaced.
 */
function answer400WhenUndecodable(req: IncomingMessage, res: ServerResponse, note: RequestNote): () => boolean {
  const fetchAction = typeof req.headers['next-action'] === 'string';
  const answer = fetchAction ? MALFORMED.message : rejectionPage(MALFORMED);
  const undecodable = (response: ServerResponse, status: number) => status === 500 && !note.actionEntered && !response.headersSent;
  let replacing = false;
  const writeHead = res.writeHead as (...args: unknown[]) => ServerResponse;
  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (!undecodable(this, statusCode)) return writeHead.call(this, statusCode, ...rest);
    replacing = true;
    // Next's headers describe its error payload (type, length, caching): none of them apply.
    for (const name of this.getHeaderNames()) if (name !== 'connection') this.removeHeader(name);
    return writeHead.call(this, 400, {
      'Content-Type': fetchAction ? 'text/plain' : 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(answer),
      'Cache-Control': 'no-store',
    });
  } as ServerResponse['writeHead'];
  // Node writes the status line only once the body starts: decide before passing it on.
  const decide = (response: ServerResponse) => {
    if (undecodable(response, response.statusCode)) response.writeHead(500);
  };
  const write = res.write as (...args: unknown[]) => boolean;
  res.write = function (this: ServerResponse, ...args: unknown[]) {
    decide(this);
    if (!replacing) return write.apply(this, args);
    (args.find((arg) => typeof arg === 'function') as (() => void) | undefined)?.();
    return true;
  } as ServerResponse['write'];
  const end = res.end as (...args: unknown[]) => ServerResponse;
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    decide(this);
    return replacing ? end.call(this, answer) : end.apply(this, args);
  } as ServerResponse['end'];
  return () => replacing;
}
