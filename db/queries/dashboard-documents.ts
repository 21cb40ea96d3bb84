import 'server-only';
import { aliasedTable, and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { documentMatch, documentMatchOrder } from '@/db/queries/document-search';
import { documentFiles, documentRevisions, documents, documentTerms, users, type DocumentSnapshot } from '@/db/schema';
import { assertCan, can, type Role } from '@/lib/auth/permissions';
import type { DocumentTermKind } from '@/lib/document-form';

type Viewer = { id: string; role: Role };

export const DASHBOARD_DOCUMENTS_PAGE_SIZE = 25;

/** Reporters see their own documents (drafts included) and the published ones; editors and admins all. */
function visibleTo(viewer: Viewer): SQL | undefined {
  return can(viewer.role, 'documents:write-any') ? undefined : or(eq(documents.createdBy, viewer.id), eq(documents.status, 'published'));
}

const typeTerm = aliasedTable(documentTerms, 'type_term');
const issuerTerm = aliasedTable(documentTerms, 'issuer_term');

export type FileTextCounts = { files: number; pending: number; failed: number; noText: number };

/** `/dashboard/van-ban`: the search (documentMatch, drafts included) or newest first, paged. */
export async function listDashboardDocuments(viewer: Viewer, q: string, page: number) {
  assertCan(viewer, 'documents:write-own');
  const match = q ? documentMatch(q) : null;
  const where = and(visibleTo(viewer), match ?? undefined);
  // `nulls last`, as documents_updated_idx is built (a plain `desc` cannot use it).
  const order = match ? documentMatchOrder(q) : [sql`${documents.updatedAt} desc nulls last`, sql`${documents.id} desc nulls last`];
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: documents.id,
        number: documents.number,
        slug: documents.slug,
        status: documents.status,
        issuedOn: documents.issuedOn,
        abstract: documents.abstract,
        typeName: typeTerm.name,
        issuerName: issuerTerm.name,
        createdBy: documents.createdBy,
        files: sql<number>`(select count(*)::int from document_files f where f.document_id = ${documents.id})`,
        pending: sql<number>`(select count(*)::int from document_files f where f.document_id = ${documents.id} and f.text_status = 'pending')`,
        failed: sql<number>`(select count(*)::int from document_files f where f.document_id = ${documents.id} and f.text_status = 'failed')`,
        noText: sql<number>`(select count(*)::int from document_files f where f.document_id = ${documents.id} and f.text_status = 'no_text')`,
      })
      .from(documents)
      .innerJoin(typeTerm, eq(typeTerm.id, documents.typeId))
      .innerJoin(issuerTerm, eq(issuerTerm.id, documents.issuerId))
      .where(where)
      .orderBy(...order)
      .limit(DASHBOARD_DOCUMENTS_PAGE_SIZE)
      .offset((page - 1) * DASHBOARD_DOCUMENTS_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(documents).where(where),
  ]);
  const total = counted?.n ?? 0;
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / DASHBOARD_DOCUMENTS_PAGE_SIZE)) };
}

export type TermOption = { id: number; name: string };

/** The three lists for the form's selects, in their order. */
export async function listDocumentTermOptions(viewer: Viewer): Promise<Record<DocumentTermKind, TermOption[]>> {
  assertCan(viewer, 'documents:write-own');
  const rows = await db
    .select({ id: documentTerms.id, name: documentTerms.name, kind: documentTerms.kind })
    .from(documentTerms)
    .orderBy(asc(documentTerms.position), asc(documentTerms.id));
  const lists: Record<DocumentTermKind, TermOption[]> = { type: [], issuer: [], field: [] };
  for (const row of rows) lists[row.kind].push({ id: row.id, name: row.name });
  return lists;
}

/** `/dashboard/van-ban/danh-muc`: each list with how many documents use each entry. */
export async function listDocumentTermsForAdmin(viewer: Viewer) {
  assertCan(viewer, 'documents:terms');
  const rows = await db
    .select({
      id: documentTerms.id,
      kind: documentTerms.kind,
      name: documentTerms.name,
      slug: documentTerms.slug,
      used: sql<number>`(select count(*)::int from documents d where d.type_id = ${documentTerms.id} or d.issuer_id = ${documentTerms.id} or d.field_id = ${documentTerms.id})`,
    })
    .from(documentTerms)
    .orderBy(asc(documentTerms.position), asc(documentTerms.id));
  const lists: Record<DocumentTermKind, typeof rows> = { type: [], issuer: [], field: [] };
  for (const row of rows) lists[row.kind].push(row);
  return lists;
}

export type EditableDocumentFile = {
  id: number;
  originalName: string;
  mimeType: string;
  bytes: number;
  textStatus: 'pending' | 'done' | 'no_text' | 'failed' | 'not_applicable';
  textError: string;
};

