import 'server-only';
import { and, notInArray } from 'drizzle-orm';
import { db } from '@/db';
import { documents } from '@/db/schema';
import { documentMatch, documentMatchOrder } from '@/db/queries/document-search';
import { assertCan, type Role } from '@/lib/auth/permissions';

type Viewer = { id: string; role: Role };

/** At most this many suggestions per query: a list to choose from, not a registry. */
export const PICKER_RESULT_LIMIT = 10;

export type PickerDocument = {
  id: number;
  number: string;
  abstract: string;
  /** `YYYY-MM-DD`. */
  issuedOn: string;
  status: 'draft' | 'published' | 'unpublished';
};

/**
 * Documents for the dashboard's document picker (`Văn bản liên quan`, `Thay thế văn bản`):
 * any status, since staff may cite a draft that will be published later (the article page
 * shows only published ones). The one matching rule of the registry (documentMatch);
 * `exclude` drops the ones already chosen so the ten places go to new candidates.
 */
export async function findDocumentsForPicker(viewer: Viewer, query: string, exclude: number[] = []): Promise<PickerDocument[]> {
  assertCan(viewer, 'documents:write-own');
  const match = documentMatch(query);
  if (!match) return [];
  return db
    .select({ id: documents.id, number: documents.number, abstract: documents.abstract, issuedOn: documents.issuedOn, status: documents.status })
    .from(documents)
    .where(and(match, exclude.length > 0 ? notInArray(documents.id, exclude) : undefined))
    .orderBy(...documentMatchOrder(query))
    .limit(PICKER_RESULT_LIMIT);
}
