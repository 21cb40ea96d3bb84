import { listSitemapArticles } from '@/db/queries/articles';
import { buildNewsSitemap } from '@/lib/feeds';
import { siteUrl } from '@/lib/site';
import { xmlResponse } from '@/lib/xml-response';

export const revalidate = 300;

/** Google News: articles published in the last two days (at most 1,000). */
export async function GET(): Promise<Response> {
  const since = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
  const articles = await listSitemapArticles(1_000, since);
  const xml = await buildNewsSitemap(
    siteUrl(),
    articles.map((a) => ({ url: `/bai-viet/${a.slug}`, title: a.title, publishedAt: a.publishedAt })),
  );
  return xmlResponse(xml);
}
