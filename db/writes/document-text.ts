import 'server-only';
import { sql as raw } from 'drizzle-orm';
import type postgres from 'postgres';
import { db, sql, type Database } from '@/db';
import { STORAGE_KEY_LOCK_CLASS } from '@/db/writes/document-files';
import { extractPdfText, type ExtractOptions, type Extraction } from '@/lib/document-text/extract';
import { FILES_TEXT_LIMIT } from '@/lib/documents';
import { storage, StorageUnavailable } from '@/lib/storage';

type Executor = Pick<Database, 'execute'>;

/**
 * Rebuilds `documents.files_text` (what search reads through `search_vector`) from the texts of
 * the document's files whose extraction is `done`, in file order, capped at FILES_TEXT_LIMIT.
 * Call it in the same transaction as any change to a document's files: attaching, detaching,
 * reordering, or the text job finishing one.
 */
export async function refreshFilesText(tx: Executor, documentId: number): Promise<void> {
  await tx.execute(raw`
    update documents d
       set files_text = coalesce((
             select left(string_agg(f.text_content, E'\\n' order by f.position, f.id), ${FILES_TEXT_LIMIT})
               from document_files f
              where f.document_id = d.id and f.text_status = 'done'
           ), '')
     where d.id = ${documentId}`);
}

// ---------------------------------------------------------------------------------------------
// The text job (lib/document-text/job.ts runs it; `npm run documents:index` too).
//
// A file is claimed in a short transaction: `FOR UPDATE SKIP LOCKED` over the pending ones, then
// a session-level advisory lock on its id, held on a reserved connection for as long as the
// extraction lasts, and its `text_attempts` + 1, committed at once. The row lock is gone as soon
// as the claim commits, so the dashboard saving (attaching, reordering) that very file never
// waits for an extraction; the advisory lock is what keeps every other claimer (another
// instance, the shell tool) off it, and PostgreSQL drops it by itself if this process dies. The
// result is written only while the row is still `pending` (a re-queue or a sweep in between wins).
// ---------------------------------------------------------------------------------------------

/** A file that crashes or outlasts the extractor this many times is marked `failed`. */
export const MAX_TEXT_ATTEMPTS = 3;
/** First key of the advisory locks (the second is the file id): "text job" in hex-speak. */
const LOCK_CLASS = 0x7e47_10b;
/** Pending files looked at per claim; ones locked by other claimers are passed over. */
const CLAIM_CANDIDATES = 16;

export type TextJobOutcome = {
  id: number;
  status: 'done' | 'no_text' | 'failed' | 'not_applicable' | 'pending';
  attempts: number;
  pages?: number | null;
  error?: string;
  /** The extraction was stopped (shutdown): the file is pending again, the attempt given back. */
  aborted?: boolean;
};

type Claimed = { id: number; documentId: number | null; storageKey: string; mimeType: string; bytes: number; attempts: number; lastError: string; exhausted: boolean };

/**
 * Claims one pending file for this connection, or none. A file already over the attempt limit (the
 * process died mid-extraction each time) comes back `exhausted`, its attempts unchanged, to be failed.
 */
async function claim(connection: postgres.ReservedSql, onlyId?: number): Promise<Claimed | null> {
  // A reserved connection has no begin(): the transaction is spelt out.
  await connection`begin`;
  try {
    const claimed = await claimIn(connection, onlyId);
    await connection`commit`;
    return claimed;
  } catch (error) {
    await connection`rollback`.catch(() => {});
    throw error;
  }
}

