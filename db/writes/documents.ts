import 'server-only';
import { and, eq, inArray, isNull, ne, notInArray, or, sql } from 'drizzle-orm';
import { db } from '@/db';
import { articleDocuments, articles, documentFiles, documentRevisions, documents, documentTerms, type DocumentSnapshot } from '@/db/schema';
import { recordAudit } from '@/db/writes/audit';
import { refreshFilesText } from '@/db/writes/document-text';
import { can, type Role } from '@/lib/auth/permissions';
import type { DocumentField, DocumentIntent } from '@/lib/document-form';
import { MAX_FILES_PER_DOCUMENT, numberKey } from '@/lib/documents';
import { slugify } from '@/lib/vietnamese';

export type DocumentInput = {
  id: number | null;
  /** The version the form was loaded at; a save over a newer one is refused. */
  version: number | null;
  number: string;
  typeId: number;
  issuerId: number;
  fieldId: number | null;
  signer: string;
  issuedOn: string;
  effectiveOn: string | null;
  expiresOn: string | null;
  abstract: string;
  /** `Tệp đính kèm`, in the order shown. */
  fileIds: number[];
  replacesId: number | null;
};

export type DocumentEditor = { id: string; email: string; role: Role };

export class DocumentError extends Error {
  constructor(
    message: string,
    readonly field?: DocumentField,
    /** The document already holding this number from this issuer (a link beside `Số/Ký hiệu`). */
    readonly duplicate?: { id: number; number: string },
  ) {
    super(message);
  }
}

/** Someone saved in between: the form's version is behind the database's. */
export class DocumentConflict extends Error {
  constructor(readonly currentVersion: number) {
    super('conflict');
  }
}

export const DOCUMENT_REFUSALS = {
  forbidden: 'Bạn không có quyền thực hiện thao tác này.',
  notOwnDraft: 'Bạn chỉ sửa được bản nháp văn bản do chính mình tạo.',
  notFound: 'Không tìm thấy văn bản.',
  revisionNotFound: 'Không tìm thấy phiên bản này của văn bản.',
  publishedNeedsButton: 'Văn bản đang công khai: bấm “Xuất bản” để lưu thay đổi, hoặc “Gỡ” để gỡ văn bản xuống.',
  notPublished: 'Văn bản chưa được xuất bản nên không có gì để gỡ.',
  duplicate: 'Cơ quan này đã có văn bản cùng số/ký hiệu.',
  badType: 'Loại văn bản không còn trong danh mục.',
  badIssuer: 'Cơ quan ban hành không còn trong danh mục.',
  badField: 'Lĩnh vực không còn trong danh mục.',
  badFiles: 'Có tệp không còn tồn tại hoặc thuộc văn bản khác. Vui lòng tải lại tệp đó.',
  tooManyFiles: `Mỗi văn bản có tối đa ${MAX_FILES_PER_DOCUMENT} tệp.`,
  badReplaces: 'Văn bản được thay thế không tồn tại.',
  replacesSelf: 'Văn bản không thể thay thế chính nó.',
  replacesCycle: 'Văn bản được chọn đang (trực tiếp hoặc gián tiếp) thay thế văn bản này.',
} as const;

type Status = (typeof documents.$inferSelect)['status'];

export type SavedDocument = {
  id: number;
  slug: string;
  previousSlug: string | null;
  status: Status;
  version: number;
  /** What to refresh: articles citing it, documents it replaces (now or before) or that replace it. */
  citingArticleSlugs: string[];
  relatedDocumentSlugs: string[];
};

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/** Whether a role may press a button at all (before any row is read). */
export function mayUseDocumentIntent(role: Role, intent: DocumentIntent): boolean {
  if (!can(role, 'documents:write-own')) return false;
  return intent === 'draft' || can(role, 'documents:publish');
}

/** Whether an editor may change this document: any for editors and admins, own drafts for reporters. */
export function mayEditDocument(editor: { id: string; role: Role }, row: { status: Status; createdBy: string | null }): boolean {
  if (can(editor.role, 'documents:write-any')) return true;
  return row.status === 'draft' && row.createdBy === editor.id;
}

function uniqueViolation(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint_name: constraint } = e as { code?: string; constraint_name?: string };
    if (code === '23505') return constraint ?? '';
  }
  return null;
}

/** The document already holding this number from this issuer, other than `exceptId`. */
export async function findDuplicateNumber(executor: Pick<typeof db, 'select'>, issuerId: number, number: string, exceptId: number | null) {
  const [row] = await executor
    .select({ id: documents.id, number: documents.number })
    .from(documents)
    .where(and(eq(documents.issuerId, issuerId), eq(documents.numberKey, numberKey(number)), exceptId === null ? undefined : ne(documents.id, exceptId)))
    .limit(1);
  return row ?? null;
}

