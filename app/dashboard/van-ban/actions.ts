'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { DocumentConflict, DocumentError, restoreDocumentRevision, saveDocument, type RestoredDocument, type SavedDocument } from '@/db/writes/documents';
import { authorizedAction, type ActionState } from '@/lib/auth/action';
import { documentTags, invalidate } from '@/lib/cache-tags';
import { clientIp } from '@/lib/client-ip';
import { DocumentFormSchema } from '@/lib/document-form';
import { bigIdSchema, idSchema } from '@/lib/validation';

const CONFLICT =
  'Văn bản vừa được người khác lưu (phiên bản mới hơn). Nội dung bạn đang soạn vẫn còn nguyên trong biểu mẫu; hãy mở phiên bản mới trong thẻ khác, đối chiếu rồi lưu lại.';

function failure(error: unknown, documentId: number | null): ActionState {
  if (error instanceof DocumentConflict) {
    return { ok: false, message: CONFLICT, data: { conflict: String(error.currentVersion), newerUrl: `/dashboard/van-ban/${documentId}` } };
  }
  if (error instanceof DocumentError) {
    return {
      ok: false,
      message: error.field ? 'Vui lòng kiểm tra lại các trường được đánh dấu.' : error.message,
      fieldErrors: error.field ? { [error.field]: [error.message] } : undefined,
      data: error.duplicate ? { duplicateId: String(error.duplicate.id), duplicateNumber: error.duplicate.number } : undefined,
    };
  }
  throw error;
}

function refreshAfter(saved: SavedDocument): void {
  invalidate(
    ...documentTags({
      slug: saved.slug,
      previousSlug: saved.previousSlug,
      citingArticleSlugs: saved.citingArticleSlugs,
      relatedDocumentSlugs: saved.relatedDocumentSlugs,
    }),
  );
}

export const saveDocumentAction = authorizedAction('documents:write-own', DocumentFormSchema, async (input, user) => {
  let saved: SavedDocument;
  try {
    saved = await saveDocument(
      {
        id: input.id,
        version: input.version,
        number: input.number,
        typeId: input.typeId,
        issuerId: input.issuerId,
        fieldId: input.fieldId,
        signer: input.signer,
        issuedOn: input.issuedOn as string,
        effectiveOn: input.effectiveOn,
        expiresOn: input.expiresOn,
        abstract: input.abstract,
        fileIds: input.fileIds,
        replacesId: input.replacesId,
      },
      input.intent,
      { id: user.id, email: user.email, role: user.role },
      clientIp(await headers()),
    );
  } catch (error) {
    return failure(error, input.id);
  }
  refreshAfter(saved);
  redirect(`/dashboard/van-ban/${saved.id}?da-luu=${saved.status}`);
});

const RESTORE_CONFLICT = 'Văn bản vừa được người khác lưu (phiên bản mới hơn). Hãy tải lại trang, xem lại khác biệt rồi khôi phục.';

/** Restoring a revision saves its fields as a new revision; the status stays as it is. */
export const restoreDocumentRevisionAction = authorizedAction(
  'documents:write-own',
  z.object({ documentId: idSchema(), revisionId: bigIdSchema(), version: idSchema() }),
  async (input, user) => {
    let restored: RestoredDocument;
    try {
      restored = await restoreDocumentRevision(input, { id: user.id, email: user.email, role: user.role }, clientIp(await headers()));
    } catch (error) {
      if (error instanceof DocumentConflict) return { ok: false, message: RESTORE_CONFLICT };
      // A field's refusal (the number now taken, a list entry deleted…) reads whole here: the form is not on this page.
      if (error instanceof DocumentError) return { ok: false, message: error.message };
      throw error;
    }
    refreshAfter(restored);
    redirect(`/dashboard/van-ban/${restored.id}?khoi-phuc=${restored.fromVersion}${restored.filesLeftOut > 0 ? `&thieu-tep=${restored.filesLeftOut}` : ''}`);
  },
);
