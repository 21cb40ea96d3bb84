// RSS 2.0 and sitemaps from plain data, through well-kept XML writers: fast-xml-parser's builder
// for RSS, which escapes every text and attribute (the `feed` package wrote titles into CDATA
// and escaped only the first `]]>`, so a title with two injected elements into the feed), and
// the `sitemap` package. Every text is cleaned of what XML cannot hold first (lib/xml-text.ts).
import { XMLBuilder } from 'fast-xml-parser';
import { SitemapStream, streamToPromise } from 'sitemap';
import { site } from './site';
import { xmlText } from './xml-text';

export type FeedItem = {
  title: string;
  url: string;
  lead: string;
  publishedAt: Date;
  sectionName: string | null;
  authorName: string | null;
  /**
   * When the item last changed after it was published (a correction added or edited): written
   * as `atom:updated`, while `guid` and `pubDate` stay as they were, so a reader keeps the item
   * in its place and is not shown it as a new one.
   */
  updatedAt?: Date;
  /** Text put before the lead (the item's corrections, lib/corrections.ts `correctionsFeedText`). */
  notice?: string;
};

const rssWriter = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true });

/** An RSS 2.0 document for the given items (newest first). */
export function buildRss(options: { title: string; description: string; link: string; feedUrl: string; items: FeedItem[] }): string {
  // The channel changed when its newest item was published or any item was last corrected.
  let updated = options.items[0]?.publishedAt ?? new Date(0);
  for (const item of options.items) if (item.updatedAt && item.updatedAt > updated) updated = item.updatedAt;
  const items = options.items.map((item) => ({
    title: xmlText(item.title),
    link: item.url,
    guid: { '@_isPermaLink': 'false', '#text': item.url },
    pubDate: item.publishedAt.toUTCString(),
    ...(item.updatedAt && item.updatedAt > item.publishedAt ? { 'atom:updated': item.updatedAt.toISOString() } : {}),
    description: xmlText(item.notice ? [item.notice, item.lead].filter(Boolean).join('\n\n') : item.lead),
    // RSS's own <author> must be an e-mail address; a byline is Dublin Core's creator.
    ...(item.authorName ? { 'dc:creator': xmlText(item.authorName) } : {}),
    ...(item.sectionName ? { category: xmlText(item.sectionName) } : {}),
  }));
  return rssWriter.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    rss: {
      '@_version': '2.0',
      '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
      '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      channel: {
        title: xmlText(options.title),
        link: options.link,
        description: xmlText(options.description),
        language: 'vi',
        copyright: xmlText(`© ${site.publisher}`),
        lastBuildDate: updated.toUTCString(),
        docs: 'https://www.rssboard.org/rss-specification',
        generator: 'Newsroom',
        ttl: 5,
        'atom:link': { '@_href': options.feedUrl, '@_rel': 'self', '@_type': 'application/rss+xml' },
        item: items,
      },
    },
  });
}

export type SitemapEntry = { url: string; lastmod?: Date };
export type NewsEntry = { url: string; title: string; publishedAt: Date };

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/**
 * An urlset with no url in it. The sitemap package refuses to end a stream it wrote nothing to
 * (EmptySitemap), but a new site with no article yet must still build and answer its sitemaps.
 */
function emptyUrlset(news: boolean): string {
  return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="${SITEMAP_NS}"${news ? ` xmlns:news="${NEWS_NS}"` : ''}></urlset>`;
}

async function render(stream: SitemapStream, write: () => void): Promise<string> {
  const done = streamToPromise(stream);
  write();
  stream.end();
  return (await done).toString();
}

/** A sitemap urlset. */
export async function buildSitemap(hostname: string, entries: SitemapEntry[]): Promise<string> {
  if (entries.length === 0) return emptyUrlset(false);
  const stream = new SitemapStream({ hostname });
  return render(stream, () => {
    for (const e of entries) stream.write({ url: e.url, lastmod: e.lastmod?.toISOString() });
  });
}

/** A Google News sitemap (news: namespace) for recent articles. */
export async function buildNewsSitemap(hostname: string, entries: NewsEntry[]): Promise<string> {
  if (entries.length === 0) return emptyUrlset(true);
  const stream = new SitemapStream({ hostname, xmlns: { news: true, xhtml: false, image: false, video: false } });
  return render(stream, () => {
    for (const e of entries) {
      stream.write({
        url: e.url,
        news: {
          publication: { name: site.name, language: 'vi' },
          publication_date: e.publishedAt.toISOString(),
          title: xmlText(e.title),
        },
      });
    }
  });
}
