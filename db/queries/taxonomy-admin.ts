import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { articles, articleTags, sections, tags } from '@/db/schema';
import { assertCan, type Role } from '@/lib/auth/permissions';

/** Sections in navigation order and tags by name, each with how many articles use it. */
export async function listTaxonomy(viewer: { role: Role }) {
  assertCan(viewer, 'taxonomy:manage');
  const [sectionRows, tagRows] = await Promise.all([
    db
      .select({ id: sections.id, name: sections.name, slug: sections.slug, description: sections.description, articles: sql<number>`count(${articles.id})::int` })
      .from(sections)
      .leftJoin(articles, eq(articles.sectionId, sections.id))
      .groupBy(sections.id)
      .orderBy(asc(sections.position), asc(sections.name), asc(sections.id)),
    db
      .select({ id: tags.id, name: tags.name, slug: tags.slug, articles: sql<number>`count(${articleTags.articleId})::int` })
      .from(tags)
      .leftJoin(articleTags, eq(articleTags.tagId, tags.id))
      .groupBy(tags.id)
      .orderBy(asc(tags.name)),
  ]);
  return { sections: sectionRows, tags: tagRows };
}
