'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { createDocumentTerm, deleteDocumentTerm, DocumentTermError, moveDocumentTerm, renameDocumentTerm } from '@/db/writes/document-terms';
import { authorizedAction, type ActionState } from '@/lib/auth/action';
import { CacheTag, invalidate } from '@/lib/cache-tags';
import { clientIp } from '@/lib/client-ip';
import { DOCUMENT_TERM_KINDS } from '@/lib/document-form';
import { idSchema } from '@/lib/validation';
import { normalizeText } from '@/lib/vietnamese';

const kind = z.enum(DOCUMENT_TERM_KINDS, { error: 'Danh mục không hợp lệ.' });
const id = idSchema();
const name = z.string().transform(normalizeText).pipe(z.string().min(1, 'Vui lòng nhập tên.').max(200, 'Tên tối đa 200 ký tự.'));

function failure(error: unknown): ActionState {
  if (error instanceof DocumentTermError) {
    return { ok: false, message: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : undefined };
  }
  throw error;
}

const actorOf = (user: { id: string; email: string }) => ({ id: user.id, email: user.email });

/**
 * The lists are the registry's filters (`/van-ban`) and, by name, on every document page: a new
 * or moved entry changes the filters; a renamed one every page that shows it (the whole site's
 * pages are marked, as for taxonomy: rare writes, each page renders again only when asked for).
 */
export const createDocumentTermAction = authorizedAction('documents:terms', z.object({ kind, name }), async (input, user) => {
  try {
    await createDocumentTerm(input.kind, input.name, actorOf(user), clientIp(await headers()));
  } catch (error) {
    return failure(error);
  }
  invalidate(CacheTag.documents, CacheTag.dashboardDocuments);
  return { ok: true, message: `Đã thêm “${input.name}”.` };
});

export const renameDocumentTermAction = authorizedAction('documents:terms', z.object({ kind, id, name }), async (input, user) => {
  try {
    await renameDocumentTerm(input.kind, input.id, input.name, actorOf(user), clientIp(await headers()));
  } catch (error) {
    return failure(error);
  }
  invalidate(CacheTag.site);
  return { ok: true, message: `Đã đổi tên thành “${input.name}”.` };
});

export const moveDocumentTermAction = authorizedAction('documents:terms', z.object({ kind, id, direction: z.enum(['up', 'down']) }), async (input, user) => {
  try {
    await moveDocumentTerm(input.kind, input.id, input.direction, actorOf(user), clientIp(await headers()));
  } catch (error) {
    return failure(error);
  }
  invalidate(CacheTag.documents, CacheTag.dashboardDocuments);
  return { ok: true, message: 'Đã đổi thứ tự.' };
});

export const deleteDocumentTermAction = authorizedAction('documents:terms', z.object({ kind, id }), async (input, user) => {
  try {
    await deleteDocumentTerm(input.kind, input.id, actorOf(user), clientIp(await headers()));
  } catch (error) {
    return failure(error);
  }
  invalidate(CacheTag.documents, CacheTag.dashboardDocuments);
  return { ok: true, message: 'Đã xoá.' };
});
