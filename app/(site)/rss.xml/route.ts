import { listFeedArticles } from '@/db/queries/articles';
import { buildRss } from '@/lib/feeds';
import { site, siteUrl } from '@/lib/site';
import { xmlResponse } from '@/lib/xml-response';

export const revalidate = 300;

export async function GET(): Promise<Response> {
  const base = siteUrl();
  const articles = await listFeedArticles(null, 30);
  const xml = buildRss({
    title: site.name,
    description: site.description,
    link: `${base}/`,
    feedUrl: `${base}/rss.xml`,
    items: articles.map((a) => ({ ...a, url: `${base}/bai-viet/${a.slug}` })),
  });
  return xmlResponse(xml, 'application/rss+xml');
}
