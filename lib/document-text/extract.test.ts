// The extractor on real PDFs (pdfkit), through its real child process.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { generatePdf } from '@/seed/pdf';
import { extractPdfText, extractWorkerPath, looksScanned, normalizeExtractedText } from './extract';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf');

function pdfWith(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  draw(doc);
  doc.end();
  return done;
}

describe('normalizeExtractedText', () => {
  it('gives NFC text without NUL or control characters, blanks folded', () => {
    const decomposed = 'Nghi\u0323 đi\u0323nh'; // NFD marks, as some PDFs encode them
    expect(normalizeExtractedText(`  ${decomposed}\u0000 số\t\t42 \n\n\n  ban\u00ADhành\f trang 2 `)).toBe('Nghị định số 42\nbanhành\ntrang 2');
  });

  it('caps at the limit, at a word boundary, never half a surrogate pair', () => {
    const text = normalizeExtractedText('từ '.repeat(1000), 100);
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text.endsWith('từ')).toBe(true);
    const emoji = normalizeExtractedText('😀'.repeat(100), 51);
    expect(emoji.length).toBeLessThanOrEqual(51);
    expect(emoji).toBe(emoji.toWellFormed());
  });
});

describe('looksScanned', () => {
  it('judges by letters per page', () => {
    expect(looksScanned(0, 10)).toBe(true);
    expect(looksScanned(100, 10)).toBe(true);
    expect(looksScanned(2000, 10)).toBe(false);
    expect(looksScanned(30, 1)).toBe(false);
  });
});

describe('extractPdfText', () => {
  it('finds the extractor script from the project folder', () => {
    expect(extractWorkerPath()).toMatch(/lib\/document-text\/extract-worker\.mjs$/);
  });

  it('extracts Vietnamese text exactly, with the page count', async () => {
    const pdf = await generatePdf({ title: 'Quyết định', paragraphs: ['Ủy ban nhân dân quận quyết định phê duyệt kế hoạch.', '\f', 'Điều 2. Hiệu lực thi hành.'] });
    const result = await extractPdfText(pdf);
    expect(result).toMatchObject({ kind: 'text', pages: 2 });
    if (result.kind !== 'text') return;
    expect(result.text).toContain('Ủy ban nhân dân quận quyết định phê duyệt kế hoạch.');
    expect(result.text).toContain('Điều 2. Hiệu lực thi hành.');
  });

  it('stops at the limit on a long PDF', async () => {
    const pdf = await pdfWith({ autoFirstPage: false }, (doc) => {
      doc.font(FONT).fontSize(10);
      for (let p = 0; p < 50; p++) doc.addPage().text(`Trang ${p + 1}. ${'Nội dung lặp lại của phụ lục. '.repeat(20)}`);
    });
    const result = await extractPdfText(pdf, { limit: 2_000 });
    expect(result).toMatchObject({ kind: 'text', pages: 50 });
    if (result.kind === 'text') expect(result.text.length).toBeLessThanOrEqual(2_000);
  });

  it('calls a PDF of shapes only, or of a handful of characters per page, no_text', async () => {
    const shapes = await pdfWith({}, (doc) => {
      for (let i = 0; i < 30; i++) doc.circle(100 + (i % 6) * 70, 100 + Math.floor(i / 6) * 90, 25).fill('#555');
    });
    expect(await extractPdfText(shapes)).toEqual({ kind: 'no_text', pages: 1 });
    const pageNumbers = await pdfWith({ autoFirstPage: false }, (doc) => {
      doc.font(FONT);
      for (let p = 0; p < 5; p++) doc.addPage().rect(60, 60, 400, 600).fill('#ccc').fillColor('#000').text(String(p + 1), 290, 740);
    });
    expect(await extractPdfText(pageNumbers)).toEqual({ kind: 'no_text', pages: 5 });
  });

  it('refuses a PDF with a password, and garbage behind a PDF header, as invalid', async () => {
    const locked = await pdfWith({ userPassword: 'mat-khau', ownerPassword: 'chu-so-huu' }, (doc) => {
      doc.font(FONT).text('Nội dung mật của văn bản.');
    });
    expect(await extractPdfText(locked)).toEqual({ kind: 'invalid', error: 'PDF có mật khẩu' });
    const garbage = new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\n'), Buffer.alloc(3000, 0x41)]));
    expect(await extractPdfText(garbage)).toMatchObject({ kind: 'invalid' });
    expect(await extractPdfText(new Uint8Array())).toMatchObject({ kind: 'invalid' });
  });

  it('kills the extractor at its time cap, and reports a stop from outside as aborted', async () => {
    const pdf = await generatePdf({ title: 'Thử', paragraphs: ['Nội dung đủ dài để trích chữ được.'] });
    const started = performance.now();
    expect(await extractPdfText(pdf, { timeoutMs: 20 })).toEqual({ kind: 'crashed', error: 'timed out after 0 s' });
    expect(performance.now() - started).toBeLessThan(5_000);
    const controller = new AbortController();
    const running = extractPdfText(pdf, { signal: controller.signal });
    controller.abort();
    expect(await running).toEqual({ kind: 'aborted' });
  });
});
