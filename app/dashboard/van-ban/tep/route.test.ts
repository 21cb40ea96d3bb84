// POST /dashboard/van-ban/tep against a real PostgreSQL and a real storage folder: the session
// and permission, same-origin only, the size held while reading (a chunked body declares
// nothing), the type from the bytes, one row per stored file and none when the store is down.
// Only the Next/Auth.js runtime around the route is replaced (who is signed in, the headers).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeAppSql } from '@/db/client';
import { NOT_SIGNED_IN } from '@/lib/auth/action';
import { CROSS_SITE } from '@/lib/document-files';
import { STORAGE_UNAVAILABLE } from '@/lib/storage';
import { generatePdf } from '@/seed/pdf';
import { createTestDatabase, type TestDatabase } from '@/testing/database';
import { cfb, docx, odt, pptx, xlsx } from '@/testing/office-files';

const state = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; role: 'admin' | 'editor' | 'reporter' } }));

vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: vi.fn(async () => state.user),
  sessionLostToOutage: vi.fn(async () => false),
  requireUser: vi.fn(async () => {
    throw new Error('not expected');
  }),
}));
vi.mock('next/headers', () => ({
  headers: vi.fn(async () => new Headers({ host: 'vb.example', 'x-newsroom-client-ip': '127.0.0.1' })),
}));

type Route = typeof import('./route');
const MAX = 300_000;
const ORIGIN = 'http://vb.example';

