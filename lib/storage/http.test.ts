// objectResponse() over a real folder: the HTTP answers a download route gives (200, 206, 416,
// 304, If-Range), which the documents downloads will rely on. The S3 side of the same calls is
// in app/media/[...key]/s3.test.ts.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryStorage } from './directory';
import { objectResponse, storageUnavailableResponse } from './http';

describe('objectResponse', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'newsroom-http-'));
  const store = directoryStorage(root);
  const bytes = randomBytes(10_000);
  const key = 'van-ban/2026/ke-hoach-67.pdf';
  const options = { contentType: 'application/pdf', headers: { 'Cache-Control': 'private, max-age=60' } };
  const answer = async (headers: Record<string, string> = {}) => {
    const response = await objectResponse(new Request('http://localhost/x', { headers }), store, key, options);
    if (!response) throw new Error('expected an answer');
    return { response, body: Buffer.from(await response.arrayBuffer()) };
  };

  beforeAll(() => store.put(key, bytes, 'application/pdf'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('sends the whole object with its validators, length and the caller’s headers', async () => {
    const { response, body } = await answer();
    expect(response.status).toBe(200);
    expect(body.equals(bytes)).toBe(true);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(bytes.length),
      'accept-ranges': 'bytes',
      'cache-control': 'private, max-age=60',
      etag: expect.stringMatching(/^"[0-9a-f]+-[0-9a-f]+"$/),
      'last-modified': expect.stringMatching(/GMT$/),
    });
  });

  it('answers one range with 206, a suffix range too, and a range past the end with 416', async () => {
    const part = await answer({ range: 'bytes=100-199' });
    expect([part.response.status, part.response.headers.get('content-range'), part.response.headers.get('content-length')]).toEqual([206, `bytes 100-199/${bytes.length}`, '100']);
    expect(part.body.equals(bytes.subarray(100, 200))).toBe(true);
    const open = await answer({ range: 'bytes=9990-' });
    expect(open.body.equals(bytes.subarray(9990))).toBe(true);
    const suffix = await answer({ range: 'bytes=-10' });
    expect(suffix.body.equals(bytes.subarray(-10))).toBe(true);
    const past = await answer({ range: 'bytes=20000-20010' });
    expect([past.response.status, past.response.headers.get('content-range')]).toEqual([416, `bytes */${bytes.length}`]);
  });

  it('answers several ranges, a malformed one or another unit with the whole object', async () => {
    for (const range of ['bytes=0-9,500-509', 'bytes=abc', 'pages=1-2']) {
      const { response, body } = await answer({ range });
      expect({ range, status: response.status, length: body.length }).toEqual({ range, status: 200, length: bytes.length });
    }
  });

  it('honours If-Range (the range while the tag or date still names this version) and If-None-Match', async () => {
    const { response } = await answer();
    const etag = response.headers.get('etag')!;
    const lastModified = response.headers.get('last-modified')!;
    expect((await answer({ range: 'bytes=0-9', 'if-range': etag })).response.status).toBe(206);
    expect((await answer({ range: 'bytes=0-9', 'if-range': lastModified })).response.status).toBe(206);
    expect((await answer({ range: 'bytes=0-9', 'if-range': '"another"' })).response.status).toBe(200);
    expect((await answer({ range: 'bytes=0-9', 'if-range': 'Mon, 01 Jan 2001 00:00:00 GMT' })).response.status).toBe(200);
    const cached = await answer({ 'if-none-match': etag });
    expect([cached.response.status, cached.body.length]).toEqual([304, 0]);
  });

  it('is null for a missing object, with or without a range', async () => {
    for (const headers of [{}, { range: 'bytes=0-9' }] as Record<string, string>[]) {
      expect(await objectResponse(new Request('http://localhost/x', { headers }), store, 'van-ban/khong-co.pdf', options)).toBeNull();
    }
  });

  it('the outage answer is a 503 that no cache keeps, with Retry-After', async () => {
    const response = storageUnavailableResponse('Kho tệp tạm thời không truy cập được.');
    expect([response.status, response.headers.get('retry-after'), response.headers.get('cache-control'), await response.text()]).toEqual([
      503,
      '30',
      'no-store',
      'Kho tệp tạm thời không truy cập được.',
    ]);
  });
});