export type EditableDocument = {
  id: number;
  version: number;
  slug: string;
  number: string;
  typeId: number;
  issuerId: number;
  fieldId: number | null;
  signer: string;
  issuedOn: string;
  effectiveOn: string | null;
  expiresOn: string | null;
  abstract: string;
  status: 'draft' | 'published' | 'unpublished';
  publishedAt: Date | null;
  replaces: { id: number; number: string; abstract: string } | null;
  replacedBy: { id: number; number: string }[];
  createdBy: string | null;
  updatedAt: Date;
  files: EditableDocumentFile[];
};

/** A document for the edit form; null when missing or not the viewer's to see. */
export async function getDocumentForEdit(viewer: Viewer, id: number): Promise<EditableDocument | null> {
  assertCan(viewer, 'documents:write-own');
  const [row] = await db
    .select({
      id: documents.id,
      version: documents.version,
      slug: documents.slug,
      number: documents.number,
      typeId: documents.typeId,
      issuerId: documents.issuerId,
      fieldId: documents.fieldId,
      signer: documents.signer,
      issuedOn: documents.issuedOn,
      effectiveOn: documents.effectiveOn,
      expiresOn: documents.expiresOn,
      abstract: documents.abstract,
      status: documents.status,
      publishedAt: documents.publishedAt,
      replacesId: documents.replacesId,
      createdBy: documents.createdBy,
      updatedAt: documents.updatedAt,
    })
    .from(documents)
    .where(and(eq(documents.id, id), visibleTo(viewer)));
  if (!row) return null;
  const [files, replaces, replacedBy] = await Promise.all([
    db
      .select({
        id: documentFiles.id,
        originalName: documentFiles.originalName,
        mimeType: documentFiles.mimeType,
        bytes: documentFiles.bytes,
        textStatus: documentFiles.textStatus,
        textError: documentFiles.textError,
      })
      .from(documentFiles)
      .where(eq(documentFiles.documentId, id))
      .orderBy(asc(documentFiles.position), asc(documentFiles.id)),
    row.replacesId === null
      ? Promise.resolve([])
      : db.select({ id: documents.id, number: documents.number, abstract: documents.abstract }).from(documents).where(eq(documents.id, row.replacesId)),
    db.select({ id: documents.id, number: documents.number }).from(documents).where(eq(documents.replacesId, id)).orderBy(asc(documents.id)),
  ]);
  const { replacesId: _replacesId, ...rest } = row;
  return { ...rest, replaces: replaces[0] ?? null, replacedBy, files };
}

export type DocumentRevisionRow = {
  id: number;
  version: number;
  snapshot: DocumentSnapshot;
  createdAt: Date;
  authorName: string | null;
};

/** The revisions of a document, newest first (the edit page's history). */
export async function listDocumentRevisions(viewer: Viewer, documentId: number, limit = 50): Promise<DocumentRevisionRow[]> {
  assertCan(viewer, 'documents:write-own');
  return db
    .select({
      id: documentRevisions.id,
      version: documentRevisions.version,
      snapshot: documentRevisions.snapshot,
      createdAt: documentRevisions.createdAt,
      authorName: users.name,
    })
    .from(documentRevisions)
    .leftJoin(users, eq(users.id, documentRevisions.createdBy))
    .where(eq(documentRevisions.documentId, documentId))
    .orderBy(desc(documentRevisions.version))
    .limit(limit);
}

export type DocumentRevisionDetail = DocumentRevisionRow & {
  /** The names of the files it listed that this document can attach again, by id. */
  fileNames: Map<number, string>;
  replacesNumber: string | null;
};

/** One revision of a document the viewer may see, with what its ids name; null when not. */
export async function getDocumentRevision(viewer: Viewer, documentId: number, revisionId: number): Promise<DocumentRevisionDetail | null> {
  assertCan(viewer, 'documents:write-own');
  const [row] = await db
    .select({
      id: documentRevisions.id,
      version: documentRevisions.version,
      snapshot: documentRevisions.snapshot,
      createdAt: documentRevisions.createdAt,
      authorName: users.name,
    })
    .from(documentRevisions)
    .innerJoin(documents, eq(documents.id, documentRevisions.documentId))
    .leftJoin(users, eq(users.id, documentRevisions.createdBy))
    .where(and(eq(documentRevisions.id, revisionId), eq(documentRevisions.documentId, documentId), visibleTo(viewer)));
  if (!row) return null;
  const fileIds = row.snapshot.fileIds;
  const [files, replaces] = await Promise.all([
    fileIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: documentFiles.id, name: documentFiles.originalName })
          .from(documentFiles)
          .where(
            and(
              inArray(documentFiles.id, fileIds),
              or(eq(documentFiles.documentId, documentId), and(isNull(documentFiles.documentId), eq(documentFiles.formerDocumentId, documentId))),
            ),
          ),
    row.snapshot.replacesId === null
      ? Promise.resolve([])
      : db.select({ number: documents.number }).from(documents).where(eq(documents.id, row.snapshot.replacesId)),
  ]);
  return { ...row, fileNames: new Map(files.map((f) => [f.id, f.name])), replacesNumber: replaces[0]?.number ?? null };
}
