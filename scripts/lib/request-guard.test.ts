import { readdirSync, readFileSync } from 'node:fs';
import { Agent, createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import compression from 'compression';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteActionEntered } from '../../lib/request-note';
import { createTestDatabase, type TestDatabase } from '../../testing/database';
import { answer503WhenDatabaseDown } from './database-status';
import { bodyLimit, checkBody, createByteBudget, DEFAULT_LIMITS, guardRequest, handleChecked, streamedLimit, type ByteBudget, type GuardLimits, type GuardOptions } from './request-guard';
import { createSessionCheck } from './session-check';

// The custom server's front door: the body checks on their own, the whole guard in front of a
// real HTTP server, then the answer side (a request Next could not decode gets 400). Small
// limits keep the oversized bodies small and the tests fast.
const LIMITS: GuardLimits = { publicBytes: 1024, dashboardBytes: 4096, maxFields: 10, lingerBytes: 512 * 1024 };

type Body = { headers: Record<string, string>; body: Buffer };

/** A multipart body exactly as a browser (or Next's client) would send it. */
async function formBody(fields: Record<string, string | Blob>, extra: Record<string, string> = {}): Promise<Body> {
  const fd = new FormData();
  for (const [name, value] of Object.entries(fields)) fd.append(name, value);
  const built = new Request('http://x/', { method: 'POST', body: fd });
  return {
    headers: { 'content-type': built.headers.get('content-type') ?? '', ...extra },
    body: Buffer.from(await built.arrayBuffer()),
  };
}

type RawPart = { name: string; value: Buffer | string; filename?: string; contentType?: string };
const BOUNDARY = '----guard-test-boundary';

/** A multipart body built byte by byte, for bytes that FormData would not let through. */
function rawMultipart(parts: RawPart[], extra: Record<string, string> = {}): Body {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if (part.filename !== undefined) head += `; filename="${part.filename}"`;
    head += '\r\n';
    if (part.contentType) head += `Content-Type: ${part.contentType}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`), Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...extra },
    body: Buffer.concat(chunks),
  };
}

function urlencoded(text: string, extra: Record<string, string> = {}): Body {
  return { headers: { 'content-type': 'application/x-www-form-urlencoded', ...extra }, body: Buffer.from(text, 'latin1') };
}

const check = (pathname: string, { headers, body }: Body) => checkBody(pathname, headers, body, LIMITS);
const ACTION = { 'next-action': '7f0123456789abcdef' };
const VIETNAMESE = 'Tiếng Việt có dấu';

describe('bodyLimit', () => {
  it('gives the dashboard and everything under it the dashboard limit', () => {
    expect(bodyLimit('/dashboard', LIMITS)).toBe(4096);
    expect(bodyLimit('/dashboard/media', LIMITS)).toBe(4096);
  });

  it('gives look-alike paths and the rest of the site the public limit', () => {
    expect(bodyLimit('/dashboardx', LIMITS)).toBe(1024);
    expect(bodyLimit('/', LIMITS)).toBe(1024);
    expect(bodyLimit('/api/comments', LIMITS)).toBe(1024);
  });

  it('uses the default limits when none are given', () => {
    expect(bodyLimit('/')).toBe(DEFAULT_LIMITS.publicBytes);
    expect(bodyLimit('/dashboard/media')).toBe(DEFAULT_LIMITS.dashboardBytes);
  });
});

describe('checkBody: multipart', () => {
  it('lets a sound form through', async () => {
    expect(await check('/', await formBody({ name: 'An', comment: 'Bài viết hay' }))).toBeNull();
  });

  it("leaves what the fields mean to Next: React's encoding of action arguments is not checked here", async () => {
    // Today's shapes, broken ones (Next answers those, see handleChecked) and shapes a future
    // React might send: a row prefix unknown today, a reference to a row sent later, new
    // field names, a no-JS action field that is not JSON.
    const shapes: Record<string, string>[] = [
      { '0': '["$K1"]', '1_name': 'An' },
      { '0': 'not json', '1_name': 'An' },
      { '0': '["$Y1",{"a":"$Z2:x"},"$@7"]', '1': '{"v":"$W"}', '1_name': 'Nguyễn' },
      { 'r:0': '{"future":true}', '$FORM_1': 'x' },
    ];
    for (const fields of shapes) expect(await check('/', await formBody(fields, ACTION)), JSON.stringify(fields)).toBeNull();
    const noJs = await formBody({ '$ACTION_REF_1': '', '$ACTION_1:0': '{"id":"abc",', '$ACTION_KEY': 'k', '$ACTION_9:future': '~' });
    expect(await check('/', noJs)).toBeNull();
  });

  it('rejects a multipart content type without a boundary', async () => {
    const { body } = await formBody({ name: 'An' });
    expect(await checkBody('/', { 'content-type': 'multipart/form-data' }, body, LIMITS)).toMatchObject({ status: 400 });
  });

  it('rejects a body cut off in the middle', async () => {
    const { headers, body } = await formBody({ name: 'An', comment: 'x'.repeat(200) });
    expect(await check('/', { headers, body: body.subarray(0, Math.floor(body.length / 2)) })).toMatchObject({ status: 400 });
  });

  it('rejects an empty multipart body', async () => {
    expect(await check('/', { headers: rawMultipart([]).headers, body: Buffer.alloc(0) })).toMatchObject({ status: 400 });
  });

  const fields = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, 'v']));

  it('accepts a form under maxFields and rejects one over it with 413', async () => {
    expect(await check('/', await formBody(fields(LIMITS.maxFields - 1)))).toBeNull();
    const over = await check('/', await formBody(fields(LIMITS.maxFields + 1)));
    expect(over).toMatchObject({ status: 413 });
    expect(over?.message).toContain('quá nhiều trường');
  });

  it('accepts exactly maxFields fields, like the urlencoded check does', async () => {
    expect(await check('/', await formBody(fields(LIMITS.maxFields)))).toBeNull();
  });

  it('counts file parts against maxFields too', async () => {
    const fields: Record<string, string | Blob> = { title: 'x' };
    for (let i = 0; i < LIMITS.maxFields; i++) fields[`file${i}`] = new Blob(['a']);
    expect(await check('/dashboard/media', await formBody(fields))).toMatchObject({ status: 413 });
  });

  it('rejects a field value holding a NUL byte', async () => {
    expect(await check('/', await formBody({ name: 'An\u0000' }))).toMatchObject({ status: 400 });
  });

  it('rejects field values that are not valid UTF-8', async () => {
    const bad = [Buffer.from([0x41, 0xc3, 0x28, 0x42]), Buffer.from([0xff]), Buffer.from([0xe1, 0xba])];
    for (const value of bad) {
      expect(await check('/', rawMultipart([{ name: 'comment', value }]))).toMatchObject({ status: 400 });
    }
  });

  it('accepts Vietnamese text, both from FormData and as raw UTF-8 bytes', async () => {
    expect(await check('/', await formBody({ comment: VIETNAMESE, 'tên': 'Nguyễn Văn Ánh' }))).toBeNull();
    expect(await check('/', rawMultipart([{ name: 'comment', value: Buffer.from(VIETNAMESE, 'utf8') }]))).toBeNull();
  });

  it('accepts Vietnamese text in a part that declares charset=utf-8', async () => {
    const raw = rawMultipart([{ name: 'comment', contentType: 'text/plain; charset=utf-8', value: Buffer.from(VIETNAMESE, 'utf8') }]);
    expect(await check('/', raw)).toBeNull();
  });

  it('still rejects bad bytes in a part that declares charset=utf-8', async () => {
    const raw = rawMultipart([{ name: 'comment', contentType: 'text/plain; charset=utf-8', value: Buffer.from([0x61, 0x00]) }]);
    expect(await check('/', raw)).toMatchObject({ status: 400 });
  });

  it('does not text-check the contents of file parts', async () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x00, 0xc3, 0x28, 0x0d, 0x0a, 0x2d, 0x2d]);
    const raw = rawMultipart([
      { name: 'alt', value: 'Ảnh minh hoạ' },
      { name: 'file', filename: 'a.png', contentType: 'image/png', value: binary },
    ]);
    expect(await check('/dashboard/media', raw)).toBeNull();
    // As React sends a server action's FormData argument: row 0 refers to the "1_" fields.
    const viaFormData = await formBody({ '0': '[{},"$K1"]', '1_alt': 'x', '1_file': new Blob([binary], { type: 'image/png' }) }, ACTION);
    expect(await check('/dashboard/media', viaFormData)).toBeNull();
  });
});

