// restoreContentLength() in front of a handler answering as Next answers a route handler
// (headers set one by one, no Content-Length, the body streamed), with the launcher's gzip and
// ETag wrappers installed in npm start's order.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_LENGTH_HEADER } from '../../lib/document-download';
import { restoreContentLength } from './content-length';
import { answerWithEtag } from './etag';

const BODY = Buffer.from('%PDF-1.7 '.repeat(2_000)); // compressible on purpose

const ROUTES: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/van-ban/tep/1/a.pdf': (req, res) => {
    const range = req.headers.range === 'bytes=10-19';
    res.statusCode = range ? 206 : 200;
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Cache-Control', 'public, max-age=300, no-transform');
    res.setHeader('ETag', '"abc"');
    res.setHeader(CONTENT_LENGTH_HEADER, String(range ? 10 : BODY.length));
    if (req.method === 'HEAD') return void res.end();
    const body = range ? BODY.subarray(10, 20) : BODY;
    // Streamed in pieces, as Next pipes a ReadableStream.
    res.write(body.subarray(0, 5));
    setTimeout(() => res.end(body.subarray(5)), 5);
  },
  '/trang': (_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(BODY.toString());
  },
  '/xau': (_req, res) => {
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader(CONTENT_LENGTH_HEADER, '12; drop');
    res.end('hello');
  },
};

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

describe('restoreContentLength', () => {
  let server: Server;
  let port: number;
  const compress = compression();
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<Reply>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers: { 'accept-encoding': 'gzip', ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });

  beforeAll(async () => {
    server = createServer((req, res) => {
      restoreContentLength(res);
      compress(req as never, res as never, () => {});
      answerWithEtag(req, res);
      (ROUTES[req.url ?? ''] ?? ((_q, r) => ((r.statusCode = 404), r.end())))(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('gives a streamed download its Content-Length, never gzipped, never chunked, the private header gone', async () => {
    const reply = await get('/van-ban/tep/1/a.pdf');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-length']).toBe(String(BODY.length));
    expect(reply.headers['transfer-encoding']).toBeUndefined();
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.headers[CONTENT_LENGTH_HEADER]).toBeUndefined();
    expect(reply.headers.etag).toBe('"abc"');
    expect(reply.body.equals(BODY)).toBe(true);
  });

  it('gives a range its own length, and a HEAD the length of what a GET would send', async () => {
    const range = await get('/van-ban/tep/1/a.pdf', { range: 'bytes=10-19' });
    expect(range.status).toBe(206);
    expect(range.headers['content-length']).toBe('10');
    expect(range.body.equals(BODY.subarray(10, 20))).toBe(true);
    const head = await get('/van-ban/tep/1/a.pdf', {}, 'HEAD');
    expect(head.headers['content-length']).toBe(String(BODY.length));
    expect(head.body.length).toBe(0);
  });

  it('leaves other answers to gzip and drops a malformed value', async () => {
    const page = await get('/trang');
    expect(page.headers['content-encoding']).toBe('gzip');
    const bad = await get('/xau');
    expect(bad.headers[CONTENT_LENGTH_HEADER]).toBeUndefined();
    expect(bad.body.toString()).toBe('hello');
  });
});
