import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '@/db';
import { sections } from '@/db/schema';

export type SectionLink = { id: number; slug: string; name: string };

/** Sections in the newsroom's chosen order, for navigation and the home page blocks. */
export const listSections = cache(async (): Promise<SectionLink[]> => {
  return db
    .select({ id: sections.id, slug: sections.slug, name: sections.name })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name));
});

export const getSectionBySlug = cache(async (slug: string) => {
  const [row] = await db
    .select({ id: sections.id, slug: sections.slug, name: sections.name, description: sections.description })
    .from(sections)
    .where(eq(sections.slug, slug))
    .limit(1);
  return row ?? null;
});
