import { listSitemapArticles } from '@/db/queries/articles';
import { latestCorrectionChange } from '@/db/queries/corrections';
import { listSitemapDocuments } from '@/db/queries/document-feeds';
import { listSections } from '@/db/queries/sections';
import { buildSitemap } from '@/lib/feeds';
import { DOCUMENTS_PATH, documentPath } from '@/lib/documents';
import { siteUrl } from '@/lib/site';
import { xmlResponse } from '@/lib/xml-response';

export const revalidate = 300;

// A sitemap holds at most 50,000 URLs. The newest articles take up to 45,000; published
// documents (newest first) take what is left after the fixed pages, sections and articles.
const MAX_URLS = 50_000;
const MAX_ARTICLES = 45_000;

/** An article's page changed when it was published, last saved, or last corrected. */
function latestOf(...dates: (Date | null)[]): Date | undefined {
  let latest: Date | undefined;
  for (const d of dates) if (d && (!latest || d > latest)) latest = d;
  return latest;
}

export async function GET(): Promise<Response> {
  const [sections, articles, corrected] = await Promise.all([listSections(), listSitemapArticles(MAX_ARTICLES), latestCorrectionChange()]);
  const fixed = 3; // `/`, `/van-ban` and `/dinh-chinh`
  const documents = await listSitemapDocuments(MAX_URLS - fixed - sections.length - articles.length);
  const xml = await buildSitemap(siteUrl(), [
    { url: '/', lastmod: articles[0]?.publishedAt },
    ...sections.map((s) => ({ url: `/chuyen-muc/${s.slug}` })),
    ...articles.map((a) => ({ url: `/bai-viet/${a.slug}`, lastmod: latestOf(a.publishedAt, a.updatedAt, a.correctedAt) })),
    { url: '/dinh-chinh', lastmod: corrected ?? undefined },
    { url: DOCUMENTS_PATH, lastmod: documents[0]?.updatedAt },
    ...documents.map((d) => ({ url: documentPath(d.slug), lastmod: d.updatedAt })),
  ]);
  return xmlResponse(xml);
}
