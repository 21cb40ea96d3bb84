import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cfb, docx, odt, pptx, xlsx } from '../testing/office-files';
import { DEFAULT_DOCUMENT_MAX_BYTES } from './documents';
import { cleanFileName, createSlots, detectDocumentType, documentFileHref } from './document-files';
import { parseEnv } from './env';

describe('DOCUMENT_MAX_BYTES', () => {
  it('defaults to 20 MB and takes 1 KB to 200 MB', () => {
    expect(parseEnv({}).DOCUMENT_MAX_BYTES).toBe(DEFAULT_DOCUMENT_MAX_BYTES);
    expect(parseEnv({ DOCUMENT_MAX_BYTES: '' }).DOCUMENT_MAX_BYTES).toBe(DEFAULT_DOCUMENT_MAX_BYTES);
    expect(parseEnv({ DOCUMENT_MAX_BYTES: '5242880' }).DOCUMENT_MAX_BYTES).toBe(5 * 1024 * 1024);
    for (const bad of ['100', '20MB', '1.5', String(201 * 1024 * 1024)]) {
      expect(() => parseEnv({ DOCUMENT_MAX_BYTES: bad }), bad).toThrow(/DOCUMENT_MAX_BYTES must be a number of bytes/);
    }
  });
});

describe('detectDocumentType', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-ft-'));
  const write = (name: string, bytes: Uint8Array) => {
    const file = path.join(dir, `${Math.random()}`);
    writeFileSync(file, bytes);
    return detectDocumentType(file, name);
  };
  it('knows the accepted types by their bytes, whatever the name', async () => {
    expect((await write('a.bin', docx()))?.ext).toBe('docx');
    expect((await write('a.pdf', xlsx()))?.ext).toBe('xlsx');
    expect((await write('a', odt()))?.ext).toBe('odt');
    expect((await write('a.txt', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n')))?.mimeType).toBe('application/pdf');
  });
  it('takes a CFB file only as .doc or .xls, by its name', async () => {
    expect(await write('Quyết định.DOC', cfb())).toMatchObject({ mimeType: 'application/msword', label: 'DOC' });
    expect(await write('so-lieu.xls', cfb())).toMatchObject({ mimeType: 'application/vnd.ms-excel', label: 'XLS' });
    expect(await write('cai-dat.msi', cfb())).toBeNull();
    expect(await write('x.doc.exe', cfb())).toBeNull();
  });
  it('refuses the rest', async () => {
    expect(await write('a.pptx', pptx())).toBeNull();
    expect(await write('a.pdf', new TextEncoder().encode('chỉ là chữ'))).toBeNull();
    expect(await write('a.pdf', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]))).toBeNull();
  });
});

describe('file names and links', () => {
  it('keeps the name without a path or control characters, at most 200 characters with its extension', () => {
    expect(cleanFileName('C:\\Users\\a\\Kế hoạch 67.pdf')).toBe('Kế hoạch 67.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\u001f.pdf')).toBe('ab.pdf');
    const long = cleanFileName(`${'ư'.repeat(300)}.docx`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.docx')).toBe(true);
  });
  it('links to the download route with an ASCII name; the id decides', () => {
    expect(documentFileHref({ id: 12, originalName: 'Kế hoạch số 67.PDF' })).toBe('/van-ban/tep/12/ke-hoach-so-67.pdf');
    expect(documentFileHref({ id: 3, originalName: '—' })).toBe('/van-ban/tep/3/tep');
  });
});

describe('createSlots', () => {
  it('refuses beyond the count with tryEnter, queues with enter, first come first served', async () => {
    const slots = createSlots(1);
    expect(slots.tryEnter()).toBe(true);
    expect(slots.tryEnter()).toBe(false);
    const order: number[] = [];
    const a = slots.enter().then(() => order.push(1));
    const b = slots.enter().then(() => order.push(2));
    slots.leave();
    await a;
    slots.leave();
    await b;
    expect(order).toEqual([1, 2]);
    slots.leave();
    expect(slots.used).toBe(0);
  });
});
