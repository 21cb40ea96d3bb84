// The PDF text job against a real, migrated PostgreSQL database of its own, real PDFs (pdfkit)
// and the real extractor child process: claim, extract, store, search, caps, retries, sweep.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAppSql } from '@/db/client';
import { FILES_TEXT_LIMIT } from '@/lib/documents';
import { generatePdf } from '@/seed/pdf';
import { createTestDatabase, type TestDatabase } from '@/testing/database';

describe('document text job', () => {
  let database: TestDatabase;
  let mediaDir: string;
  let w: typeof import('./document-text');
  let match: typeof import('@/db/queries/document-search');
  let drizzle: typeof import('@/db');
  let typeId: number;
  let issuerId: number;
  const hogs: { memory: string; slow: string; crash: string } = { memory: '', slow: '', crash: '' };

  beforeAll(async () => {
    mediaDir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-text-test-'));
    process.env.MEDIA_DIR = mediaDir;
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    w = await import('./document-text');
    match = await import('@/db/queries/document-search');
    drizzle = await import('@/db');
    const [type] = await database.sql<{ id: number }[]>`select id from document_terms where kind = 'type' order by position limit 1`;
    const [issuer] = await database.sql<{ id: number }[]>`
      insert into document_terms (kind, slug, name) values ('issuer', 'ubnd-quan-thu', 'UBND quận Thử') returning id`;
    typeId = type!.id;
    issuerId = issuer!.id;
    // Stand-ins for the extractor that break its caps: a heap hog, a sleeper, a crash.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-hogs-'));
    hogs.memory = path.join(dir, 'memory.mjs');
    writeFileSync(hogs.memory, 'process.stdin.resume(); const keep = []; for (;;) keep.push(new Array(1e5).fill({ a: Math.random() }));\n');
    hogs.slow = path.join(dir, 'slow.mjs');
    writeFileSync(hogs.slow, 'process.stdin.resume(); setTimeout(() => {}, 600000);\n');
    hogs.crash = path.join(dir, 'crash.mjs');
    writeFileSync(hogs.crash, 'process.abort();\n');
  });

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });

  let documents = 0;
  async function insertDocument(abstract = 'Văn bản thử nghiệm'): Promise<number> {
    documents += 1;
    const [row] = await database.sql<{ id: number }[]>`
      insert into documents (slug, number, type_id, issuer_id, issued_on, abstract, status)
      values (${`vb-${documents}-${randomBytes(3).toString('hex')}`}, ${`${documents}/KH-UBND`}, ${typeId}, ${issuerId}, '2026-01-15', ${abstract}, 'published')
      returning id`;
    return row!.id;
  }

  /** A file row in the queue, its bytes in the media folder. */
  async function insertFile(bytes: Uint8Array, options: { documentId?: number | null; mimeType?: string; createdAt?: Date } = {}): Promise<number> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = `documents/${sha256}.pdf`;
    mkdirSync(path.join(mediaDir, 'documents'), { recursive: true });
    writeFileSync(path.join(mediaDir, key), bytes);
    const [row] = await database.sql<{ id: number }[]>`
      insert into document_files (document_id, storage_key, original_name, mime_type, bytes, sha256, created_at)
      values (${options.documentId ?? null}, ${key}, 'Kế hoạch.pdf', ${options.mimeType ?? 'application/pdf'}, ${bytes.length}, ${sha256},
              ${options.createdAt ?? new Date()})
      returning id`;
    return row!.id;
  }

  const fileRow = async (id: number) => {
    const [row] = await database.sql<
      { text_status: string; text_content: string; text_error: string; pages: number | null; text_attempts: number; extracted_at: Date | null }[]
    >`select text_status, text_content, text_error, pages, text_attempts, extracted_at from document_files where id = ${id}`;
    return row!;
  };

  const found = async (query: string): Promise<number[]> => {
    const { documents: table } = await import('@/db/schema');
    const condition = match.documentMatch(query);
    if (!condition) return [];
    const rows = await drizzle.db.select({ id: table.id }).from(table).where(condition);
    return rows.map((r) => r.id);
  };

  /** Runs the job until the given file is no longer pending (or `max` runs). */
  async function drain(options: Parameters<typeof w.processNextFile>[0] = {}, max = 10) {
    const outcomes = [];
    for (let i = 0; i < max; i++) {
      const outcome = await w.processNextFile(options);
      if (!outcome) break;
      outcomes.push(outcome);
    }
    return outcomes;
  }

  /** A PDF with shapes and no text at all, as a scan without OCR looks to a text extractor. */
  function shapesPdf(pages = 2): Promise<Uint8Array> {
    const doc = new PDFDocument({ size: 'A4', margin: 56 });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
    for (let p = 0; p < pages; p++) {
      if (p > 0) doc.addPage();
      for (let i = 0; i < 40; i++) doc.rect(60 + (i % 8) * 55, 80 + Math.floor(i / 8) * 120, 40, 90).fill(i % 2 ? '#333' : '#999');
    }
    doc.end();
    return done;
  }

  it('extracts a pending PDF of an attached file, and search then finds the document by a phrase of the PDF only, without accents', async () => {
    const tag = randomBytes(4).toString('hex');
    const documentId = await insertDocument('Kế hoạch thực hiện công tác năm 2026');
    const pdf = await generatePdf({
      title: 'Kế hoạch hỗ trợ người khuyết tật',
      heading: ['ỦY BAN NHÂN DÂN QUẬN THỬ', `Số: ${tag}/KH-UBND`],
      paragraphs: [`Phường Nghĩa Đô tổ chức lớp học nghề đan lát mây tre cho người khuyết tật vào quý ba, mã ${tag}.`, '\f', 'Trang hai của kế hoạch.'],
    });
    const id = await insertFile(pdf, { documentId });
    expect(await found('nghe dan lat may tre')).not.toContain(documentId);

    const [outcome] = await drain();
    expect(outcome).toMatchObject({ id, status: 'done', attempts: 1, pages: 2 });
    const row = await fileRow(id);
    expect(row.text_status).toBe('done');
    expect(row.text_content).toContain('lớp học nghề đan lát mây tre');
    expect(row.text_content).toBe(row.text_content.normalize('NFC'));
    expect(row.pages).toBe(2);
    expect(row.extracted_at).toBeInstanceOf(Date);
    expect(await found('nghe dan lat may tre')).toContain(documentId);
    expect(await found('đan lát mây tre')).toContain(documentId);
    expect(await found(tag)).toContain(documentId);
    expect(await w.processNextFile()).toBeNull();
  });

  it('extracts an unattached file too; its text is counted when a save attaches it (refreshFilesText)', async () => {
    const tag = `chuoi${randomBytes(3).toString('hex')}`;
    const id = await insertFile(await generatePdf({ title: 'Thông báo', paragraphs: [`Lịch tiếp công dân định kỳ của quận, ký hiệu ${tag}.`] }));
    const [outcome] = await drain();
    expect(outcome).toMatchObject({ id, status: 'done' });
    const documentId = await insertDocument();
    expect(await found(tag)).toEqual([]);
    await database.sql`update document_files set document_id = ${documentId} where id = ${id}`;
    await drizzle.db.transaction((tx) => w.refreshFilesText(tx, documentId));
    expect(await found(`tiep cong dan ${tag}`)).toEqual([documentId]);
  });

  it('marks a PDF without a text layer no_text, and a non-PDF left pending not_applicable', async () => {
    const scan = await insertFile(await shapesPdf(3), { documentId: await insertDocument() });
    const word = await insertFile(randomBytes(500), { mimeType: 'application/msword' });
    const outcomes = await drain();
    expect(outcomes.map((o) => [o.id, o.status])).toEqual([
      [scan, 'no_text'],
      [word, 'not_applicable'],
    ]);
    expect(await fileRow(scan)).toMatchObject({ text_status: 'no_text', pages: 3, text_content: '' });
  });

  it('fails garbage with a PDF header at once, and an unreadable object', async () => {
    const garbage = new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4000), Buffer.from('\n%%EOF\n')]));
    const id = await insertFile(garbage, { documentId: await insertDocument() });
    const outcomes = await drain();
    expect(outcomes).toHaveLength(1);
    const row = await fileRow(id);
    expect(row.text_status).toBe('failed');
    expect(row.text_attempts).toBeLessThanOrEqual(3);
    expect(row.text_error).toMatch(/PDF không đọc được/);

    const missing = await insertFile(new TextEncoder().encode('%PDF-1.4 missing'));
    await database.sql`update document_files set storage_key = 'documents/absent.pdf' where id = ${missing}`;
    await drain();
    expect(await fileRow(missing)).toMatchObject({ text_status: 'failed', text_error: 'Không tìm thấy tệp trong kho lưu trữ' });
  });

  it('kills an extractor over its heap or time cap, counts each attempt, and fails the file after 3', async () => {
    const pdf = await generatePdf({ title: 'Tệp thử giới hạn', paragraphs: ['Nội dung.'] });
    for (const [name, extract] of [
      ['memory', { workerPath: hogs.memory, memoryMb: 32, timeoutMs: 60_000 }],
      ['time', { workerPath: hogs.slow, timeoutMs: 500 }],
      ['crash', { workerPath: hogs.crash }],
    ] as const) {
      const id = await insertFile(new Uint8Array([...pdf, ...new TextEncoder().encode(`% ${name}`)]));
      const started = performance.now();
      const first = await w.processNextFile({ extract });
      expect(first, name).toMatchObject({ id, status: 'pending', attempts: 1 });
      expect(first?.error, name).toMatch(name === 'memory' ? /out of memory/ : name === 'time' ? /timed out/ : /exited with/);
      expect(await fileRow(id), name).toMatchObject({ text_status: 'pending', text_attempts: 1 });
      const rest = await drain({ extract });
      expect(rest.map((o) => o.status), name).toEqual(['pending', 'failed']);
      const row = await fileRow(id);
      expect(row, name).toMatchObject({ text_status: 'failed', text_attempts: 3 });
      expect(row.text_error, name).toMatch(/sau 3 lần thử/);
      expect(await w.processNextFile({ extract }), name).toBeNull();
      console.log(`${name} cap: 3 attempts in ${Math.round(performance.now() - started)} ms`);
    }
  });

  it('fails a file left over its attempts by a process that died each time, without running it again', async () => {
    const id = await insertFile(await generatePdf({ title: 'Chết giữa chừng', paragraphs: ['x'] }));
    await database.sql`update document_files set text_attempts = 3, text_error = 'killed' where id = ${id}`;
    const [outcome] = await drain();
    expect(outcome).toMatchObject({ id, status: 'failed' });
    expect(await fileRow(id)).toMatchObject({ text_attempts: 3, text_status: 'failed' });
  });

  it('an aborted extraction (shutdown) leaves the file pending with its attempt given back', async () => {
    const id = await insertFile(await generatePdf({ title: 'Dừng giữa chừng', paragraphs: ['Nội dung của tệp bị dừng khi máy chủ tắt.'] }));
    const controller = new AbortController();
    const running = w.processNextFile({ signal: controller.signal, extract: { workerPath: hogs.slow } });
    await new Promise((r) => setTimeout(r, 300));
    controller.abort();
    expect(await running).toMatchObject({ id, status: 'pending', aborted: true });
    expect(await fileRow(id)).toMatchObject({ text_status: 'pending', text_attempts: 0, text_content: '' });
    await drain();
    expect((await fileRow(id)).text_status).toBe('done');
  });

  it('two claimers in parallel never take the same file', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) {
      ids.push(await insertFile(await generatePdf({ title: `Song song ${i}`, paragraphs: [`Tệp số ${i} ${randomBytes(4).toString('hex')}`] })));
    }
    const [a, b] = await Promise.all([drain({}, 20), drain({}, 20)]);
    const taken = [...a!, ...b!].map((o) => o.id);
    expect(taken.sort((x, y) => x - y)).toEqual(ids);
    expect(a!.length).toBeGreaterThan(0);
    expect(b!.length).toBeGreaterThan(0);
    const attempts = await database.sql<{ n: number }[]>`select text_attempts as n from document_files where id = any(${ids})`;
    expect(attempts.map((r) => r.n)).toEqual(ids.map(() => 1));
    // And a file held by one claimer (mid-extraction) is passed over by another.
    const held = await insertFile(await generatePdf({ title: 'Tệp đang được giữ', paragraphs: ['Tệp này đang được một tiến trình khác trích chữ.'] }));
    const controller = new AbortController();
    const slow = w.processNextFile({ signal: controller.signal, extract: { workerPath: hogs.slow } });
    await new Promise((r) => setTimeout(r, 300));
    expect(await w.processNextFile()).toBeNull();
    controller.abort();
    await slow;
    expect((await drain())[0]).toMatchObject({ id: held, status: 'done' });
  });

  it('the tsvector worst case: FILES_TEXT_LIMIT characters of distinct tokens still save', async () => {
    const documentId = await insertDocument();
    const shapes = {
      ascii: () => randomBytes(4).toString('hex'),
      short: () => randomBytes(2).toString('base64url').replace(/[^a-z0-9]/gi, 'x'),
      vietnamese: () => `${'ạảãàáâậầấẩẫăắằặẳẵ'[Math.floor(Math.random() * 17)]}${randomBytes(2).toString('hex')}`,
      cjk: () => String.fromCodePoint(0x4e00 + Math.floor(Math.random() * 20_000)),
    };
    for (const [name, token] of Object.entries(shapes)) {
      let text = '';
      while (text.length < FILES_TEXT_LIMIT) text += `${token()} `;
      text = text.slice(0, FILES_TEXT_LIMIT);
      await database.sql`delete from document_files where document_id = ${documentId}`;
      const id = await insertFile(new TextEncoder().encode(`%PDF ${name}`), { documentId });
      await database.sql`update document_files set text_status = 'done', text_content = ${text} where id = ${id}`;
      await drizzle.db.transaction((tx) => w.refreshFilesText(tx, documentId));
      const [row] = await database.sql<{ chars: number; bytes: number; lexemes: number }[]>`
        select length(files_text) as chars, pg_column_size(search_vector) as bytes, length(search_vector) as lexemes from documents where id = ${documentId}`;
      console.log(`tsvector worst case ${name}: ${row!.chars} chars → ${row!.lexemes} lexemes, ${row!.bytes} bytes`);
      expect(row!.chars).toBe(FILES_TEXT_LIMIT);
    }
  });

  it('sweeps unattached files older than a day, and their objects unless another row uses them', async () => {
    const day = 24 * 60 * 60 * 1000;
    const old = new Date(Date.now() - day - 60_000);
    const lonePdf = await generatePdf({ title: 'Bỏ quên', paragraphs: [randomBytes(8).toString('hex')] });
    const lone = await insertFile(lonePdf, { createdAt: old });
    const sharedPdf = await generatePdf({ title: 'Dùng chung', paragraphs: [randomBytes(8).toString('hex')] });
    const sharedOld = await insertFile(sharedPdf, { createdAt: old });
    const sharedKept = await insertFile(sharedPdf, { documentId: await insertDocument() });
    const fresh = await insertFile(await generatePdf({ title: 'Mới', paragraphs: [randomBytes(8).toString('hex')] }));
    const attachedOld = await insertFile(await generatePdf({ title: 'Đính kèm', paragraphs: ['x'] }), { documentId: await insertDocument(), createdAt: old });
    // Taken off a document: a revision lists it, so it stays for a restore.
    const takenOff = await insertFile(await generatePdf({ title: 'Đã gỡ khỏi văn bản', paragraphs: ['y'] }), { createdAt: old });
    await database.sql`update document_files set former_document_id = ${await insertDocument()} where id = ${takenOff}`;

    const keyOf = async (id: number) => (await database.sql<{ k: string }[]>`select storage_key as k from document_files where id = ${id}`)[0]?.k;
    const loneKey = (await keyOf(lone))!;
    const sharedKey = (await keyOf(sharedKept))!;
    const swept = await w.sweepUnattachedFiles();
    expect(swept).toEqual({ rows: 2, objects: 1 });
    const left = await database.sql<{ id: number }[]>`select id from document_files where id = any(${[lone, sharedOld, sharedKept, fresh, attachedOld, takenOff]}) order by id`;
    expect(left.map((r) => r.id)).toEqual([sharedKept, fresh, attachedOld, takenOff]);
    expect(existsSync(path.join(mediaDir, loneKey))).toBe(false);
    expect(existsSync(path.join(mediaDir, sharedKey))).toBe(true);
    expect(await w.sweepUnattachedFiles()).toEqual({ rows: 0, objects: 0 });
  });

  it('an upload of the same bytes while the sweep removes their abandoned copy keeps its object', async () => {
    const { recordUploadedFile } = await import('./document-files');
    const { storage } = await import('@/lib/storage');
    const bytes = await generatePdf({ title: 'Tải lại đúng lúc dọn', paragraphs: [randomBytes(8).toString('hex')] });
    const abandoned = await insertFile(bytes, { createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) });
    const [row] = await database.sql<{ k: string; sha: string }[]>`select storage_key as k, sha256 as sha from document_files where id = ${abandoned}`;
    const [user] = await database.sql<{ id: string }[]>`insert into users (email, name, role) values (${`tai-lai-${randomBytes(3).toString('hex')}@binhminh.example`}, 'Biên tập', 'editor') returning id`;
    // The upload has stored its object and is about to insert its row when the sweep starts.
    let release!: () => void;
    let stored!: () => void;
    const storedNow = new Promise<void>((resolve) => (stored = resolve));
    const upload = recordUploadedFile(
      { storageKey: row!.k, originalName: 'Kế hoạch.pdf', mimeType: 'application/pdf', bytes: bytes.length, sha256: row!.sha },
      { id: user!.id, email: 'bien-tap@binhminh.example' },
      '203.0.113.9',
      async () => {
        await storage().put(row!.k, bytes, 'application/pdf');
        stored();
        await new Promise<void>((resolve) => (release = resolve));
      },
    );
    await storedNow;
    const sweep = w.sweepUnattachedFiles();
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    const [uploaded, swept] = await Promise.all([upload, sweep]);
    // The abandoned row went; the object stayed, as the new upload's row names it.
    expect(swept).toMatchObject({ objects: 0 });
    expect(await fileRow(uploaded.id)).toBeTruthy();
    expect(existsSync(path.join(mediaDir, row!.k))).toBe(true);
  });

  it('requeues every PDF, or one file by id', async () => {
    await drain({}, 50);
    const done = await database.sql<{ n: number }[]>`select count(*)::int as n from document_files where mime_type = 'application/pdf' and text_status <> 'pending'`;
    expect(await w.requeueFiles({ all: true })).toBe(done[0]!.n);
    expect(await w.pendingFileCount()).toBe(done[0]!.n);
    await drain({}, 100);
    expect(await w.pendingFileCount()).toBe(0);
    const [one] = await database.sql<{ id: number }[]>`select id from document_files where text_status = 'done' limit 1`;
    expect(await w.requeueFiles({ id: one!.id })).toBe(1);
    expect((await drain())[0]).toMatchObject({ id: one!.id, status: 'done' });
  });
});