/**
 * Saves a document with the button pressed, in one transaction: the row (locked, version
 * checked), its files attached in order (and `files_text` rebuilt), a revision and an audit
 * line. A second document with the same number from the same issuer is refused, however the two
 * saves interleave (the unique index decides the race; its violation becomes the same refusal).
 */
export async function saveDocument(
  input: DocumentInput,
  intent: DocumentIntent,
  editor: DocumentEditor,
  ip: string,
  options: SaveOptions = {},
): Promise<SavedDocument> {
  if (!mayUseDocumentIntent(editor.role, intent)) throw new DocumentError(DOCUMENT_REFUSALS.forbidden);
  if (input.fileIds.length > MAX_FILES_PER_DOCUMENT) throw new DocumentError(DOCUMENT_REFUSALS.tooManyFiles, 'fileIds');
  for (let attempt = 1; ; attempt++) {
    try {
      return await saveInTransaction(input, intent, editor, ip, options);
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === 'documents_issuer_number_key') {
        const existing = await findDuplicateNumber(db, input.issuerId, input.number, input.id);
        throw new DocumentError(DOCUMENT_REFUSALS.duplicate, 'number', existing ?? undefined);
      }
      // Two documents taking the same free slug at the same moment: the second tries again, once.
      if (constraint === 'documents_slug_key' && attempt === 1) continue;
      throw error;
    }
  }
}

type SaveOptions = {
  /** A revision being restored: its version goes in the audit line (`document.restore`). */
  restoredFromVersion?: number;
};

async function saveInTransaction(input: DocumentInput, intent: DocumentIntent, editor: DocumentEditor, ip: string, options: SaveOptions): Promise<SavedDocument> {
  return db.transaction(async (tx) => {
    let current: { id: number; status: Status; slug: string; version: number; createdBy: string | null; publishedAt: Date | null; replacesId: number | null } | null =
      null;
    if (input.id !== null) {
      const [row] = await tx
        .select({
          id: documents.id,
          status: documents.status,
          slug: documents.slug,
          version: documents.version,
          createdBy: documents.createdBy,
          publishedAt: documents.publishedAt,
          replacesId: documents.replacesId,
        })
        .from(documents)
        .where(eq(documents.id, input.id))
        .for('update');
      if (!row) throw new DocumentError(DOCUMENT_REFUSALS.notFound);
      // Before the version check: a stranger learns nothing about newer versions.
      if (!mayEditDocument(editor, row)) throw new DocumentError(DOCUMENT_REFUSALS.notOwnDraft);
      if (input.version !== row.version) throw new DocumentConflict(row.version);
      current = row;
    }

    // The step. A live document changes only with Xuất bản (stays live) or Gỡ.
    let status: Status;
    if (intent === 'publish') status = 'published';
    else if (intent === 'unpublish') {
      if (current?.status !== 'published') throw new DocumentError(DOCUMENT_REFUSALS.notPublished);
      status = 'unpublished';
    } else {
      if (current?.status === 'published') throw new DocumentError(DOCUMENT_REFUSALS.publishedNeedsButton);
      status = current?.status ?? 'draft';
    }
    const publishedAt = status === 'published' ? (current?.publishedAt ?? new Date()) : (current?.publishedAt ?? null);

    await checkTerms(tx, input);
    const duplicate = await findDuplicateNumber(tx, input.issuerId, input.number, input.id);
    if (duplicate) throw new DocumentError(DOCUMENT_REFUSALS.duplicate, 'number', duplicate);
    if (input.replacesId !== null) await checkReplaces(tx, input.replacesId, input.id);

    // The address follows the number until the document is first published, then stays.
    const slug = current?.publishedAt ? current.slug : await freeSlug(tx, input.number, input.issuerId, input.id);
    const version = (current?.version ?? 0) + 1;
    const fields = {
      slug,
      number: input.number,
      typeId: input.typeId,
      issuerId: input.issuerId,
      fieldId: input.fieldId,
      signer: input.signer,
      issuedOn: input.issuedOn,
      effectiveOn: input.effectiveOn,
      expiresOn: input.expiresOn,
      abstract: input.abstract,
      status,
      publishedAt,
      replacesId: input.replacesId,
      updatedBy: editor.id,
      updatedAt: new Date(),
      version,
    };
    let id: number;
    if (current === null) {
      const [created] = await tx.insert(documents).values({ ...fields, createdBy: editor.id }).returning({ id: documents.id });
      if (!created) throw new Error('document insert returned nothing');
      id = created.id;
    } else {
      id = current.id;
      await tx.update(documents).set(fields).where(eq(documents.id, id));
    }

    await attachFiles(tx, id, input.fileIds, editor.id);
    await refreshFilesText(tx, id);

    const snapshot: DocumentSnapshot = {
      slug,
      number: input.number,
      typeId: input.typeId,
      issuerId: input.issuerId,
      fieldId: input.fieldId,
      signer: input.signer,
      issuedOn: input.issuedOn,
      effectiveOn: input.effectiveOn,
      expiresOn: input.expiresOn,
      abstract: input.abstract,
      status,
      replacesId: input.replacesId,
      fileIds: input.fileIds,
      publishedAt: publishedAt?.toISOString() ?? null,
    };
    await tx.insert(documentRevisions).values({ documentId: id, version, snapshot, createdBy: editor.id });

    const action =
      options.restoredFromVersion !== undefined
        ? 'document.restore'
        : current === null
          ? status === 'published'
            ? 'document.publish'
            : 'document.create'
          : status === 'published' && current.status !== 'published'
            ? 'document.publish'
            : status === 'unpublished' && current.status === 'published'
              ? 'document.unpublish'
              : 'document.update';
    const restored = options.restoredFromVersion === undefined ? {} : { fromVersion: options.restoredFromVersion, fileIds: input.fileIds };
    await recordAudit(
      {
        actor: { id: editor.id, email: editor.email },
        action,
        entityType: 'document',
        entityId: id,
        details: { number: input.number, slug, status, version, created: current === null, ...restored },
        ip,
      },
      tx,
    );

    const citing = await tx
      .select({ slug: articles.slug })
      .from(articleDocuments)
      .innerJoin(articles, eq(articles.id, articleDocuments.articleId))
      .where(eq(articleDocuments.documentId, id));
    const relatedIds = [input.replacesId, current?.replacesId].filter((v): v is number => v !== null && v !== undefined);
    const related = await tx
      .select({ slug: documents.slug })
      .from(documents)
      .where(or(eq(documents.replacesId, id), relatedIds.length > 0 ? inArray(documents.id, relatedIds) : undefined));

    return {
      id,
      slug,
      previousSlug: current && current.slug !== slug ? current.slug : null,
      status,
      version,
      citingArticleSlugs: citing.map((r) => r.slug),
      relatedDocumentSlugs: related.map((r) => r.slug),
    };
  });
}

