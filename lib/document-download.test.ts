// downloadResponse() over a real folder store: the answers /van-ban/tep/{id}/{name} gives.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'content-disposition';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentHeader, CONTENT_LENGTH_HEADER, documentFilePath, downloadName, downloadResponse, type DownloadFile } from './document-download';
import { directoryStorage } from './storage/directory';

describe('downloadResponse', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'newsroom-download-'));
  const store = directoryStorage(root);
  const bytes = randomBytes(50_000);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file: DownloadFile = {
    storageKey: `documents/${sha256}.pdf`,
    originalName: 'Kế hoạch số 67 "đặc biệt".pdf',
    mimeType: 'application/pdf',
    bytes: bytes.length,
    sha256,
    createdAt: new Date('2026-01-15T03:00:00Z'),
  };
  const options = { cacheControl: 'public, max-age=300, no-transform' };
  const answer = async (headers: Record<string, string> = {}, method = 'GET', f = file) => {
    const response = await downloadResponse(new Request('http://localhost/van-ban/tep/1/x.pdf', { method, headers }), store, f, options);
    if (!response) throw new Error('expected an answer');
    return { response, body: Buffer.from(await response.arrayBuffer()) };
  };

  beforeAll(() => store.put(file.storageKey, bytes, file.mimeType));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('sends the exact bytes as an attachment under the Vietnamese name, with a strong sha256 ETag', async () => {
    const { response, body } = await answer();
    expect(response.status).toBe(200);
    expect(body.equals(bytes)).toBe(true);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(bytes.length),
      [CONTENT_LENGTH_HEADER]: String(bytes.length),
      'accept-ranges': 'bytes',
      'cache-control': 'public, max-age=300, no-transform',
      'x-content-type-options': 'nosniff',
      etag: `"${sha256}"`,
    });
    const disposition = parse(response.headers.get('content-disposition')!);
    expect(disposition.type).toBe('attachment');
    expect(disposition.parameters.filename).toBe('Kế hoạch số 67 "đặc biệt".pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="Ke hoach so 67 _dac biet_.pdf"; filename\*=UTF-8''/);
  });

  it('answers 304 to its ETag, one range with 206, several whole, and 416 past the end', async () => {
    expect((await answer({ 'if-none-match': `"${sha256}"` })).response.status).toBe(304);
    expect((await answer({ 'if-none-match': '"other"' })).response.status).toBe(200);
    const range = await answer({ range: 'bytes=100-199' });
    expect(range.response.status).toBe(206);
    expect(range.response.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
    expect(range.response.headers.get(CONTENT_LENGTH_HEADER)).toBe('100');
    expect(range.body.equals(bytes.subarray(100, 200))).toBe(true);
    const suffix = await answer({ range: 'bytes=-10' });
    expect(suffix.body.equals(bytes.subarray(bytes.length - 10))).toBe(true);
    const several = await answer({ range: 'bytes=0-9,500-509' });
    expect(several.response.status).toBe(200);
    expect(several.body.equals(bytes)).toBe(true);
    const past = await answer({ range: `bytes=${bytes.length}-` });
    expect(past.response.status).toBe(416);
    expect(past.response.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
    // If-Range naming other bytes: the whole file.
    expect((await answer({ range: 'bytes=0-9', 'if-range': '"stale"' })).response.status).toBe(200);
    expect((await answer({ range: 'bytes=0-9', 'if-range': `"${sha256}"` })).response.status).toBe(206);
  });

  it('answers HEAD with the length and no body, and null for an object the store does not have', async () => {
    const head = await answer({}, 'HEAD');
    expect(head.response.status).toBe(200);
    expect(head.response.headers.get(CONTENT_LENGTH_HEADER)).toBe(String(bytes.length));
    expect(head.body.length).toBe(0);
    const missing = { ...file, storageKey: 'documents/missing.pdf' };
    expect(await downloadResponse(new Request('http://localhost/x'), store, missing, options)).toBeNull();
    expect(await downloadResponse(new Request('http://localhost/x', { method: 'HEAD' }), store, missing, options)).toBeNull();
  });

  it('never sends a type it was not given for documents', async () => {
    const { response } = await answer({}, 'GET', { ...file, mimeType: 'text/html' });
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
  });
});

describe('download names', () => {
  it('keeps the Vietnamese name in the header and an accent-free one in the path', () => {
    expect(downloadName('Kế hoạch số 67/KH-UBND.PDF')).toBe('ke-hoach-so-67-kh-ubnd.pdf');
    expect(downloadName('.pdf')).toBe('pdf');
    expect(documentFilePath({ id: 12, originalName: 'Phụ lục 1.docx' })).toBe('/van-ban/tep/12/phu-luc-1.docx');
    const header = attachmentHeader('a\r\nSet-Cookie: x=1/../b.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(parse(header).parameters.filename).toBe('a Set-Cookie: x=1 .. b.pdf');
  });
});
