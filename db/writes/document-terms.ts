import 'server-only';
import { and, asc, desc, eq, gt, lt, or, sql } from 'drizzle-orm';
import { db } from '@/db';
import { documents, documentTerms } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/db/writes/audit';
import { DOCUMENT_TERM_LABELS, type DocumentTermKind } from '@/lib/document-form';
import { numberKey } from '@/lib/documents';
import { slugify } from '@/lib/vietnamese';

export class DocumentTermError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

const column = { type: documents.typeId, issuer: documents.issuerId, field: documents.fieldId } as const;

async function termOf(tx: Tx, kind: DocumentTermKind, id: number) {
  const [row] = await tx
    .select({ id: documentTerms.id, name: documentTerms.name, slug: documentTerms.slug, position: documentTerms.position })
    .from(documentTerms)
    .where(and(eq(documentTerms.id, id), eq(documentTerms.kind, kind)))
    .for('update');
  if (!row) throw new DocumentTermError('Mục này không còn trong danh mục.');
  return row;
}

async function assertNameFree(tx: Tx, kind: DocumentTermKind, name: string, exceptId: number | null): Promise<void> {
  const [taken] = await tx
    .select({ id: documentTerms.id })
    .from(documentTerms)
    // The same name up to accents, case and punctuation is the same entry (`Bến Nghé`, `Ben Nghe!`).
    .where(and(eq(documentTerms.kind, kind), sql`regexp_replace(lower(immutable_unaccent(${documentTerms.name})), '[^a-z0-9]+', '', 'g') = ${numberKey(name)}`))
    .limit(1);
  if (taken && taken.id !== exceptId) throw new DocumentTermError(`${DOCUMENT_TERM_LABELS[kind]} “${name}” đã có trong danh mục.`, 'name');
}

/**
 * Adds an entry at the end of its list. Its slug (the public filter's value, `?loai=ke-hoach`)
 * comes from the name, `-2`… on collision, and stays when the entry is renamed, so filter links
 * keep working.
 */
export async function createDocumentTerm(kind: DocumentTermKind, name: string, actor: AuditActor, ip: string): Promise<number> {
  return db.transaction(async (tx) => {
    // One list change at a time per kind: positions and names stay consistent.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`document_terms:${kind}`}))`);
    await assertNameFree(tx, kind, name, null);
    const base = slugify(name, 80) || 'muc';
    const taken = new Set(
      (await tx.select({ slug: documentTerms.slug }).from(documentTerms).where(and(eq(documentTerms.kind, kind), sql`${documentTerms.slug} like ${`${base}%`}`))).map(
        (r) => r.slug,
      ),
    );
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    const [{ next } = { next: 1 }] = await tx
      .select({ next: sql<number>`coalesce(max(${documentTerms.position}), 0)::int + 1` })
      .from(documentTerms)
      .where(eq(documentTerms.kind, kind));
    const [row] = await tx.insert(documentTerms).values({ kind, name, slug, position: next }).returning({ id: documentTerms.id });
    if (!row) throw new Error('term insert returned nothing');
    await recordAudit({ actor, action: 'document_term.create', entityType: 'document_term', entityId: row.id, details: { kind, name, slug }, ip }, tx);
    return row.id;
  });
}

export async function renameDocumentTerm(kind: DocumentTermKind, id: number, name: string, actor: AuditActor, ip: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`document_terms:${kind}`}))`);
    const term = await termOf(tx, kind, id);
    await assertNameFree(tx, kind, name, id);
    await tx.update(documentTerms).set({ name }).where(eq(documentTerms.id, id));
    await recordAudit({ actor, action: 'document_term.rename', entityType: 'document_term', entityId: id, details: { kind, from: term.name, to: name }, ip }, tx);
  });
}

/** Swaps the entry with its neighbour above or below. */
export async function moveDocumentTerm(kind: DocumentTermKind, id: number, direction: 'up' | 'down', actor: AuditActor, ip: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`document_terms:${kind}`}))`);
    const term = await termOf(tx, kind, id);
    const up = direction === 'up';
    const [neighbour] = await tx
      .select({ id: documentTerms.id, position: documentTerms.position })
      .from(documentTerms)
      .where(
        and(
          eq(documentTerms.kind, kind),
          up
            ? or(lt(documentTerms.position, term.position), and(eq(documentTerms.position, term.position), lt(documentTerms.id, id)))
            : or(gt(documentTerms.position, term.position), and(eq(documentTerms.position, term.position), gt(documentTerms.id, id))),
        ),
      )
      .orderBy(up ? desc(documentTerms.position) : asc(documentTerms.position), up ? desc(documentTerms.id) : asc(documentTerms.id))
      .limit(1);
    if (!neighbour) return;
    // Equal positions (an old list) get distinct ones, so the swap always moves something.
    const [a, b] = neighbour.position === term.position ? (up ? [term.position - 1, term.position] : [term.position + 1, term.position]) : [neighbour.position, term.position];
    await tx.update(documentTerms).set({ position: a }).where(eq(documentTerms.id, id));
    await tx.update(documentTerms).set({ position: b }).where(eq(documentTerms.id, neighbour.id));
    await recordAudit({ actor, action: 'document_term.move', entityType: 'document_term', entityId: id, details: { kind, name: term.name, direction }, ip }, tx);
  });
}

/** Deletes an entry no document uses; one that is used is refused with how many use it. */
export async function deleteDocumentTerm(kind: DocumentTermKind, id: number, actor: AuditActor, ip: string): Promise<void> {
  await deleteInTransaction(kind, id, actor, ip).catch((error: unknown) => {
    // A document saved with this entry between the count and the delete: the foreign key decides.
    if ((error as { code?: string })?.code === '23503' || (error as { cause?: { code?: string } })?.cause?.code === '23503') {
      throw new DocumentTermError('Không xoá được: vừa có văn bản dùng mục này.');
    }
    throw error;
  });
}

async function deleteInTransaction(kind: DocumentTermKind, id: number, actor: AuditActor, ip: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`document_terms:${kind}`}))`);
    const term = await termOf(tx, kind, id);
    const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(documents).where(eq(column[kind], id));
    if (n > 0) {
      throw new DocumentTermError(
        `Không xoá được “${term.name}”: ${n.toLocaleString('vi-VN')} văn bản đang dùng mục này. Hãy chuyển các văn bản đó sang mục khác trước, hoặc đổi tên mục.`,
      );
    }
    await tx.delete(documentTerms).where(eq(documentTerms.id, id));
    await recordAudit({ actor, action: 'document_term.delete', entityType: 'document_term', entityId: id, details: { kind, name: term.name, slug: term.slug }, ip }, tx);
  });
}
