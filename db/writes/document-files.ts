import 'server-only';
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
 * Records a file that is already in storage (lib/storage first, the row last: a row never names
 * an object that is not there), not yet attached to any document: the form's save attaches it.
 * A PDF waits for the text job (`pending`); other types have no text to extract.
 */
export async function recordUploadedFile(file: UploadedFile, actor: AuditActor & { id: string }, ip: string): Promise<{ id: number }> {
  return db.transaction(async (tx) => {
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
