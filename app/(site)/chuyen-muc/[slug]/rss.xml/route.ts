import { listFeedArticles } from '@/db/queries/articles';
import { getSectionBySlug, listSections } from '@/db/queries/sections';
import { listFeedCorrections } from '@/db/queries/corrections';
import { feedCorrectionFields } from '@/lib/corrections';
import { buildRss } from '@/lib/feeds';
import { site, siteUrl } from '@/lib/site';
import { slugParam } from '@/lib/validation';
import { xmlResponse } from '@/lib/xml-response';

export const revalidate = 300;

export async function generateStaticParams() {
  return (await listSections()).map((s) => ({ slug: s.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const slug = slugParam.safeParse((await params).slug);
  const section = slug.success ? await getSectionBySlug(slug.data) : null;
  if (!section) return new Response('Không tìm thấy chuyên mục.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const base = siteUrl();
  const articles = await listFeedArticles(section.id, 30);
  const corrections = await listFeedCorrections(articles.map((a) => a.id));
  const xml = buildRss({
    title: `${section.name} | ${site.shortName}`,
    description: section.description || `${section.name} - ${site.name}`,
    link: `${base}/chuyen-muc/${section.slug}`,
    feedUrl: `${base}/chuyen-muc/${section.slug}/rss.xml`,
    items: articles.map((a) => ({ ...a, url: `${base}/bai-viet/${a.slug}`, ...feedCorrectionFields(corrections.get(a.id)) })),
  });
  return xmlResponse(xml, 'application/rss+xml');
}
