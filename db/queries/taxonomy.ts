import 'server-only';
import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '@/db';
import { authors, tags } from '@/db/schema';

export const getTagBySlug = cache(async (slug: string) => {
  const [row] = await db.select({ id: tags.id, slug: tags.slug, name: tags.name }).from(tags).where(eq(tags.slug, slug)).limit(1);
  return row ?? null;
});

export const getAuthorBySlug = cache(async (slug: string) => {
  const [row] = await db
    .select({ id: authors.id, slug: authors.slug, name: authors.name, bio: authors.bio })
    .from(authors)
    .where(eq(authors.slug, slug))
    .limit(1);
  return row ?? null;
});
