import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { articles, articleTags, sections, tags, taxonomySlugHistory } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/db/writes/audit';

export type TaxonomyKind = 'section' | 'tag';

export class TaxonomyError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const table = (kind: TaxonomyKind) => (kind === 'section' ? sections : tags);
const LABEL = { section: 'Chuyên mục', tag: 'Thẻ' } as const;

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

async function assertSlugFree(tx: Tx, kind: TaxonomyKind, slug: string, exceptId: number | null): Promise<void> {
  const t = table(kind);
  const [taken] = await tx.select({ id: t.id }).from(t).where(eq(t.slug, slug)).limit(1);
  const [former] = await tx
    .select({ id: taxonomySlugHistory.targetId })
    .from(taxonomySlugHistory)
    .where(and(eq(taxonomySlugHistory.kind, kind), eq(taxonomySlugHistory.slug, slug)))
    .limit(1);
  if ((taken && taken.id !== exceptId) || (former && former.id !== exceptId)) {
    throw new TaxonomyError('Đường dẫn này đã được dùng.', 'slug');
  }
}

export async function createTaxonomy(kind: TaxonomyKind, input: { name: string; slug: string; description?: string }, actor: AuditActor, ip: string): Promise<number> {
  return db.transaction(async (tx) => {
    await assertSlugFree(tx, kind, input.slug, null);
    let id: number;
    if (kind === 'section') {
      const [{ next } = { next: 0 }] = await tx.select({ next: sql<number>`coalesce(max(${sections.position}), -1)::int + 1` }).from(sections);
      const [row] = await tx
        .insert(sections)
        .values({ name: input.name, slug: input.slug, description: input.description ?? '', position: next })
        .returning({ id: sections.id });
      id = row!.id;
    } else {
      const [row] = await tx.insert(tags).values({ name: input.name, slug: input.slug }).returning({ id: tags.id });
      id = row!.id;
    }
    await recordAudit({ actor, action: `${kind}.create`, entityType: kind, entityId: id, details: { name: input.name, slug: input.slug }, ip }, tx);
    return id;
  });
}

/** Renames; a changed slug keeps the old one so its address answers 301. Returns the slugs involved. */
export async function renameTaxonomy(
  kind: TaxonomyKind,
  id: number,
  input: { name: string; slug: string; description?: string },
  actor: AuditActor,
  ip: string,
): Promise<{ oldSlug: string; newSlug: string }> {
  return db.transaction(async (tx) => {
    const t = table(kind);
    const [current] = await tx.select({ slug: t.slug, name: t.name }).from(t).where(eq(t.id, id)).for('update');
    if (!current) throw new TaxonomyError(`${LABEL[kind]} không tồn tại.`);
    await assertSlugFree(tx, kind, input.slug, id);
    if (kind === 'section') {
      await tx
        .update(sections)
        .set({ name: input.name, slug: input.slug, description: input.description ?? '', updatedAt: new Date() })
        .where(eq(sections.id, id));
    } else {
      await tx.update(tags).set({ name: input.name, slug: input.slug }).where(eq(tags.id, id));
    }
    if (current.slug !== input.slug) {
      await tx
        .insert(taxonomySlugHistory)
        .values({ kind, slug: current.slug, targetId: id })
        .onConflictDoUpdate({ target: [taxonomySlugHistory.kind, taxonomySlugHistory.slug], set: { targetId: id, createdAt: new Date() } });
      await tx.delete(taxonomySlugHistory).where(and(eq(taxonomySlugHistory.kind, kind), eq(taxonomySlugHistory.slug, input.slug)));
    }
    await recordAudit(
      { actor, action: `${kind}.rename`, entityType: kind, entityId: id, details: { from: current, to: { name: input.name, slug: input.slug } }, ip },
      tx,
    );
    return { oldSlug: current.slug, newSlug: input.slug };
  });
}

/** Moves a section one place up or down in the navigation order. */
export async function moveSection(id: number, direction: 'up' | 'down', actor: AuditActor, ip: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table sections in share row exclusive mode`);
    const ordered = await tx.select({ id: sections.id }).from(sections).orderBy(asc(sections.position), asc(sections.name), asc(sections.id));
    const index = ordered.findIndex((s) => s.id === id);
    if (index < 0) throw new TaxonomyError('Chuyên mục không tồn tại.');
    const swapWith = direction === 'up' ? index - 1 : index + 1;
    if (swapWith < 0 || swapWith >= ordered.length) return;
    const next = [...ordered];
    [next[index], next[swapWith]] = [next[swapWith]!, next[index]!];
    for (const [position, section] of next.entries()) {
      await tx.update(sections).set({ position }).where(eq(sections.id, section.id));
    }
    await recordAudit({ actor, action: 'section.reorder', entityType: 'section', entityId: id, details: { direction }, ip }, tx);
  });
}

/** Deletes a section or tag that no article uses. */
export async function deleteTaxonomy(kind: TaxonomyKind, id: number, actor: AuditActor, ip: string): Promise<string> {
  return db.transaction(async (tx) => {
    const t = table(kind);
    const [current] = await tx.select({ slug: t.slug, name: t.name }).from(t).where(eq(t.id, id)).for('update');
    if (!current) throw new TaxonomyError(`${LABEL[kind]} không tồn tại.`);
    const [used] =
      kind === 'section'
        ? await tx.select({ n: sql<number>`count(*)::int` }).from(articles).where(eq(articles.sectionId, id))
        : await tx.select({ n: sql<number>`count(*)::int` }).from(articleTags).where(eq(articleTags.tagId, id));
    if ((used?.n ?? 0) > 0) throw new TaxonomyError(`${LABEL[kind]} “${current.name}” còn ${used?.n} bài viết; chỉ xóa được khi trống.`);
    await tx.delete(taxonomySlugHistory).where(and(eq(taxonomySlugHistory.kind, kind), eq(taxonomySlugHistory.targetId, id)));
    await tx.delete(t).where(eq(t.id, id));
    await recordAudit({ actor, action: `${kind}.delete`, entityType: kind, entityId: id, details: current, ip }, tx);
    return current.slug;
  });
}
