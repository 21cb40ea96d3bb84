import { listSitemapArticles } from '@/db/queries/articles';
import { listSections } from '@/db/queries/sections';
import { buildSitemap } from '@/lib/feeds';
import { siteUrl } from '@/lib/site';
import { xmlResponse } from '@/lib/xml-response';

export const revalidate = 300;

// A sitemap holds at most 50,000 URLs; the newest articles fill it.
const MAX_ARTICLES = 45_000;

export async function GET(): Promise<Response> {
  const [sections, articles] = await Promise.all([listSections(), listSitemapArticles(MAX_ARTICLES)]);
  const xml = await buildSitemap(siteUrl(), [
    { url: '/', lastmod: articles[0]?.publishedAt },
    ...sections.map((s) => ({ url: `/chuyen-muc/${s.slug}` })),
    ...articles.map((a) => ({ url: `/bai-viet/${a.slug}`, lastmod: a.updatedAt > a.publishedAt ? a.updatedAt : a.publishedAt })),
  ]);
  return xmlResponse(xml);
}
