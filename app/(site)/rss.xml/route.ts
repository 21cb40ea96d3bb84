import { listFeedArticles } from '@/db/queries/articles';
import { listFeedCorrections } from '@/db/queries/corrections';
import { feedCorrectionFields } from '@/lib/corrections';
import { buildRss } from '@/lib/feeds';
import { site, siteUrl } from '@/lib/site';
import { xmlResponse } from '@/lib/xml-response';

export const revalidate = 300;

export async function GET(): Promise<Response> {
  const base = siteUrl();
  const articles = await listFeedArticles(null, 30);
  const corrections = await listFeedCorrections(articles.map((a) => a.id));
  const xml = buildRss({
    title: site.name,
    description: site.description,
    link: `${base}/`,
    feedUrl: `${base}/rss.xml`,
    items: articles.map((a) => ({ ...a, url: `${base}/bai-viet/${a.slug}`, ...feedCorrectionFields(corrections.get(a.id)) })),
  });
  return xmlResponse(xml, 'application/rss+xml');
}