function post(body: BodyInit | null, headers: Record<string, string> = { origin: ORIGIN, 'sec-fetch-site': 'same-origin' }, init: RequestInit = {}): Request {
  return new Request(`${ORIGIN}/dashboard/van-ban/tep`, { method: 'POST', body, headers, ...init, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);
}
function fileForm(name: string, bytes: Uint8Array, type = 'application/octet-stream'): FormData {
  const data = new FormData();
  data.append('file', new File([new Uint8Array(bytes)], name, { type }));
  return data;
}

describe('POST /dashboard/van-ban/tep', () => {
  let database: TestDatabase;
  let route: Route;
  let mediaDir: string;
  let editor: { id: string; email: string; name: string; role: 'editor' };
  let pdf: Uint8Array;

  const rows = () =>
    database.sql<{ id: number; document_id: number | null; storage_key: string; original_name: string; mime_type: string; bytes: number; sha256: string; text_status: string; uploaded_by: string }[]>`
      select id, document_id, storage_key, original_name, mime_type, bytes::int, sha256, text_status, uploaded_by from document_files order by id`;
  const tempLeft = () => readdirSync(os.tmpdir()).filter((f) => f.startsWith('newsroom-upload-'));

  beforeAll(async () => {
    mediaDir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-docs-'));
    process.env.MEDIA_DIR = mediaDir;
    process.env.DOCUMENT_MAX_BYTES = String(MAX);
    delete process.env.S3_URL;
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    route = await import('./route');
    const [row] = await database.sql<{ id: string }[]>`insert into users (email, name, role) values ('btv@tep.example', 'Biên tập', 'editor') returning id`;
    editor = { id: row!.id, email: 'btv@tep.example', name: 'Biên tập', role: 'editor' };
    pdf = await generatePdf({ title: 'Kế hoạch thử', paragraphs: ['Nội dung có dấu tiếng Việt: người khuyết tật.'] });
  });

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });

  beforeEach(async () => {
    await database.sql`truncate document_files, audit_log restart identity cascade`;
    state.user = editor;
  });

  it('stores a PDF under its hash, records an unattached row waiting for the text job, answers the contract JSON', async () => {
    const response = await route.POST(post(fileForm('Kế hoạch 67.pdf', pdf)));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    const sha = createHash('sha256').update(pdf).digest('hex');
    const [row] = await rows();
    expect(body).toEqual({ id: row!.id, name: 'Kế hoạch 67.pdf', size: pdf.length, mimeType: 'application/pdf', label: 'PDF' });
    expect(row).toMatchObject({ document_id: null, storage_key: `documents/${sha}.pdf`, original_name: 'Kế hoạch 67.pdf', bytes: pdf.length, sha256: sha, text_status: 'pending', uploaded_by: editor.id });
    expect(new Uint8Array(readFileSync(path.join(mediaDir, 'documents', `${sha}.pdf`)))).toEqual(pdf);
    expect(tempLeft()).toEqual([]);
    const [audit] = await database.sql`select action from audit_log`;
    expect(audit?.action).toBe('document_file.upload');
  });

  it('decides DOCX, XLSX and ODT from the bytes, DOC and XLS from a CFB file named so', async () => {
    const cases: [string, Uint8Array, string, string][] = [
      ['to-trinh.docx', docx(), 'DOCX', 'docx'],
      ['bang-so-lieu.xlsx', xlsx(), 'XLSX', 'xlsx'],
      ['cong-van.odt', odt(), 'ODT', 'odt'],
      ['cu.doc', cfb(), 'DOC', 'doc'],
      ['cu.XLS', cfb(), 'XLS', 'xls'],
      // The name lies the other way: a DOCX named .pdf is still a DOCX.
      ['nham-ten.pdf', docx(), 'DOCX', 'docx'],
    ];
    for (const [name, bytes, label, ext] of cases) {
      const response = await route.POST(post(fileForm(name, bytes)));
      expect(response.status, name).toBe(200);
      expect(((await response.json()) as { label: string }).label, name).toBe(label);
      const all = await rows();
      expect(all.at(-1)?.storage_key.endsWith(`.${ext}`), name).toBe(true);
      expect(all.at(-1)?.text_status, name).toBe('not_applicable');
    }
  });

  it('refuses by the bytes, naming the file: a PNG renamed .pdf, a PPTX, a CFB not named .doc/.xls, plain text', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 1, g: 2, b: 3 } } }).png().toBuffer();
    const stored = () => (existsSync(path.join(mediaDir, 'documents')) ? readdirSync(path.join(mediaDir, 'documents')).length : 0);
    const before = stored();
    for (const [name, bytes] of [
      ['anh-doi-ten.pdf', new Uint8Array(png)],
      ['trinh-chieu.pptx', pptx()],
      ['cu.msi', cfb()],
      ['ghi-chu.pdf', new TextEncoder().encode('chỉ là chữ, không phải PDF')],
    ] as const) {
      const response = await route.POST(post(fileForm(name, bytes, 'application/pdf')));
      expect(response.status, name).toBe(415);
      const { error } = (await response.json()) as { error: string };
      expect(error, name).toContain(`“${name}”`);
      expect(error).toMatch(/không phải PDF, DOC, DOCX, XLS, XLSX hoặc ODT/);
    }
    expect(await rows()).toEqual([]);
    expect(stored()).toBe(before);
    expect(tempLeft()).toEqual([]);
  });

  it('refuses a file over DOCUMENT_MAX_BYTES, declared or streamed without a length, keeping nothing', async () => {
    const big = new Uint8Array(MAX + 1);
    big.set(new TextEncoder().encode('%PDF-1.4\n'));
    const declared = await route.POST(post(fileForm('lon.pdf', big)));
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: string }).error).toMatch(/lớn hơn 293 KB/);

    // The same bytes as a chunked stream: no Content-Length to trust; the route counts.
    const multipart = new Response(fileForm('lon-2.pdf', big));
    const type = multipart.headers.get('content-type')!;
    const bytes = new Uint8Array(await multipart.arrayBuffer());
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(sent, sent + 16_384));
        sent += 16_384;
      },
    });
    const streamed = await route.POST(post(stream, { origin: ORIGIN, 'content-type': type }));
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { error: string }).error).toContain('“lon-2.pdf”');
    expect(await rows()).toEqual([]);
    // Exactly the limit is fine.
    const exact = new Uint8Array(MAX);
    exact.set(pdf);
    expect((await route.POST(post(fileForm('vua-du.pdf', exact)))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(tempLeft()).toEqual([]);
  });

  it('refuses cross-site requests, and requests that say nothing of where they come from', async () => {
    const refused: Record<string, string>[] = [
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
      { origin: ORIGIN, 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
      {},
    ];
    for (const headers of refused) {
      const response = await route.POST(post(fileForm('a.pdf', pdf), headers));
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(((await response.json()) as { error: string }).error).toBe(CROSS_SITE);
    }
    // A same-origin request from a browser that sends only Sec-Fetch-Site is fine.
    expect((await route.POST(post(fileForm('a.pdf', pdf), { 'sec-fetch-site': 'same-origin' }))).status).toBe(200);
  });

  it('refuses without a session (401), and an empty or missing file (400)', async () => {
    state.user = null;
    const anonymous = await route.POST(post(fileForm('a.pdf', pdf)));
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: string }).error).toBe(NOT_SIGNED_IN);
    state.user = editor;
    expect((await route.POST(post(fileForm('rong.pdf', new Uint8Array(0))))).status).toBe(400);
    const noFile = new FormData();
    noFile.append('ghi-chu', 'không có tệp');
    expect((await route.POST(post(noFile))).status).toBe(400);
    expect((await route.POST(post('không phải multipart', { origin: ORIGIN, 'content-type': 'text/plain' }))).status).toBe(400);
    expect(await rows()).toEqual([]);
  });

  it('answers 503 with the storage message and records nothing when the store is down', async () => {
    process.env.S3_URL = 'http://127.0.0.1:9';
    process.env.S3_BUCKET = 'tai-lieu';
    process.env.S3_ACCESS_KEY_ID = 'x';
    process.env.S3_SECRET_ACCESS_KEY = 'y';
    vi.resetModules();
    try {
      const down = (await import('./route')) as Route;
      const response = await down.POST(post(fileForm('a.pdf', pdf)));
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: string }).error).toBe(STORAGE_UNAVAILABLE);
      expect(await rows()).toEqual([]);
      expect(tempLeft()).toEqual([]);
    } finally {
      delete process.env.S3_URL;
      delete process.env.S3_BUCKET;
      delete process.env.S3_ACCESS_KEY_ID;
      delete process.env.S3_SECRET_ACCESS_KEY;
    }
  });
});