describe('checkBody: urlencoded', () => {
  it('accepts percent-encoded UTF-8 and plus signs', async () => {
    expect(await check('/', urlencoded('name=An&comment=%C3%A1+b'))).toBeNull();
    expect(await check('/', urlencoded(`comment=${encodeURIComponent(VIETNAMESE)}`))).toBeNull();
  });

  it('accepts raw (unencoded) UTF-8 bytes', async () => {
    expect(await check('/', { headers: urlencoded('').headers, body: Buffer.from(`comment=${VIETNAMESE}`, 'utf8') })).toBeNull();
  });

  it('rejects %00 and bytes that are not UTF-8, in values and in names', async () => {
    expect(await check('/', urlencoded('name=a%00b'))).toMatchObject({ status: 400 });
    expect(await check('/', urlencoded('name=%FF'))).toMatchObject({ status: 400 });
    expect(await check('/', urlencoded('name=%C3%28'))).toMatchObject({ status: 400 });
    expect(await check('/', urlencoded('na%FFme=x'))).toMatchObject({ status: 400 });
  });

  it('leaves a stray percent sign alone', async () => {
    expect(await check('/', urlencoded('discount=50%&x=%zz'))).toBeNull();
  });

  it('accepts exactly maxFields pairs and rejects one more with 413', async () => {
    const pairs = (n: number) => Array.from({ length: n }, (_, i) => `f${i}=v`).join('&');
    expect(await check('/', urlencoded(pairs(LIMITS.maxFields)))).toBeNull();
    expect(await check('/', urlencoded(pairs(LIMITS.maxFields + 1)))).toMatchObject({ status: 413 });
  });
});

describe('checkBody: text bodies (an action call whose arguments fit in one string)', () => {
  const text = (body: string | Buffer, extra: Record<string, string> = ACTION): Body => ({
    headers: { 'content-type': 'text/plain;charset=UTF-8', ...extra },
    body: Buffer.from(body),
  });

  it('accepts any clean text, whatever it encodes: decoding it is Next\'s job', async () => {
    for (const body of ['[1,{}]', JSON.stringify([VIETNAMESE, { a: '\u0000' }]), 'garbage', '[1,', '"$@999"', '["$Yfuture","$@1"]', '', `[${'['.repeat(2_000)}`]) {
      expect(await check('/dashboard/x', text(body)), body.slice(0, 20)).toBeNull();
    }
    expect(await check('/', text('garbage', {}))).toBeNull();
  });

  it('rejects text that is not UTF-8 or holds a NUL byte, with or without Next-Action', async () => {
    for (const extra of [ACTION, {}]) {
      expect(await check('/', text(Buffer.from([0x5b, 0x22, 0xff, 0x22, 0x5d]), extra))).toMatchObject({ status: 400 });
      expect(await check('/', text(Buffer.from('["a\u0000"]'), extra))).toMatchObject({ status: 400 });
    }
  });

  it('does not text-check a body that does not say it is text', async () => {
    expect(await check('/', { headers: { 'content-type': 'application/octet-stream', ...ACTION }, body: Buffer.from([0x00, 0xff, 0xc3, 0x28]) })).toBeNull();
  });
});

