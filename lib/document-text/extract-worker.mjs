// The PDF text extractor's child process: `node --max-old-space-size=N extract-worker.mjs LIMIT`.
// It reads one PDF from standard input, extracts its text layer with unpdf (PDF.js), and writes
// one JSON line to standard output:
//   { "ok": true, "pages": 12, "text": "…", "letters": 5320, "complete": true }
//   { "ok": false, "error": "…", "code": "password" | "invalid" }
// A plain .mjs file run by plain node, never bundled: the app spawns it by its path on disk
// (lib/document-text/extract.ts), which is what lets it work the same under `npm start`,
// `next start` and `next dev`. Crashes, running out of heap and running over time are for the
// parent to notice (exit code, signal, its own timer); this file only does the extraction.
import { getDocumentProxy } from 'unpdf';

const limit = Math.max(1, Number(process.argv[2]) || 100_000);

/** @param {NodeJS.ReadableStream} stream */
async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/** @param {unknown} value */
function write(value) {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Text items of one page, as lines. @param {{ items: Array<{ str?: string; hasEOL?: boolean }> }} content */
function pageText(content) {
  let out = '';
  for (const item of content.items) {
    if (typeof item.str === 'string') out += item.str;
    if (item.hasEOL) out += '\n';
  }
  return out;
}

const bytes = await readAll(process.stdin);
let pdf;
try {
  pdf = await getDocumentProxy(bytes, { isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
} catch (error) {
  const name = /** @type {{ name?: string }} */ (error)?.name;
  const message = error instanceof Error ? error.message : String(error);
  write({ ok: false, code: name === 'PasswordException' ? 'password' : 'invalid', error: message.slice(0, 300) });
  process.exit(0);
}

const pages = pdf.numPages;
let text = '';
let letters = 0;
let read = 0;
try {
  for (let n = 1; n <= pages && text.length < limit; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const chunk = pageText(content);
    page.cleanup?.();
    letters += (chunk.match(/[\p{L}\p{N}]/gu) ?? []).length;
    text += (text ? '\n\f\n' : '') + chunk;
    read = n;
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  write({ ok: false, code: 'invalid', error: `page ${read + 1}: ${message}`.slice(0, 300) });
  process.exit(0);
}
await pdf.cleanup?.();
write({ ok: true, pages, read, text: text.slice(0, limit + 1000), letters, complete: read === pages });
process.exit(0);
