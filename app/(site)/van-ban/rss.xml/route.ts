import { listFeedDocuments } from '@/db/queries/document-feeds';
import { buildRss } from '@/lib/feeds';
import { DOCUMENTS_PATH, documentPath, formatCalendarDate } from '@/lib/documents';
import { site, siteUrl } from '@/lib/site';
import { xmlResponse } from '@/lib/xml-response';

// The revalidate of the other feeds; a publish refreshes it at once (CacheTag.documents).
export const revalidate = 300;

/** An RSS title stays short: `67/KH-UBND — Kế hoạch thực hiện…`. */
const TITLE_MAX = 160;

function feedTitle(number: string, abstract: string): string {
  const full = `${number} — ${abstract}`.replace(/\s+/g, ' ').trim();
  return full.length > TITLE_MAX ? `${full.slice(0, TITLE_MAX - 1).trimEnd()}…` : full;
}

export async function GET(): Promise<Response> {
  const base = siteUrl();
  const docs = await listFeedDocuments(30);
  const xml = buildRss({
    title: `Văn bản — ${site.name}`,
    description: `Văn bản mới ban hành của ${site.publisher}`,
    link: `${base}${DOCUMENTS_PATH}`,
    feedUrl: `${base}${DOCUMENTS_PATH}/rss.xml`,
    items: docs.map((d) => ({
      title: feedTitle(d.number, d.abstract),
      url: `${base}${documentPath(d.slug)}`,
      lead: `${d.typeName} số ${d.number} ngày ${formatCalendarDate(d.issuedOn)} của ${d.issuerName}: ${d.abstract}`,
      publishedAt: d.publishedAt,
      sectionName: d.typeName,
      authorName: null,
    })),
  });
  return xmlResponse(xml, 'application/rss+xml');
}