async function claimIn(tx: postgres.ReservedSql, onlyId?: number): Promise<Claimed | null> {
  // Looked at without row locks: a claimer that locked its whole candidate list would hide it
  // from every other claimer for the length of its claim.
  const candidates = await tx<{ id: number }[]>`
    select id from document_files
     where text_status = 'pending' ${onlyId === undefined ? tx`` : tx`and id = ${onlyId}`}
     order by created_at, id
     limit ${CLAIM_CANDIDATES}`;
  for (const { id } of candidates) {
    const [lock] = await tx<{ ok: boolean }[]>`select pg_try_advisory_lock(${LOCK_CLASS}, ${id}) as ok`;
    if (!lock?.ok) continue; // being extracted by another claimer
    // Still pending now that it is ours, and not being saved by the dashboard this instant.
    const [row] = await tx<{ attempts: number }[]>`
      select text_attempts as attempts from document_files where id = ${id} and text_status = 'pending' for update skip locked`;
    if (!row) {
      await tx`select pg_advisory_unlock(${LOCK_CLASS}, ${id})`;
      continue;
    }
    // Over the limit (a process died mid-extraction each time): handed back as it is, to be failed.
    const exhausted = row.attempts >= MAX_TEXT_ATTEMPTS;
    const [file] = await tx<Omit<Claimed, 'exhausted'>[]>`
      update document_files set text_attempts = text_attempts + ${exhausted ? 0 : 1}
       where id = ${id}
      returning id, document_id as "documentId", storage_key as "storageKey", mime_type as "mimeType",
                bytes::float8 as bytes, text_attempts as attempts, text_error as "lastError"`;
    return file ? { ...file, exhausted } : null;
  }
  return null;
}

/** The file's bytes from storage (null when the object is missing). */
async function readObject(key: string): Promise<Uint8Array | null> {
  const object = await storage().get(key);
  if (!object) return null;
  return new Uint8Array(await new Response(object.body).arrayBuffer());
}

/** Writes an extraction's result, and the document's files_text, in one transaction. */
async function store(file: Claimed, result: Exclude<Extraction, { kind: 'aborted' }> | { kind: 'missing' } | { kind: 'not_applicable' }): Promise<TextJobOutcome> {
  const columns = (() => {
    switch (result.kind) {
      case 'text':
        return { status: 'done' as const, text: result.text, pages: result.pages, error: '' };
      case 'no_text':
        return { status: 'no_text' as const, text: '', pages: result.pages, error: '' };
      case 'invalid':
        return { status: 'failed' as const, text: '', pages: null, error: result.error };
      case 'missing':
        return { status: 'failed' as const, text: '', pages: null, error: 'Không tìm thấy tệp trong kho lưu trữ' };
      case 'not_applicable':
        return { status: 'not_applicable' as const, text: '', pages: null, error: '' };
      case 'crashed':
        return file.attempts >= MAX_TEXT_ATTEMPTS
          ? { status: 'failed' as const, text: '', pages: null, error: `Trích chữ thất bại sau ${MAX_TEXT_ATTEMPTS} lần thử: ${result.error}` }
          : { status: 'pending' as const, text: '', pages: null, error: result.error };
    }
  })();
  await db.transaction(async (tx) => {
    const rows = (await tx.execute(raw`
      update document_files
         set text_status = ${columns.status}, text_content = ${columns.text}, pages = ${columns.pages},
             text_error = left(${columns.error}, 500),
             extracted_at = case when ${columns.status} = 'pending' then extracted_at else now() end
       where id = ${file.id} and text_status = 'pending'
      returning document_id`)) as unknown as { document_id: number | null }[];
    const documentId = rows[0]?.document_id;
    if (documentId != null) await refreshFilesText(tx, documentId);
  });
  return { id: file.id, status: columns.status, attempts: file.attempts, pages: columns.pages, error: columns.error || undefined };
}

export type ProcessOptions = { signal?: AbortSignal; extract?: ExtractOptions; onlyId?: number };

/**
 * Extracts the text of one pending file, if there is one this process may take: claim, read
 * from storage, extract in a child process, store. `null` when nothing is pending (or all of it
 * is being extracted elsewhere). A store that cannot be reached throws StorageUnavailable, the
 * attempt given back; nothing the file's bytes can do makes it throw.
 */