describe('checkBody: size and API routes', () => {
  it('holds the public site to the public limit', async () => {
    const at = urlencoded(`c=${'a'.repeat(LIMITS.publicBytes - 2)}`);
    expect(at.body.length).toBe(LIMITS.publicBytes);
    expect(await check('/', at)).toBeNull();
    const over = await check('/', urlencoded(`c=${'a'.repeat(LIMITS.publicBytes - 1)}`));
    expect(over).toMatchObject({ status: 413 });
    expect(over?.message).toContain('tối đa 1 KB');
  });

  it('allows the dashboard the larger limit, but no more', async () => {
    const body = urlencoded(`c=${'a'.repeat(2000)}`);
    expect(await check('/', body)).toMatchObject({ status: 413 });
    expect(await check('/dashboard/media', body)).toBeNull();
    expect(await check('/dashboardx', body)).toMatchObject({ status: 413 });
    const over = await check('/dashboard/media', urlencoded(`c=${'a'.repeat(LIMITS.dashboardBytes)}`));
    expect(over).toMatchObject({ status: 413 });
    expect(over?.message).toContain('tối đa 4 KB');
  });

  it('applies the size limit to API routes too', async () => {
    const big = { headers: { 'content-type': 'application/json' }, body: Buffer.alloc(LIMITS.publicBytes + 1, 0x61) };
    expect(await check('/api/comments', big)).toMatchObject({ status: 413 });
  });

  it('skips the form checks for API routes', async () => {
    expect(await check('/api/x', urlencoded('a=%00&b=%FF'))).toBeNull();
    expect(await check('/api/x', await formBody({ '0': 'not json' }, ACTION))).toBeNull();
    expect(await check('/api/x', { headers: { 'content-type': 'multipart/form-data' }, body: Buffer.from('junk') })).toBeNull();
    expect(await check('/api/x', { headers: { 'content-type': 'text/plain', ...ACTION }, body: Buffer.from('garbage') })).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// The whole guard in front of a real server.

type Echo = {
  method: string;
  url: string;
  length: number;
  contentLength?: string;
  transferEncoding?: string;
  probe?: string | string[];
  body: string;
};
type Reply = { status: number; headers: IncomingHttpHeaders; body: Buffer; error?: NodeJS.ErrnoException; reusedSocket?: boolean };

let server: Server;
let port = 0;
const seen: Buffer[] = [];

/** A loopback server that echoes what `guard` let through (method, url, headers, body). */
function echoServer(guard: (req: IncomingMessage, res: ServerResponse) => Promise<IncomingMessage | null>, seen: Buffer[]): Server {
  return createServer((req, res) => {
    void (async () => {
      const checked = await guard(req, res);
      if (!checked) return;
      const chunks: Buffer[] = [];
      for await (const chunk of checked) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      seen.push(body);
      const echo: Echo = {
        method: checked.method ?? '',
        url: checked.url ?? '',
        length: body.length,
        contentLength: checked.headers['content-length'],
        transferEncoding: checked.headers['transfer-encoding'],
        probe: checked.headers['x-probe'],
        body: body.toString('base64'),
      };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(echo));
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

beforeAll(async () => {
  server = echoServer((req, res) => guardRequest(req, res, LIMITS), seen);
  port = await listen(server);
});

afterAll(() => close(server));

/**
 * Sends a request; `chunks` are written one by one (without Content-Length the request is
 * chunked). Resolves, once the request is written out (or failed), with whatever response
 * arrived, noting a socket error that came after it.
 */
function send(method: string, path: string, headers: Record<string, string | number>, chunks: Buffer[] = [], agent: Agent | false = false): Promise<Reply> {
  return sendTo(port, method, path, headers, chunks, agent);
}

function sendTo(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string | number>,
  chunks: Buffer[] = [],
  agent: Agent | false = false,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let reply: Reply | undefined;
    let written = false;
    const settle = () => {
      if (reply && written) resolve(reply);
    };
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const body: Buffer[] = [];
      res.on('data', (chunk: Buffer) => body.push(chunk));
      res.on('end', () => {
        reply = { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(body), reusedSocket: req.reusedSocket };
        settle();
      });
    });
    const finished = () => {
      written = true;
      settle();
    };
    req.once('finish', finished);
    req.once('close', finished);
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (reply) reply.error = error;
      else reject(error);
    });
    void (async () => {
      for (const chunk of chunks) {
        if (req.destroyed) return;
        req.write(chunk);
        // Let the first chunk leave on its own so that the server sees several.
        await new Promise((r) => setTimeout(r, 20));
      }
      req.end();
    })();
  });
}

const echoOf = (reply: Reply): Echo => JSON.parse(reply.body.toString('utf8')) as Echo;

describe('guardRequest in front of a server', () => {
  it('answers a path that does not decode to UTF-8 with 400, for any method', async () => {
    for (const path of ['/bai-viet/%FF', '/the/%C3%28', '/chuyen-muc/x/trang/%E2%82']) {
      const reply = await send('GET', path, {});
      expect(reply.status, path).toBe(400);
      expect(reply.body.toString('utf8')).toContain('Địa chỉ trang không hợp lệ');
    }
  });

  it('passes an empty POST through', async () => {
    const reply = await send('POST', '/dashboard/dang-xuat', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': 0 });
    expect(reply.status).toBe(200);
    expect(echoOf(reply)).toMatchObject({ method: 'POST', length: 0 });
  });

  it('passes a GET through untouched', async () => {
    const reply = await send('GET', '/bai-viet/xin-chao?trang=2', {});
    expect(reply.status).toBe(200);
    expect(echoOf(reply)).toMatchObject({ method: 'GET', url: '/bai-viet/xin-chao?trang=2', length: 0 });
  });

  it('replays a sound POST intact: same bytes, same url, a Content-Length and no chunking', async () => {
    const binary = Buffer.from([0x00, 0xff, 0xfe, 0x89, 0x0d, 0x0a]);
    const form = await formBody({ comment: VIETNAMESE, file: new Blob([binary]) });
    const headers = { ...form.headers, 'content-length': form.body.length, 'x-probe': 'kept as is' };
    const reply = await send('POST', '/bai-viet/xin-chao?a=1&b=%C3%A1', headers, [form.body]);
    expect(reply.status).toBe(200);
    const echo = echoOf(reply);
    expect(echo).toMatchObject({ method: 'POST', url: '/bai-viet/xin-chao?a=1&b=%C3%A1', length: form.body.length });
    expect(echo.contentLength).toBe(String(form.body.length));
    expect(echo.transferEncoding).toBeUndefined();
    expect(echo.probe).toBe('kept as is');
    expect(Buffer.from(echo.body, 'base64').equals(form.body)).toBe(true);
  });

  it('reassembles a chunked POST under the limit', async () => {
    const first = Buffer.from(`comment=${encodeURIComponent(VIETNAMESE)}`);
    const second = Buffer.from('&name=An');
    const reply = await send('POST', '/lien-he', { 'content-type': 'application/x-www-form-urlencoded' }, [first, second]);
    expect(reply.status).toBe(200);
    const echo = echoOf(reply);
    expect(echo.length).toBe(first.length + second.length);
    expect(echo.contentLength).toBe(String(first.length + second.length));
    expect(echo.transferEncoding).toBeUndefined();
    expect(Buffer.from(echo.body, 'base64').equals(Buffer.concat([first, second]))).toBe(true);
  });

  it('without a way to check sessions, holds the dashboard to the public limit too', async () => {
    const body = Buffer.alloc(3000, 0x61);
    const reply = await send('POST', '/dashboard/media', { 'content-type': 'application/octet-stream', 'content-length': body.length }, [body]);
    expect(reply.status).toBe(413);
    expect(reply.body.toString('utf8')).toContain('khi chưa đăng nhập');
  });

  it('answers an oversized declared body with 413 and a Vietnamese page, and reads the rest so the client sees it', async () => {
    // Far larger than the limit, so that the body is still arriving when the answer goes out.
    const body = Buffer.alloc(256 * 1024, 0x61);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const reply = await send('POST', '/', { 'content-type': 'text/plain', 'content-length': body.length }, [body], agent);
      expect(reply.status).toBe(413);
      expect(reply.error).toBeUndefined();
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(reply.headers.connection).not.toBe('close');
      expect(reply.headers['cache-control']).toBe('no-store');
      const page = reply.body.toString('utf8');
      expect(page).toContain('Dữ liệu gửi lên quá lớn (tối đa 1 KB)');
      expect(reply.body.length).toBe(Number(reply.headers['content-length']));
      // The rest of the body was read off the connection: the next request goes over it.
      const next = await send('GET', '/sau-413', {}, [], agent);
      expect(next.reusedSocket).toBe(true);
      expect(echoOf(next)).toMatchObject({ method: 'GET', url: '/sau-413' });
    } finally {
      agent.destroy();
    }
  });

  it('cuts the connection after the answer when the declared body is too large to be worth reading', async () => {
    const reply = await send('POST', '/', { 'content-type': 'text/plain', 'content-length': LIMITS.lingerBytes + 1 });
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
  });

  it('answers an oversized chunked body with 413, and the client reads it without a network error', async () => {
    const chunk = Buffer.alloc(700, 0x61);
    const reply = await send('POST', '/', { 'content-type': 'text/plain' }, [chunk, chunk, chunk, chunk, chunk]);
    expect(reply.status).toBe(413);
    expect(reply.error).toBeUndefined();
    expect(reply.body.toString('utf8')).toContain('Dữ liệu gửi lên quá lớn');
  });

  it('answers a broken multipart body with 400 and never reaches the handler', async () => {
    const before = seen.length;
    const { headers, body } = await formBody({ name: 'An', comment: 'x'.repeat(100) });
    const cut = body.subarray(0, body.length - 30);
    const reply = await send('POST', '/', { ...headers, 'content-length': cut.length }, [cut]);
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.body.toString('utf8')).toContain('Dữ liệu gửi lên không hợp lệ');
    expect(seen.length).toBe(before);
  });

  it('passes a form post in a shape no React sends today to the handler, intact', async () => {
    const form = await formBody({ '0': '["$Y1",{"k":"$Z"},"$@9"]', '1_tên': VIETNAMESE, '$ACTION_9:future': '{' }, ACTION);
    const reply = await send('POST', '/bai-viet/xin-chao', { ...form.headers, 'content-length': form.body.length }, [form.body]);
    expect(reply.status).toBe(200);
    expect(Buffer.from(echoOf(reply).body, 'base64').equals(form.body)).toBe(true);
  });

  it('lets an API route receive a body the form checks would refuse', async () => {
    const body = Buffer.from([0x5b, 0xff, 0x00]);
    const reply = await send('POST', '/api/comments?x=1', { 'content-type': 'text/plain', ...ACTION, 'content-length': body.length }, [body]);
    expect(reply.status).toBe(200);
    expect(echoOf(reply)).toMatchObject({ url: '/api/comments?x=1', length: 3 });
  });

  it('holds /dashboard/../lien-he to the public limit', async () => {
    const body = Buffer.alloc(2000, 0x61);
    const reply = await send('POST', '/dashboard/../lien-he', { 'content-type': 'text/plain', 'content-length': body.length }, [body]);
    expect(reply.status).toBe(413);
  });

  it('checks a text body sent to /api/%2e%2e/ (which is /)', async () => {
    const body = Buffer.from([0x5b, 0xff, 0x00]);
    const reply = await send('POST', '/api/%2e%2e/', { 'content-type': 'text/plain', ...ACTION, 'content-length': body.length }, [body]);
    expect(reply.status).toBe(400);
  });
});


// ---------------------------------------------------------------------------------------------
// Large bodies, bytes held in memory, and bodies that are expensive to check (issue 13).

const MB = 1024 * 1024;
/** The production shape: a small public limit, 11 MB for the dashboard. */
const BIG: GuardLimits = { publicBytes: 1024, dashboardBytes: 11 * MB, maxFields: 10, lingerBytes: 64 * MB };

type Upload = { reply: Promise<Reply>; write: (chunk: Buffer) => Promise<void>; end: () => void; destroy: () => void };

/** A POST whose body is written piece by piece, when the test says so (a slow or stalled sender). */
function upload(port: number, path: string, headers: Record<string, string | number>): Upload {
  const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers, agent: false });
  const reply = new Promise<Reply>((resolve, reject) => {
    req.on('response', (res) => {
      const body: Buffer[] = [];
      res.on('data', (chunk: Buffer) => body.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(body) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  reply.catch(() => {}); // a test that destroys the request does not await it
  req.flushHeaders();
  return {
    reply,
    write: (chunk) => new Promise<void>((resolve) => (req.write(chunk) ? resolve() : req.once('drain', () => resolve()))),
    end: () => req.end(),
    destroy: () => req.destroy(),
  };
}

const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms))]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('guardRequest: only a live session may send more than the public limit', () => {
  const LIVE = 'authjs.session-token=live';
  const asked: (string | undefined)[] = [];
  const options: GuardOptions = {
    hasSession: async (headers) => {
      asked.push(headers.cookie);
      return headers.cookie === LIVE;
    },
  };
  const seenHere: Buffer[] = [];
  let guarded: Server;
  let guardedPort = 0;
  beforeAll(async () => {
    guarded = echoServer((req, res) => guardRequest(req, res, BIG, options), seenHere);
    guardedPort = await listen(guarded);
  });
  afterAll(() => close(guarded));

  it('answers an anonymous 11 MB body to /dashboard with 413 at once, without waiting for it', async () => {
    const sender = upload(guardedPort, '/dashboard/x', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': 11 * MB });
    try {
      await sender.write(Buffer.from('a'));
      await sender.write(Buffer.alloc(16 * 1024, '='));
      // The rest of the 11 MB is never sent: the answer must not wait for it.
      const reply = await within(sender.reply, 3_000, 'answer');
      expect(reply.status).toBe(413);
      expect(reply.body.toString('utf8')).toContain('tối đa 1 KB khi chưa đăng nhập');
      expect(asked.at(-1)).toBeUndefined();
      expect(seenHere).toHaveLength(0);
    } finally {
      sender.destroy();
    }
  });

  it('holds an anonymous chunked body to the public limit, and asks about the session once', async () => {
    const before = asked.length;
    const chunk = Buffer.alloc(700, 0x61);
    const reply = await sendTo(guardedPort, 'POST', '/dashboard/media', { 'content-type': 'text/plain', cookie: 'authjs.session-token=forged' }, [chunk, chunk, chunk, chunk]);
    expect(reply.status).toBe(413);
    expect(reply.error).toBeUndefined();
    expect(asked.slice(before)).toEqual(['authjs.session-token=forged']);
  });

  it('lets a live session send up to the dashboard limit, declared or chunked', async () => {
    const body = Buffer.alloc(3 * MB, 0x62);
    const declared = await sendTo(guardedPort, 'POST', '/dashboard/media', { 'content-type': 'application/octet-stream', 'content-length': body.length, cookie: LIVE }, [body]);
    expect(declared.status).toBe(200);
    expect(echoOf(declared).length).toBe(body.length);
    const chunk = Buffer.alloc(700, 0x61);
    const chunked = await sendTo(guardedPort, 'POST', '/dashboard/media', { 'content-type': 'text/plain', cookie: LIVE }, [chunk, chunk, chunk, chunk]);
    expect(chunked.status).toBe(200);
    expect(echoOf(chunked).length).toBe(2800);
  });

  it('asks nothing about bodies within the public limit, so ordinary posts cost no query', async () => {
    const before = asked.length;
    const body = Buffer.alloc(1000, 0x61);
    expect((await sendTo(guardedPort, 'POST', '/dashboard/media', { 'content-type': 'text/plain', 'content-length': body.length, cookie: LIVE }, [body])).status).toBe(200);
    expect((await sendTo(guardedPort, 'POST', '/lien-he', { 'content-type': 'text/plain', cookie: LIVE }, [body])).status).toBe(200);
    expect((await sendTo(guardedPort, 'GET', '/dashboard', { cookie: LIVE })).status).toBe(200);
    expect(asked.length).toBe(before);
  });

  it('gives a live session no more than the dashboard limit, and the public site no more than the public one', async () => {
    const over = await sendTo(guardedPort, 'POST', '/dashboard/media', { 'content-type': 'text/plain', 'content-length': 11 * MB + 1, cookie: LIVE });
    expect(over.status).toBe(413);
    expect(over.body.toString('utf8')).toContain('tối đa 11 MB');
    const body = Buffer.alloc(2000, 0x61);
    expect((await sendTo(guardedPort, 'POST', '/lien-he', { 'content-type': 'text/plain', 'content-length': body.length, cookie: LIVE }, [body])).status).toBe(413);
  });
});

describe('guardRequest: the session check against PostgreSQL (Auth.js cookies, session version)', () => {
  const SECRET = 'bí mật kiểm thử của máy chủ, đủ dài để dùng';
  const NAME = 'authjs.session-token';
  let database: TestDatabase;
  let guarded: Server;
  let guardedPort = 0;
  const ids: Record<'live' | 'disabled' | 'signedOut', string> = { live: '', disabled: '', signedOut: '' };

  const token = (uid: string, sv: number, { salt = NAME, secret = SECRET, maxAge = 3600 } = {}) => encode({ token: { uid, sv }, secret, salt, maxAge });
  const post = (cookie: string) => {
    const body = Buffer.alloc(3000, 0x61);
    return sendTo(guardedPort, 'POST', '/dashboard/media', { 'content-type': 'application/octet-stream', 'content-length': body.length, cookie }, [body]);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    for (const [key, disabled] of [['live', false], ['disabled', true], ['signedOut', false]] as const) {
      const [row] = await database.sql<{ id: string }[]>`
        insert into users (email, name, role, disabled) values (${`${key}@guard.example`}, ${key}, 'editor', ${disabled}) returning id`;
      ids[key] = row?.id ?? '';
    }
    const hasSession = createSessionCheck({ sql: database.sql, secret: SECRET });
    guarded = echoServer((req, res) => guardRequest(req, res, LIMITS, { hasSession }), []);
    guardedPort = await listen(guarded);
  });
  afterAll(async () => {
    if (guarded) await close(guarded);
    await database?.drop();
  });

  it('gives a live session the dashboard limit, under either cookie name and in chunks', async () => {
    expect((await post(`${NAME}=${await token(ids.live, 1)}`)).status).toBe(200);
    const secure = `__Secure-${NAME}`;
    expect((await post(`other=1; ${secure}=${await token(ids.live, 1, { salt: secure })}`)).status).toBe(200);
    // Auth.js splits a large cookie into .0, .1, … and joins them in order.
    const whole = await token(ids.live, 1);
    const half = Math.floor(whole.length / 2);
    expect((await post(`${NAME}.1=${whole.slice(half)}; ${NAME}.0=${whole.slice(0, half)}`)).status).toBe(200);
  });

  it('holds a signed-out, disabled, deleted, forged or expired session to the public limit', async () => {
    const signedOut = await token(ids.signedOut, 1);
    expect((await post(`${NAME}=${signedOut}`)).status).toBe(200);
    // Sign-out (and a password change, a disable) bumps the version: the copied cookie is dead.
    await database.sql`update users set session_version = session_version + 1 where id = ${ids.signedOut}`;
    const refused: Record<string, string> = {
      'signed out': `${NAME}=${signedOut}`,
      disabled: `${NAME}=${await token(ids.disabled, 1)}`,
      deleted: `${NAME}=${await token('00000000-0000-4000-8000-000000000000', 1)}`,
      'not a uuid': `${NAME}=${await token('1 or 1=1', 1)}`,
      'another secret': `${NAME}=${await token(ids.live, 1, { secret: 'một bí mật khác hẳn, cũng đủ dài' })}`,
      'the other cookie name': `${NAME}=${await token(ids.live, 1, { salt: `__Secure-${NAME}` })}`,
      expired: `${NAME}=${await token(ids.live, 1, { maxAge: -60 })}`,
      forged: `${NAME}=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..AAAA.BBBB.CCCC`,
      garbage: `${NAME}=%%%; ${NAME}.0=`,
    };
    for (const [what, cookie] of Object.entries(refused)) {
      const reply = await post(cookie);
      expect(reply.status, what).toBe(413);
      expect(reply.body.toString('utf8'), what).toContain('khi chưa đăng nhập');
    }
  });
});

describe('guardRequest: a cap on bytes buffered across all requests at once', () => {
  let budget: ByteBudget;
  let guarded: Server;
  let guardedPort = 0;
  beforeAll(async () => {
    budget = createByteBudget(8 * 1024);
    guarded = echoServer((req, res) => guardRequest(req, res, LIMITS, { hasSession: async () => true, budget }), []);
    guardedPort = await listen(guarded);
  });
  afterAll(() => close(guarded));

  it('answers 503 with Retry-After while others hold the budget, and gives it back when they are done', async () => {
    const headers = { 'content-type': 'application/octet-stream', 'content-length': 4000 };
    const held = [upload(guardedPort, '/dashboard/media', headers), upload(guardedPort, '/dashboard/media', headers)];
    try {
      for (const sender of held) await sender.write(Buffer.alloc(3000, 0x61));
      await within(
        (async () => {
          while (budget.used < 6000) await sleep(10);
        })(),
        2_000,
        'two half-sent bodies held',
      );
      // 2,000 bytes left: a declared 4,000 is refused at once, a chunked body when it gets there.
      const declared = await sendTo(guardedPort, 'POST', '/dashboard/media', headers, [Buffer.alloc(4000, 0x62)]);
      expect(declared.status).toBe(503);
      expect(declared.headers['retry-after']).toBeTruthy();
      expect(declared.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(declared.body.toString('utf8')).toContain('Máy chủ đang bận');
      const chunk = Buffer.alloc(700, 0x63);
      const chunked = await sendTo(guardedPort, 'POST', '/dashboard/media', { 'content-type': 'text/plain' }, [chunk, chunk, chunk, chunk]);
      expect(chunked.status).toBe(503);
      expect(chunked.error).toBeUndefined();
      expect(budget.used).toBe(6000);
      for (const sender of held) {
        await sender.write(Buffer.alloc(1000, 0x61));
        sender.end();
        const reply = await sender.reply;
        expect(reply.status).toBe(200);
        expect(echoOf(reply).length).toBe(4000);
      }
      await within(
        (async () => {
          while (budget.used > 0) await sleep(10);
        })(),
        2_000,
        'the budget given back',
      );
      const after = await sendTo(guardedPort, 'POST', '/dashboard/media', headers, [Buffer.alloc(4000, 0x62)]);
      expect(after.status).toBe(200);
    } finally {
      for (const sender of held) sender.destroy();
    }
  });

  it('gives back the bytes of a client that goes away half-way', async () => {
    const sender = upload(guardedPort, '/dashboard/media', { 'content-type': 'application/octet-stream', 'content-length': 4000 });
    await sender.write(Buffer.alloc(3000, 0x61));
    await within(
      (async () => {
        while (budget.used < 3000) await sleep(10);
      })(),
      2_000,
      'the half-sent body held',
    );
    sender.destroy();
    await within(
      (async () => {
        while (budget.used > 0) await sleep(10);
      })(),
      2_000,
      'the budget given back',
    );
  });
});

describe('checkBody: time linear in the size of the body', () => {
  const HUGE: GuardLimits = { ...BIG, maxFields: 500 };
  const form = { 'content-type': 'application/x-www-form-urlencoded' };

  /** The fastest of a few runs of `run`, in ms: the least disturbed by whatever else the machine does. */
  async function fastest(run: () => unknown, times = 5): Promise<number> {
    let best = Infinity;
    for (let i = 0; i < times; i++) {
      const started = performance.now();
      await run();
      best = Math.min(best, performance.now() - started);
    }
    return best;
  }

  it('checks "a" followed by megabytes of "=" (and of %-escapes) in one pass', async () => {
    for (const unit of ['=', '%41']) {
      const body = (bytes: number) => Buffer.concat([Buffer.from('a'), Buffer.alloc(bytes, unit)]);
      const one = body(MB);
      const eight = body(8 * MB);
      expect(await checkBody('/dashboard/x', form, eight, HUGE)).toBeNull();
      // Eight 1 MB bodies against one 8 MB body: the same bytes, so a linear check takes about
      // as long for both; a quadratic one takes eight times as long for the large one.
      const perMegabyte = (await fastest(async () => {
        for (let i = 0; i < 8; i++) await checkBody('/dashboard/x', form, one, HUGE);
      })) / 8;
      const large = await fastest(() => checkBody('/dashboard/x', form, eight, HUGE));
      // A yardstick from this very run: V8's own JSON parser over 8 MB of text, one native pass.
      const text = JSON.stringify('a'.repeat(8 * MB));
      const yardstick = await fastest(() => JSON.parse(text));
      console.log(`checkBody ${unit}: 1 MB ${perMegabyte.toFixed(1)} ms, 8 MB ${large.toFixed(1)} ms; JSON.parse of 8 MB ${yardstick.toFixed(1)} ms`);
      expect(large / Math.max(perMegabyte, 0.5)).toBeLessThan(16);
      expect(large).toBeLessThan(5 * yardstick);
    }
  });

  it('passes deeply nested JSON through without parsing it: the 400 comes from handleChecked', async () => {
    const nested = Buffer.from(`[${'['.repeat(60_000)}${']'.repeat(60_000)}]`);
    const headers = { 'content-type': 'text/plain;charset=UTF-8', ...ACTION };
    expect(await checkBody('/dashboard/x', headers, nested, HUGE)).toBeNull();
    const rows = await formBody({ '0': '["$@1"]', '1': nested.toString() }, ACTION);
    expect(await checkBody('/dashboard/x', rows.headers, rows.body, HUGE)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// The answer side: Next decodes action bodies; a 500 before the action started becomes 400.

describe('handleChecked: a 500 to an action request whose action never started', () => {
  const printed: unknown[][] = [];
  const realError = console.error;
  type Behaviour = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  let behaviour: Behaviour = async () => {};
  let withDatabaseDown = false;
  let serverPort = 0;
  let next: Server;

  /** What Next does with a body it cannot decode: an error log, then a 500 error payload in pieces. */
  const failsToDecode: Behaviour = async (_req, res) => {
    await sleep(5);
    console.error('⨯', new SyntaxError('Unexpected token \'g\', "garbage[\n[newsroom] forged" is not valid JSON'));
    res.statusCode = 500;
    res.setHeader('content-type', 'text/x-component');
    res.setHeader('vary', 'rsc, next-router-state-tree');
    res.write('0:{"a":"$@1"}\n');
    await sleep(5);
    res.end(`1:E{"digest":"1630118969","padding":"${'x'.repeat(4096)}"}\n`);
  };
  /** A server action that started and then failed (a bug, or the database). */
  const failsInAction: Behaviour = async (_req, res) => {
    await sleep(5);
    noteActionEntered();
    await sleep(5);
    res.statusCode = 500;
    res.end('lỗi trong thao tác');
  };

  beforeAll(async () => {
    console.error = (...args: unknown[]) => void printed.push(args);
    const down = { isDown: () => withDatabaseDown, stop: async () => {} };
    const gzip = compression();
    next = createServer((req, res) => {
      // As scripts/start.ts installs them: database status, gzip, then the guard's answer side.
      answer503WhenDatabaseDown(res, down);
      gzip(req, res, () => {});
      void handleChecked(req, res, () => behaviour(req, res));
    });
    serverPort = await listen(next);
  });
  afterAll(async () => {
    console.error = realError;
    await close(next);
  });

  const fetchAction = (path = '/bai-viet/x') => {
    const body = Buffer.from('garbage[');
    return sendTo(serverPort, 'POST', path, { 'content-type': 'text/plain;charset=UTF-8', ...ACTION, 'accept-encoding': 'gzip', 'content-length': body.length }, [body]);
  };
  const noJsForm = async (path = '/bai-viet/x') => {
    const form = await formBody({ '$ACTION_REF_1': '', '$ACTION_1:0': '{"id":"abc","bound":"$@1"}', '$ACTION_1:1': '{' });
    return sendTo(serverPort, 'POST', path, { ...form.headers, 'content-length': form.body.length }, [form.body]);
  };

  it('answers a fetch-style action call with 400 and the message as text/plain, which Next\'s client shows', async () => {
    behaviour = failsToDecode;
    printed.length = 0;
    const reply = await fetchAction();
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toBe('text/plain');
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers.vary ?? '').not.toContain('rsc');
    expect(reply.body.toString('utf8')).toBe('Dữ liệu gửi lên không hợp lệ. Vui lòng tải lại trang và gửi lại biểu mẫu.');
    // Next's four-line error, whose message quotes the body, is one line naming the error class.
    expect(printed).toEqual([['[newsroom] 400 /bai-viet/x: a server-action request Next could not decode (SyntaxError)']]);
  });

  it('answers a form posted without JavaScript with 400 and the Vietnamese page', async () => {
    behaviour = failsToDecode;
    const reply = await noJsForm();
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.body.toString('utf8')).toContain('<h1>Yêu cầu không hợp lệ</h1>');
    expect(reply.body.toString('utf8')).not.toContain('digest');
  });

  it('answers 400 when Next writes the 500 with writeHead, too', async () => {
    behaviour = async (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<html>Internal Server Error</html>');
    };
    expect((await noJsForm()).status).toBe(400);
  });

  it('keeps the 500 of an action that started, and prints its errors as they were', async () => {
    behaviour = async (req, res) => {
      console.error('⨯', new TypeError('before the action'));
      await failsInAction(req, res);
    };
    printed.length = 0;
    const reply = await fetchAction();
    expect(reply.status).toBe(500);
    expect(reply.body.toString('utf8')).toBe('lỗi trong thao tác');
    await sleep(20);
    expect(printed).toHaveLength(1);
    expect(printed[0]?.[1]).toBeInstanceOf(TypeError);
  });

  it('leaves every other request alone: answers that are not 500, GETs and API routes', async () => {
    behaviour = async (_req, res) => {
      res.statusCode = 200;
      res.end('ok');
    };
    expect((await fetchAction()).status).toBe(200);
    behaviour = failsToDecode;
    expect((await sendTo(serverPort, 'GET', '/bai-viet/x', {})).status).toBe(500);
    expect((await fetchAction('/api/views')).status).toBe(500);
    expect((await noJsForm('/api/%2e%2e/api/views')).status).toBe(500);
  });

  it('while the database is down: still 400 for what could not be decoded, 503 for an action that failed', async () => {
    withDatabaseDown = true;
    try {
      behaviour = failsToDecode;
      expect((await noJsForm()).status).toBe(400);
      behaviour = failsInAction;
      const failed = await noJsForm();
      expect(failed.status).toBe(503);
      expect(failed.body.toString('utf8')).toContain('Hệ thống tạm thời gián đoạn');
    } finally {
      withDatabaseDown = false;
    }
  });
});

describe('every server action notes that it started (lib/request-note.ts)', () => {
  function* sources(dir: string): Generator<string> {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) yield* sources(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield full;
    }
  }

  it('first thing, or through authorizedAction: otherwise its own failures would be answered as undecodable', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const actions: string[] = [];
    for (const dir of ['app', 'components', 'lib']) {
      for (const file of sources(path.join(root, dir))) {
        const text = readFileSync(file, 'utf8');
        if (!text.includes("'use server'")) continue;
        // Only whole modules of actions: a 'use server' inside a function would escape this test.
        expect(text.startsWith("'use server';"), `${file}: 'use server' only at the top of a module`).toBe(true);
        for (const [, name, first] of text.matchAll(/^export async function (\w+)[^\n]*\{\n\s*([^\n]*)/gm)) {
          actions.push(name as string);
          expect(first, `${file}: ${name}`).toBe('noteActionEntered();');
        }
        for (const [, name, wrapper] of text.matchAll(/^export const (\w+) = (\w+)\(/gm)) {
          actions.push(name as string);
          expect(wrapper, `${file}: ${name}`).toBe('authorizedAction');
        }
        expect(text.match(/^export (?!async function |const \w+ = \w+\(|type )/gm), `${file}: other exports`).toBeNull();
      }
    }
    expect(actions).toEqual(expect.arrayContaining(['postComment', 'login', 'logout', 'saveArticleAction']));
  });
});

// ---------------------------------------------------------------------------------------------
// The document upload route (issue 15): streamed to the route for a live session, never buffered.

describe('guardRequest: a streamed path (the document upload) for a live session', () => {
  const LIVE = 'authjs.session-token=live';
  const STREAMED: GuardLimits = { ...LIMITS, streamed: { '/dashboard/van-ban/tep': () => 64 * 1024 } };
  let budget: ByteBudget;
  let guarded: Server;
  let guardedPort = 0;
  const asked: (string | undefined)[] = [];
  beforeAll(async () => {
    // A budget far smaller than the bodies: anything buffered would be refused with 503.
    budget = createByteBudget(2 * 1024);
    guarded = echoServer(
      (req, res) =>
        guardRequest(req, res, STREAMED, {
          budget,
          hasSession: async (headers) => {
            asked.push(headers.cookie);
            return headers.cookie === LIVE;
          },
        }),
      [],
    );
    guardedPort = await listen(guarded);
  });
  afterAll(() => close(guarded));

  it('reads the limit from the environment by default: DOCUMENT_MAX_BYTES and the multipart slack', () => {
    expect(streamedLimit('/dashboard/van-ban/tep', 'POST')).toBe(20 * MB + 64 * 1024);
    expect(streamedLimit('/dashboard/van-ban/tep', 'PUT')).toBeNull();
    expect(streamedLimit('/dashboard/van-ban/tep/', 'POST')).toBeNull();
    expect(streamedLimit('/dashboard/media', 'POST')).toBeNull();
    expect(streamedLimit('/dashboard/van-ban/tep', 'POST', LIMITS)).toBeNull();
  });

  it('hands the original request on unread, beyond the dashboard limit and outside the budget, declared or chunked', async () => {
    const body = Buffer.alloc(40 * 1024, 0x61);
    const declared = await sendTo(guardedPort, 'POST', '/dashboard/van-ban/tep', { 'content-type': 'application/octet-stream', 'content-length': body.length, cookie: LIVE }, [body]);
    expect(declared.status).toBe(200);
    expect(echoOf(declared)).toMatchObject({ length: body.length, contentLength: String(body.length) });
    const chunk = Buffer.alloc(10 * 1024, 0x62);
    const chunked = await sendTo(guardedPort, 'POST', '/dashboard/van-ban/tep', { 'content-type': 'application/octet-stream', cookie: LIVE }, [chunk, chunk, chunk]);
    expect(chunked.status).toBe(200);
    // Still chunked: the guard did not read and replay it (the route counts the bytes itself).
    expect(echoOf(chunked)).toMatchObject({ length: 30 * 1024, transferEncoding: 'chunked' });
    expect(budget.used).toBe(0);
  });

  it('refuses at once a body declared over the route’s limit, asking nothing', async () => {
    const before = asked.length;
    const reply = await sendTo(guardedPort, 'POST', '/dashboard/van-ban/tep', { 'content-type': 'application/octet-stream', 'content-length': 64 * 1024 + 1, cookie: LIVE });
    expect(reply.status).toBe(413);
    expect(reply.body.toString('utf8')).toContain('tối đa 64 KB');
    expect(asked.length).toBe(before);
  });

  it('holds anyone without a live session to the public limit there, as anywhere', async () => {
    const declared = await sendTo(guardedPort, 'POST', '/dashboard/van-ban/tep', { 'content-type': 'application/octet-stream', 'content-length': 30 * 1024, cookie: 'authjs.session-token=forged' });
    expect(declared.status).toBe(413);
    expect(declared.body.toString('utf8')).toContain('khi chưa đăng nhập');
    // A small anonymous body is read and replayed as usual (the route then answers 401).
    const small = Buffer.alloc(500, 0x61);
    const reply = await sendTo(guardedPort, 'POST', '/dashboard/van-ban/tep', { 'content-type': 'application/octet-stream' }, [small]);
    expect(reply.status).toBe(200);
    expect(echoOf(reply)).toMatchObject({ length: 500, contentLength: '500' });
  });

  it('streams nothing else: a neighbouring path is buffered and held to the dashboard limit', async () => {
    const body = Buffer.alloc(6 * 1024, 0x61);
    const reply = await sendTo(guardedPort, 'POST', '/dashboard/van-ban/tep-khac', { 'content-type': 'application/octet-stream', 'content-length': body.length, cookie: LIVE }, [body]);
    expect(reply.status).toBe(413);
  });
});
