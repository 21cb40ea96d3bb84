// PDF text extraction outside the process that serves readers: one child process per file
// (lib/document-text/extract-worker.mjs), with a heap cap, a wall-clock timeout (SIGKILL on
// overrun) and the lowest CPU priority, so a 20 MB PDF costs the site a core at most, never
// its event loop. No database and no framework here: db/writes/document-text.ts stores the result.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FILE_TEXT_LIMIT } from '../documents';

/** Heap of the extractor (V8 old space); PDF.js keeps a 20 MB file's objects well under it. */
export const EXTRACT_MEMORY_MB = 256;
/** Wall-clock limit for one file, from spawn to answer. */
export const EXTRACT_TIMEOUT_MS = 120_000;
/** Fewer letters or digits than this per page on average: a scan, with no text layer worth indexing. */
export const MIN_LETTERS_PER_PAGE = 16;

export type Extraction =
  | { kind: 'text'; text: string; pages: number }
  | { kind: 'no_text'; pages: number }
  /** The PDF itself is unreadable (corrupt, encrypted): trying again will not help. */
  | { kind: 'invalid'; error: string }
  /** The extractor died (crash, heap cap, timeout): counted as one attempt, tried again up to the limit. */
  | { kind: 'crashed'; error: string }
  /** Stopped from outside (shutdown): not the file's fault, it stays pending. */
  | { kind: 'aborted' };

export type ExtractOptions = {
  memoryMb?: number;
  timeoutMs?: number;
  limit?: number;
  signal?: AbortSignal;
  /** Another script to run instead of the extractor (tests of the caps only). */
  workerPath?: string;
};

/**
 * Where the extractor script is on disk. Resolved from the project folder (the working directory
 * of `npm start`, `next start`, `next dev`, the shell tools and the tests), never through the
 * bundler: inside Next's server bundle `import.meta.url` and `__dirname` name the bundle's chunk.
 * `NEWSROOM_ROOT` overrides it for a server started from elsewhere.
 */
export function extractWorkerPath(root = process.env.NEWSROOM_ROOT || process.cwd()): string {
  return path.join(root, 'lib', 'document-text', 'extract-worker.mjs');
}

/**
 * Extracted text made fit to store and index: NFC, no NUL or other control characters
 * (PostgreSQL text refuses NUL), no lone surrogates, runs of blanks folded, at most `limit`
 * characters (cut at a word boundary when there is one near).
 */
export function normalizeExtractedText(raw: string, limit = FILE_TEXT_LIMIT): string {
  let text = raw
    .toWellFormed()
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F\u00AD\uFEFF]/g, '')
    .replace(/\f/g, '\n')
    .replace(/[ \t\u00A0\u2000-\u200B\u3000]+/g, ' ')
    .replace(/ *\n[\n ]*/g, '\n')
    .trim();
  if (text.length > limit) {
    text = text.slice(0, limit);
    const cut = text.search(/\s\S*$/);
    if (cut > limit - 200) text = text.slice(0, cut);
    // A cut between the two halves of a surrogate pair would leave half a character.
    text = text.toWellFormed().replace(/\uFFFD$/, '');
  }
  return text;
}

/** Whether the letters found are too few for the pages: a scanned PDF. */
export function looksScanned(letters: number, pages: number): boolean {
  return letters < Math.max(1, pages) * MIN_LETTERS_PER_PAGE;
}

type WorkerAnswer =
  | { ok: true; pages: number; read: number; text: string; letters: number; complete: boolean }
  | { ok: false; code: 'password' | 'invalid'; error: string };

/** Runs the extractor on one PDF's bytes. Never throws for anything the file can cause. */
export function extractPdfText(bytes: Uint8Array, options: ExtractOptions = {}): Promise<Extraction> {
  const memoryMb = options.memoryMb ?? EXTRACT_MEMORY_MB;
  const timeoutMs = options.timeoutMs ?? EXTRACT_TIMEOUT_MS;
  const limit = options.limit ?? FILE_TEXT_LIMIT;
  const script = options.workerPath ?? extractWorkerPath();
  if (!existsSync(script)) return Promise.resolve({ kind: 'crashed', error: `extractor not found at ${script}` });
  if (options.signal?.aborted) return Promise.resolve({ kind: 'aborted' });

  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${memoryMb}`, '--max-semi-space-size=4', script, String(limit)], {
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own environment, minus what it has no use for (the database URL, the secrets).
      env: { PATH: process.env.PATH ?? '', NODE_ENV: process.env.NODE_ENV ?? 'production' },
      windowsHide: true,
    });
    try {
      if (child.pid) os.setPriority(child.pid, 19);
    } catch {}

    let stdout = '';
    let stderr = '';
    let settled = false;
    let timedOut = false;
    let aborted = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      // The answer is at most `limit` characters plus a little JSON; anything beyond is a bug.
      if (stdout.length < limit * 6 + 65_536) stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 8_192) stderr += chunk;
    });
    // A child that died early closes its stdin: the write fails with EPIPE, the exit tells why.
    child.stdin.on('error', () => {});
    child.stdin.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    timer.unref();
    const onAbort = () => {
      aborted = true;
      child.kill('SIGKILL');
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const finish = (result: Extraction) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    child.on('error', (error) => finish({ kind: 'crashed', error: `extractor did not start: ${error.message}` }));
    child.on('close', (code, signal) => {
      if (aborted) return finish({ kind: 'aborted' });
      if (timedOut) return finish({ kind: 'crashed', error: `timed out after ${Math.round(timeoutMs / 1000)} s` });
      // Interrupted with the server (Ctrl-C reaches the whole process group): not the file's fault.
      if (signal === 'SIGTERM' || signal === 'SIGINT') return finish({ kind: 'aborted' });
      if (/heap out of memory|Allocation failed/i.test(stderr)) return finish({ kind: 'crashed', error: `out of memory (heap cap ${memoryMb} MB)` });
      if (code !== 0 || signal) {
        const last = stderr.trim().split('\n').slice(-1)[0]?.slice(0, 200) ?? '';
        return finish({ kind: 'crashed', error: `extractor exited with ${signal ?? `code ${code}`}${last ? `: ${last}` : ''}` });
      }
      let answer: WorkerAnswer;
      try {
        answer = JSON.parse(stdout.trim().split('\n').slice(-1)[0] ?? '') as WorkerAnswer;
      } catch {
        return finish({ kind: 'crashed', error: 'extractor gave no answer' });
      }
      if (!answer.ok) {
        return finish({ kind: 'invalid', error: answer.code === 'password' ? 'PDF có mật khẩu' : `PDF không đọc được: ${answer.error}` });
      }
      const text = normalizeExtractedText(answer.text, limit);
      // Stopped early at the limit: plenty of text by definition. Otherwise judge by letters per page.
      if (answer.complete && looksScanned(answer.letters, answer.pages)) return finish({ kind: 'no_text', pages: answer.pages });
      if (!text) return finish({ kind: 'no_text', pages: answer.pages });
      finish({ kind: 'text', text, pages: answer.pages });
    });
  });
}