export async function processNextFile(options: ProcessOptions = {}): Promise<TextJobOutcome | null> {
  const connection = await sql.reserve();
  let removeListener = () => {};
  try {
    const file = await claim(connection, options.onlyId);
    if (!file) return null;
    if (file.exhausted) {
      return await store(file, { kind: 'crashed', error: file.lastError || 'the extractor never finished' });
    }
    if (file.mimeType !== 'application/pdf') return await store(file, { kind: 'not_applicable' });
    // A stop gives the attempt back at once, inside the abort itself: on SIGTERM the launcher
    // closes the pool within milliseconds when no request is in flight, and a query sent only
    // once the killed extractor has been reaped would come too late.
    let refund: Promise<void> | undefined;
    const onAbort = () => {
      refund ??= giveBack(file.id).catch(() => {});
    };
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    removeListener = () => options.signal?.removeEventListener('abort', onAbort);
    let bytes: Uint8Array | null;
    try {
      bytes = await readObject(file.storageKey);
    } catch (error) {
      if (error instanceof StorageUnavailable) await giveBack(file.id);
      throw error;
    }
    if (!bytes) return await store(file, { kind: 'missing' });
    const result = await extractPdfText(bytes, { ...options.extract, signal: options.signal });
    if (result.kind === 'aborted') {
      onAbort(); // stopped from inside (Ctrl-C reaching the extractor) rather than by the signal
      await refund;
      return { id: file.id, status: 'pending', attempts: file.attempts - 1, aborted: true };
    }
    return await store(file, result);
  } finally {
    removeListener();
    // All of this session's advisory locks (at most the one claimed), whatever failed on the way:
    // a lock left on a pooled connection would keep the file from every claimer until it closes.
    await connection`select pg_advisory_unlock_all()`.catch(() => {});
    connection.release();
  }
}

/** An attempt that was not the file's fault (shutdown, storage down) is not counted. */
async function giveBack(id: number): Promise<void> {
  await sql`update document_files set text_attempts = greatest(text_attempts - 1, 0) where id = ${id} and text_status = 'pending'`;
}

/** How many files wait for the job (the shell tool's progress total). */
export async function pendingFileCount(): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from document_files where text_status = 'pending'`;
  return row?.n ?? 0;
}

/**
 * Puts files back in the queue: every PDF (`all`), or one file by id (any type: a non-PDF
 * becomes `not_applicable` again). Their attempts start again from zero. Returns how many.
 */
export async function requeueFiles(which: { all: true } | { id: number }): Promise<number> {
  const rows =
    'id' in which
      ? await sql`update document_files set text_status = 'pending', text_attempts = 0, text_error = '' where id = ${which.id} returning id`
      : await sql`update document_files set text_status = 'pending', text_attempts = 0, text_error = ''
                   where mime_type = 'application/pdf' and text_status <> 'pending' returning id`;
  return rows.length;
}

/** Unattached uploads older than this are abandoned forms: their rows and objects go. */
export const UNATTACHED_TTL_MS = 24 * 60 * 60 * 1000;
const SWEEP_BATCH = 500;

/**
 * Deletes document_files rows that no document took within a day of their upload, and their
 * storage objects unless another row (an attached copy of the same bytes) still uses the key.
 * A file taken off a document stays (former_document_id): a revision of that document lists it.
 * Rows being extracted right now are left for the next sweep.
 */
export async function sweepUnattachedFiles(options: { olderThanMs?: number } = {}): Promise<{ rows: number; objects: number }> {
  const age = `${Math.round((options.olderThanMs ?? UNATTACHED_TTL_MS) / 1000)} seconds`;
  const deleted = await sql.begin(async (tx) => {
    const rows = await tx<{ id: number; storageKey: string }[]>`
      delete from document_files
       where id in (
         select id from document_files
          where document_id is null and former_document_id is null and created_at < now() - ${age}::interval
          order by created_at
          limit ${SWEEP_BATCH}
            for update skip locked)
         and pg_try_advisory_xact_lock(${LOCK_CLASS}, id)
      returning id, storage_key as "storageKey"`;
    return rows;
  });
  let objects = 0;
  for (const key of new Set(deleted.map((row) => row.storageKey))) {
    // Under the key's lock, as the uploader stores the same key: no upload of these bytes can
    // land between the check and the delete (db/writes/document-files.ts).
    const removed = await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${STORAGE_KEY_LOCK_CLASS}, hashtext(${key}))`;
      const [used] = await tx`select 1 from document_files where storage_key = ${key} limit 1`;
      if (used) return false;
      await storage().delete(key);
      return true;
    });
    if (removed) objects += 1;
  }
  return { rows: deleted.length, objects };
}
