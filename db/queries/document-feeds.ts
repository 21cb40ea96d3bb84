import 'server-only';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db';
import { documents, documentTerms } from '@/db/schema';

const isLive = () => and(eq(documents.status, 'published'), isNotNull(documents.publishedAt));

/** Slugs and modification times of published documents for the sitemap, newest published first. */
export async function listSitemapDocuments(limit: number) {
  if (limit <= 0) return [];
  return db
    .select({ slug: documents.slug, updatedAt: documents.updatedAt })
    .from(documents)
    .where(isLive())
    .orderBy(desc(documents.publishedAt), desc(documents.id))
    .limit(limit);
}

const issuer = alias(documentTerms, 'issuer');
const type = alias(documentTerms, 'type');

/** The newest published documents for `/van-ban/rss.xml`, with what an RSS item needs. */
export async function listFeedDocuments(limit = 30) {
  const rows = await db
    .select({
      slug: documents.slug,
      number: documents.number,
      abstract: documents.abstract,
      issuedOn: documents.issuedOn,
      publishedAt: documents.publishedAt,
      typeName: type.name,
      issuerName: issuer.name,
    })
    .from(documents)
    .innerJoin(type, eq(type.id, documents.typeId))
    .innerJoin(issuer, eq(issuer.id, documents.issuerId))
    .where(isLive())
    .orderBy(desc(documents.publishedAt), desc(documents.id))
    .limit(limit);
  // isLive() filters nulls out; the type cannot know it.
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt ?? new Date(0) }));
}
