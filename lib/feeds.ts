// RSS 2.0 and sitemaps from plain data, through well-kept libraries (feed, sitemap).
import { Feed } from 'feed';
import { SitemapStream, streamToPromise } from 'sitemap';
import { site } from './site';

export type FeedItem = {
  title: string;
  url: string;
  lead: string;
  publishedAt: Date;
  sectionName: string | null;
  authorName: string | null;
};

/** An RSS 2.0 document for the given items (newest first). */
export function buildRss(options: { title: string; description: string; link: string; feedUrl: string; items: FeedItem[] }): string {
  const feed = new Feed({
    id: options.link,
    title: options.title,
    description: options.description,
    link: options.link,
    language: 'vi',
    copyright: `© ${site.publisher}`,
    updated: options.items[0]?.publishedAt ?? new Date(0),
    generator: 'Newsroom',
    feedLinks: { rss: options.feedUrl },
    ttl: 5,
  });
  for (const item of options.items) {
    feed.addItem({
      title: item.title,
      id: item.url,
      link: item.url,
      description: item.lead,
      date: item.publishedAt,
      category: item.sectionName ? [{ name: item.sectionName }] : undefined,
      author: item.authorName ? [{ name: item.authorName }] : undefined,
    });
  }
  return feed.rss2();
}

export type SitemapEntry = { url: string; lastmod?: Date };
export type NewsEntry = { url: string; title: string; publishedAt: Date };

async function render(stream: SitemapStream, write: () => void): Promise<string> {
  const done = streamToPromise(stream);
  write();
  stream.end();
  return (await done).toString();
}

/** A sitemap urlset. */
export function buildSitemap(hostname: string, entries: SitemapEntry[]): Promise<string> {
  const stream = new SitemapStream({ hostname });
  return render(stream, () => {
    for (const e of entries) stream.write({ url: e.url, lastmod: e.lastmod?.toISOString() });
  });
}

/** A Google News sitemap (news: namespace) for recent articles. */
export function buildNewsSitemap(hostname: string, entries: NewsEntry[]): Promise<string> {
  const stream = new SitemapStream({ hostname, xmlns: { news: true, xhtml: false, image: false, video: false } });
  return render(stream, () => {
    for (const e of entries) {
      stream.write({
        url: e.url,
        news: {
          publication: { name: site.name, language: 'vi' },
          publication_date: e.publishedAt.toISOString(),
          title: e.title,
        },
      });
    }
  });
}
