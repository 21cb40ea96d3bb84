import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import etag from 'etag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRequest } from '../../testing/http';
import { answerWithEtag } from './etag';

const PAGE = '<!doctype html><html lang="vi"><body><h1>Tin nóng: đường Lê Lợi thông xe</h1></body></html>';

// Each path answers the way Next answers that kind of response.
const ROUTES: Record<string, (res: ServerResponse) => void> = {
  // A cached page: headers first, then the whole body in one end().
  '/bai-viet/mot-bai': (res) => {
    res.setHeader('Cache-Control', 's-maxage=120, stale-while-revalidate=3480');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(PAGE));
    res.end(PAGE);
  },
  // A dynamic page: streamed.
  '/dashboard': (res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.write('<p>một</p>');
    res.end();
  },
  '/khong-co': (res) => {
    res.statusCode = 404;
    res.end(PAGE);
  },
  // A static file that brings its own validator.
  '/_next/static/app.js': (res) => {
    res.setHeader('ETag', 'W/"own"');
    res.end('console.log(1)');
  },
};

let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    answerWithEtag(req, res);
    (ROUTES[req.url ?? ''] ?? ROUTES['/khong-co'])?.(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const send = (method: string, path: string, headers: Record<string, string> = {}) =>
  sendRequest({ host: '127.0.0.1', port, method, path, headers, agent: false }).reply;

describe('answerWithEtag', () => {
  it('gives a page sent in one piece a strong ETag of its bytes', async () => {
    const reply = await send('GET', '/bai-viet/mot-bai');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(PAGE);
    expect(reply.headers.etag).toBe(etag(PAGE));
    expect(reply.headers.etag).toMatch(/^"[0-9a-f]+-[\w+/]+"$/);
  });

  it('answers 304 without a body when the client already has the page, keeping its caching headers', async () => {
    const tag = etag(PAGE);
    const reply = await send('GET', '/bai-viet/mot-bai', { 'If-None-Match': `"khac", ${tag}` });
    expect(reply.status).toBe(304);
    expect(reply.body).toBe('');
    expect(reply.headers.etag).toBe(tag);
    expect(reply.headers['cache-control']).toBe('s-maxage=120, stale-while-revalidate=3480');
    expect(reply.headers['content-length']).toBeUndefined();
  });

  it('sends the page again when the tag differs or the client asks for a fresh copy', async () => {
    expect((await send('GET', '/bai-viet/mot-bai', { 'If-None-Match': '"cu-roi"' })).status).toBe(200);
    const noCache = await send('GET', '/bai-viet/mot-bai', { 'If-None-Match': etag(PAGE), 'Cache-Control': 'no-cache' });
    expect(noCache.status).toBe(200);
    expect(noCache.body).toBe(PAGE);
  });

  it('leaves streamed responses, errors, other methods and existing validators alone', async () => {
    expect((await send('GET', '/dashboard')).headers.etag).toBeUndefined();
    expect((await send('GET', '/khong-co')).headers.etag).toBeUndefined();
    expect((await send('POST', '/bai-viet/mot-bai')).headers.etag).toBeUndefined();
    expect((await send('GET', '/_next/static/app.js')).headers.etag).toBe('W/"own"');
  });
});
