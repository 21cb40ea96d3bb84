import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/db';
import { documentFiles } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/db/writes/audit';
import type { DocumentMimeType } from '@/lib/documents';

export type UploadedFile = {
  storageKey: string;
  originalName: string;
  mimeType: DocumentMimeType;
  bytes: number;
  sha256: string;
};

/**
 * Advisory lock class for a storage key (the key's hashtext is the second half). Files are
 * content-addressed, so two rows may share an object: the uploader holds this lock from storing
 * the object to inserting its row, and the sweep of abandoned uploads (db/writes/document-text.ts)
 * holds it from checking that no row uses a key to deleting its object. Without it an upload of
 * the same bytes landing between the sweep's check and its delete lost its object.
 */
export const STORAGE_KEY_LOCK_CLASS = 0x7e47_10c;

/**
 * Stores the object (`store`, lib/storage) and records the file (lib/storage first, the row last: a row never names
 * an object that is not there), not yet attached to any document: the form's save attaches it.
 * A PDF waits for the text job (`pending`); other types have no text to extract.
 */
export async function recordUploadedFile(
  file: UploadedFile,
  actor: AuditActor & { id: string },
  ip: string,
  store: () => Promise<void>,
): Promise<{ id: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${STORAGE_KEY_LOCK_CLASS}, hashtext(${file.storageKey}))`);
    await store();
    const [row] = await tx
      .insert(documentFiles)
      .values({
        documentId: null,
        storageKey: file.storageKey,
        originalName: file.originalName,
        mimeType: file.mimeType,
        bytes: file.bytes,
        sha256: file.sha256,
        textStatus: file.mimeType === 'application/pdf' ? 'pending' : 'not_applicable',
        uploadedBy: actor.id,
      })
      .returning({ id: documentFiles.id });
    if (!row) throw new Error('document file insert returned nothing');
    await recordAudit(
      { actor, action: 'document_file.upload', entityType: 'document_file', entityId: row.id, details: { name: file.originalName, bytes: file.bytes, sha256: file.sha256 }, ip },
      tx,
    );
    return row;
  });
}