async function checkTerms(tx: Tx, input: DocumentInput): Promise<void> {
  const ids = [input.typeId, input.issuerId, ...(input.fieldId === null ? [] : [input.fieldId])];
  const rows = await tx.select({ id: documentTerms.id, kind: documentTerms.kind }).from(documentTerms).where(inArray(documentTerms.id, ids));
  const kindOf = new Map(rows.map((r) => [r.id, r.kind]));
  if (kindOf.get(input.typeId) !== 'type') throw new DocumentError(DOCUMENT_REFUSALS.badType, 'typeId');
  if (kindOf.get(input.issuerId) !== 'issuer') throw new DocumentError(DOCUMENT_REFUSALS.badIssuer, 'issuerId');
  if (input.fieldId !== null && kindOf.get(input.fieldId) !== 'field') throw new DocumentError(DOCUMENT_REFUSALS.badField, 'fieldId');
}

/** The replaced document exists, is not this one, and does not (through its own chain) replace this one. */
async function checkReplaces(tx: Tx, replacesId: number, selfId: number | null): Promise<void> {
  if (replacesId === selfId) throw new DocumentError(DOCUMENT_REFUSALS.replacesSelf, 'replacesId');
  const [target] = await tx.select({ id: documents.id }).from(documents).where(eq(documents.id, replacesId));
  if (!target) throw new DocumentError(DOCUMENT_REFUSALS.badReplaces, 'replacesId');
  if (selfId === null) return;
  const chain = await tx.execute<{ id: number }>(sql`
    with recursive chain(id, depth) as (
      select replaces_id, 1 from documents where id = ${replacesId}
      union all
      select d.replaces_id, c.depth + 1 from documents d join chain c on d.id = c.id where c.depth < 50
    )
    select id from chain where id = ${selfId} limit 1`);
  if (chain.length > 0) throw new DocumentError(DOCUMENT_REFUSALS.replacesCycle, 'replacesId');
}

/** `slugify(number)`, on collision `-{issuer slug}`, then `-2`, `-3`… (COMMON contract). */
async function freeSlug(tx: Tx, number: string, issuerId: number, selfId: number | null): Promise<string> {
  const base = slugify(number, 100) || 'van-ban';
  const [issuer] = await tx.select({ slug: documentTerms.slug }).from(documentTerms).where(eq(documentTerms.id, issuerId));
  const withIssuer = issuer ? `${base}-${issuer.slug}` : base;
  const taken = await tx
    .select({ slug: documents.slug })
    .from(documents)
    .where(and(sql`(${documents.slug} = ${base} or ${documents.slug} like ${`${withIssuer}%`})`, selfId === null ? undefined : ne(documents.id, selfId)));
  const used = new Set(taken.map((r) => r.slug));
  if (!used.has(base)) return base;
  if (!used.has(withIssuer)) return withIssuer;
  for (let n = 2; ; n++) if (!used.has(`${withIssuer}-${n}`)) return `${withIssuer}-${n}`;
}

