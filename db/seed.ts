// One-time demo content for a fresh database. Runs in the launcher under the migration lock.
import { randomBytes } from 'node:crypto';
import { eq, sql as dsql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import { hashPassword } from '../lib/password';
import { slugify } from '../lib/vietnamese';
import * as schema from './schema';
import { seedArticles, seedAuthors, seedSections } from '../seed/seed-data';

export const DEMO_EDITOR_EMAIL = 'bientap@demo.newsroom.local';
const SEEDED_KEY = 'demo_seeded_at';

export type SeedResult = { seeded: false } | { seeded: true; articles: number; editorEmail: string; editorPassword: string };

/**
 * Seeds sections, authors, tags, articles (with a first revision each), a few days of views
 * and one demo editor, once. A database that already has articles is never touched.
 */
export async function seedDemoContent(client: postgres.Sql, now = new Date()): Promise<SeedResult> {
  const db = drizzle(client, { schema });
  const marker = await db.select().from(schema.appMeta).where(eq(schema.appMeta.key, SEEDED_KEY));
  if (marker.length > 0) return { seeded: false };
  const [existing] = await db.select({ n: dsql<number>`count(*)::int` }).from(schema.articles);
  if ((existing?.n ?? 0) > 0) return { seeded: false };

  // A random password, printed once by the caller; no account ever has a known password.
  const editorPassword = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(editorPassword);

  const count = await db.transaction(async (tx) => {
    const [editor] = await tx
      .insert(schema.users)
      .values({ email: DEMO_EDITOR_EMAIL, name: 'Biên tập viên (demo)', role: 'editor', passwordHash })
      .returning({ id: schema.users.id });

    const sectionRows = await tx
      .insert(schema.sections)
      .values(seedSections.map((s, position) => ({ ...s, position })))
      .returning({ id: schema.sections.id, slug: schema.sections.slug });
    const sectionId = new Map(sectionRows.map((r) => [r.slug, r.id]));

    const authorRows = await tx
      .insert(schema.authors)
      .values(seedAuthors)
      .returning({ id: schema.authors.id, slug: schema.authors.slug });
    const authorId = new Map(authorRows.map((r) => [r.slug, r.id]));

    const tagNames = [...new Set(seedArticles.flatMap((a) => a.tags))];
    const tagRows = await tx
      .insert(schema.tags)
      .values(tagNames.map((name) => ({ name, slug: slugify(name) })))
      .returning({ id: schema.tags.id, name: schema.tags.name });
    const tagId = new Map(tagRows.map((r) => [r.name, r.id]));

    for (const [index, a] of seedArticles.entries()) {
      const publishedAt = new Date(now.getTime() - a.hoursAgo * 3_600_000);
      const tagIds = a.tags.map((t) => tagId.get(t)).filter((id): id is number => id !== undefined);
      const [article] = await tx
        .insert(schema.articles)
        .values({
          slug: a.slug,
          title: a.title,
          lead: a.lead,
          bodyHtml: a.bodyHtml,
          status: 'published',
          publishedAt,
          sectionId: sectionId.get(a.section) ?? null,
          authorId: authorId.get(a.author) ?? null,
          createdBy: editor?.id ?? null,
          updatedBy: editor?.id ?? null,
          createdAt: publishedAt,
          updatedAt: publishedAt,
        })
        .returning({ id: schema.articles.id });
      if (!article) continue;
      if (tagIds.length > 0) {
        await tx.insert(schema.articleTags).values(tagIds.map((id) => ({ articleId: article.id, tagId: id })));
      }
      await tx.insert(schema.articleRevisions).values({
        articleId: article.id,
        version: 1,
        title: a.title,
        lead: a.lead,
        bodyHtml: a.bodyHtml,
        meta: {
          slug: a.slug,
          status: 'published',
          sectionId: sectionId.get(a.section) ?? null,
          authorId: authorId.get(a.author) ?? null,
          tagIds,
          coverMediaId: null,
          coverAlt: '',
          publishedAt: publishedAt.toISOString(),
        },
        createdBy: editor?.id ?? null,
        createdAt: publishedAt,
      });
      // A plausible spread of readership, so "most read" has something to rank.
      const views = 40 + ((index * 137) % 900);
      await tx.insert(schema.articleViewTotals).values({ articleId: article.id, views });
      const days = Array.from({ length: 7 }, (_, d) => ({
        articleId: article.id,
        day: new Date(now.getTime() - d * 86_400_000).toISOString().slice(0, 10),
        views: Math.max(1, Math.round(views / (d + 2))),
      }));
      await tx.insert(schema.articleViewDays).values(days).onConflictDoNothing();
    }

    await tx.insert(schema.appMeta).values({ key: SEEDED_KEY, value: now.toISOString() });
    return seedArticles.length;
  });

  return { seeded: true, articles: count, editorEmail: DEMO_EDITOR_EMAIL, editorPassword };
}
