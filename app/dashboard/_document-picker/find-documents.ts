'use server';

import { z } from 'zod';
import { findDocumentsForPicker, type PickerDocument } from '@/db/queries/document-picker';
import { MAX_DOCUMENT_QUERY } from '@/db/queries/document-search';
import { NOT_ALLOWED, NOT_SIGNED_IN } from '@/lib/auth/action';
import { can } from '@/lib/auth/permissions';
import { getCurrentUser, sessionLostToOutage } from '@/lib/auth/session';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '@/lib/db-errors';
import { noteActionEntered } from '@/lib/request-note';
import { PG_INTEGER_MAX } from '@/lib/validation';

// Not a form action (it returns suggestions, not a form state), so not `authorizedAction`;
// it makes the same three checks in the same order: session, permission, zod. Named
// find-documents.ts, not actions.ts: the dashboard's role matrix (actions-matrix.test.ts)
// expects every allowed call to write, and this one only reads; its own test covers the roles.

/** How many chosen documents the client may ask to leave out (more than any form holds). */
const MAX_EXCLUDED = 100;

const PickerQuerySchema = z.object({
  query: z.string().max(MAX_DOCUMENT_QUERY, `Từ khóa tối đa ${MAX_DOCUMENT_QUERY} ký tự.`),
  exclude: z.array(z.number().int().min(1).max(PG_INTEGER_MAX)).max(MAX_EXCLUDED).default([]),
});

export type FindDocumentsResult = { ok: true; results: PickerDocument[] } | { ok: false; message: string };

/** Up to 10 documents (any status) matching `query` by number or words, for the document picker. */
export async function findDocumentsAction(query: unknown, exclude?: unknown): Promise<FindDocumentsResult> {
  noteActionEntered();
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: (await sessionLostToOutage()) ? DATABASE_UNAVAILABLE : NOT_SIGNED_IN };
  if (!can(user.role, 'documents:write-own')) return { ok: false, message: NOT_ALLOWED };
  const parsed = PickerQuerySchema.safeParse({ query, exclude: exclude ?? [] });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Từ khóa không hợp lệ.' };
  try {
    return { ok: true, results: await findDocumentsForPicker(user, parsed.data.query, parsed.data.exclude) };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { ok: false, message: DATABASE_UNAVAILABLE };
    throw error;
  }
}