/**
 * Attaches the files in this order (position 0, 1…): each must be on this document already, taken
 * off it earlier (a revision lists it), or unattached and uploaded by this editor. Files of this
 * document left out are taken off: their rows stay, marked with this document, so that restoring
 * a revision can attach them again (the sweep of unattached uploads leaves them).
 */
async function attachFiles(tx: Tx, documentId: number, fileIds: number[], editorId: string): Promise<void> {
  if (fileIds.length > 0) {
    const rows = await tx
      .select({ id: documentFiles.id })
      .from(documentFiles)
      .where(
        and(
          inArray(documentFiles.id, fileIds),
          or(
            eq(documentFiles.documentId, documentId),
            and(isNull(documentFiles.documentId), eq(documentFiles.formerDocumentId, documentId)),
            and(isNull(documentFiles.documentId), isNull(documentFiles.formerDocumentId), eq(documentFiles.uploadedBy, editorId)),
          ),
        ),
      )
      .for('update');
    if (rows.length !== fileIds.length) throw new DocumentError(DOCUMENT_REFUSALS.badFiles, 'fileIds');
  }
  await tx
    .update(documentFiles)
    .set({ documentId: null, formerDocumentId: documentId })
    .where(and(eq(documentFiles.documentId, documentId), fileIds.length > 0 ? notInArray(documentFiles.id, fileIds) : undefined));
  for (const [position, fileId] of fileIds.entries()) {
    await tx.update(documentFiles).set({ documentId, formerDocumentId: null, position }).where(eq(documentFiles.id, fileId));
  }
}

export type RestoredDocument = SavedDocument & {
  fromVersion: number;
  /** Files the revision listed that cannot be attached again (taken by another document since). */
  filesLeftOut: number;
};

/**
 * Restores a revision: its fields (and its files, those still this document's to take) are saved
 * as a new revision; the status stays as it is (a live document stays live, which takes an
 * editor's `Xuất bản` right). Every check of a save applies: the version the page was loaded at,
 * the number's uniqueness, the lists, the replaced document (dropped if it no longer exists).
 */
export async function restoreDocumentRevision(
  target: { documentId: number; revisionId: number; version: number },
  editor: DocumentEditor,
  ip: string,
): Promise<RestoredDocument> {
  if (!can(editor.role, 'documents:write-own')) throw new DocumentError(DOCUMENT_REFUSALS.forbidden);
  const [revision] = await db
    .select({ version: documentRevisions.version, snapshot: documentRevisions.snapshot, status: documents.status })
    .from(documentRevisions)
    .innerJoin(documents, eq(documents.id, documentRevisions.documentId))
    .where(and(eq(documentRevisions.id, target.revisionId), eq(documentRevisions.documentId, target.documentId)));
  if (!revision) throw new DocumentError(DOCUMENT_REFUSALS.revisionNotFound);
  const { snapshot } = revision;
  const listed = snapshot.fileIds.slice(0, MAX_FILES_PER_DOCUMENT);
  const available =
    listed.length === 0
      ? []
      : await db
          .select({ id: documentFiles.id })
          .from(documentFiles)
          .where(
            and(
              inArray(documentFiles.id, listed),
              or(eq(documentFiles.documentId, target.documentId), and(isNull(documentFiles.documentId), eq(documentFiles.formerDocumentId, target.documentId))),
            ),
          );
  const keep = new Set(available.map((f) => f.id));
  const fileIds = listed.filter((id) => keep.has(id));
  let replacesId = snapshot.replacesId;
  if (replacesId !== null) {
    const [exists] = await db.select({ id: documents.id }).from(documents).where(eq(documents.id, replacesId));
    if (!exists) replacesId = null;
  }
  const saved = await saveDocument(
    {
      id: target.documentId,
      version: target.version,
      number: snapshot.number,
      typeId: snapshot.typeId,
      issuerId: snapshot.issuerId,
      fieldId: snapshot.fieldId,
      signer: snapshot.signer,
      issuedOn: snapshot.issuedOn,
      effectiveOn: snapshot.effectiveOn,
      expiresOn: snapshot.expiresOn,
      abstract: snapshot.abstract,
      fileIds,
      replacesId,
    },
    // The status read here may be stale; the version check in the save refuses that case.
    revision.status === 'published' ? 'publish' : 'draft',
    editor,
    ip,
    { restoredFromVersion: revision.version },
  );
  return { ...saved, fromVersion: revision.version, filesLeftOut: snapshot.fileIds.length - fileIds.length };
}
