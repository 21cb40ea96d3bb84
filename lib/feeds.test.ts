import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildNewsSitemap, buildRss, buildSitemap, type FeedItem } from './feeds';
import { findAll, parseStrictXml } from '../testing/strict-xml';

const parser = new XMLParser({ ignoreAttributes: false });

const item = (fields: Partial<FeedItem> = {}): FeedItem => ({
  title: 'Tin',
  url: 'https://x.vn/bai-viet/a',
  lead: 'Tóm tắt',
  publishedAt: new Date('2026-01-02T03:04:05Z'),
  sectionName: 'Thời sự',
  authorName: 'Minh Anh',
  ...fields,
});

const rss = (items: FeedItem[], channel: { title?: string; description?: string } = {}) =>
  buildRss({
    title: channel.title ?? 'Tin mới',
    description: channel.description ?? 'Mô tả',
    link: 'https://x.vn/',
    feedUrl: 'https://x.vn/rss.xml',
    items,
  });

/**
 * What an editor may paste into a title or a lead, and what XML cannot hold: `]]>` twice (the
 * second one used to end the CDATA section and inject elements), C0 controls, noncharacters,
 * lone surrogates, markup and entities.
 */
const HOSTILE = [
  'Một ]]><title>giả</title><![CDATA[ hai ]]><link>https://evil.example/</link><![CDATA[ ba',
  'Điều\u0001khiển\u0000và\u001Fthoát\u0008',
  'Không phải ký tự \uFFFE\uFFFF \uFDD0 \u{1FFFE}',
  'Nửa cặp \uD800 và \uDC00 một mình, cặp đủ 😀',
  'Đóng script </script><script>alert(1)</script>',
  'Chú thích <!-- và --> giữa bài',
  'Người dân & <chính quyền> &amp; &lt; "trích" \'dẫn\'',
  'Xuống\tdòng\r\nvà\u0085NEL \u0080C1',
];

/** The text as it must come out: characters XML forbids or discourages dropped, nothing else changed. */
const cleaned = (text: string) =>
  text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uD800-\uDFFF\p{NChar}]/gu, '');

/** XML normalises CR LF to LF in text. */
const asParsed = (text: string) => cleaned(text).replace(/\r\n?/g, '\n');

describe('feeds', () => {
  it('builds RSS 2.0 with escaped Vietnamese titles', () => {
    const xml = rss([item({ title: 'Người dân & <chính quyền>' })]);
    const doc = parser.parse(xml);
    expect(doc.rss['@_version']).toBe('2.0');
    expect(doc.rss.channel.item.title).toBe('Người dân & <chính quyền>');
    expect(doc.rss.channel.item.link).toBe('https://x.vn/bai-viet/a');
    expect(doc.rss.channel.item.guid['#text']).toBe('https://x.vn/bai-viet/a');
    expect(doc.rss.channel.item.pubDate).toBe('Fri, 02 Jan 2026 03:04:05 GMT');
    expect(doc.rss.channel.item.category).toBe('Thời sự');
    expect(doc.rss.channel['atom:link']['@_href']).toBe('https://x.vn/rss.xml');
  });

  it('a corrected item keeps its guid and pubDate, gains atom:updated and the correction before its lead', () => {
    const corrected = new Date('2026-01-05T06:07:08.009Z');
    const doc = parser.parse(
      rss([
        item({ url: 'https://x.vn/bai-viet/moi', publishedAt: new Date('2026-01-03T00:00:00Z') }),
        item({ updatedAt: corrected, notice: 'Đính chính (13:07 05/01/2026): <số> đúng là 12%' }),
      ]),
    );
    const [fresh, fixed] = doc.rss.channel.item;
    expect(fresh['atom:updated']).toBeUndefined();
    expect(fixed.guid['#text']).toBe('https://x.vn/bai-viet/a');
    expect(fixed.pubDate).toBe('Fri, 02 Jan 2026 03:04:05 GMT');
    expect(fixed['atom:updated']).toBe('2026-01-05T06:07:08.009Z');
    expect(fixed.description).toBe('Đính chính (13:07 05/01/2026): <số> đúng là 12%\n\nTóm tắt');
    // The channel changed when an item was last corrected, though no newer item was published.
    expect(doc.rss.channel.lastBuildDate).toBe(corrected.toUTCString());
    expect(parseStrictXml(rss([item({ updatedAt: corrected, notice: ']]> & <x>' })])).name).toBe('rss');
  });

  it('builds a sitemap and a news sitemap that parse', async () => {
    const sitemap = parser.parse(await buildSitemap('https://x.vn', [{ url: '/bai-viet/a', lastmod: new Date() }]));
    expect(sitemap.urlset.url.loc).toBe('https://x.vn/bai-viet/a');
    const news = parser.parse(
      await buildNewsSitemap('https://x.vn', [{ url: '/bai-viet/a', title: 'Tin & tức', publishedAt: new Date() }]),
    );
    expect(news.urlset.url['news:news']['news:title']).toBe('Tin & tức');
    expect(news.urlset.url['news:news']['news:publication']['news:language']).toBe('vi');
  });

  // A new site with no article yet: the sitemap package throws EmptySitemap on an empty stream,
  // which failed the build's prerender of /news-sitemap.xml.
  it('builds empty sitemaps for a site with nothing published yet', async () => {
    for (const xml of [await buildSitemap('https://x.vn', []), await buildNewsSitemap('https://x.vn', [])]) {
      const doc = parseStrictXml(xml);
      expect(doc.name).toBe('urlset');
      expect(doc.attributes.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
      expect(doc.children).toEqual([]);
    }
    expect(parseStrictXml(await buildNewsSitemap('https://x.vn', [])).attributes['xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
  });

  describe('with hostile titles and leads', () => {
    it('RSS stays well-formed to a strict parser, one item per article, each text as written less what XML cannot hold', () => {
      const items = HOSTILE.map((text, i) =>
        item({ title: text, lead: `${text} (tóm tắt)`, sectionName: text, authorName: text, url: `https://x.vn/bai-viet/bai-${i}` }),
      );
      const doc = parseStrictXml(rss(items, { title: HOSTILE[0], description: HOSTILE[1] }));
      const channel = findAll(doc, 'channel')[0];
      expect(channel?.children.find((c) => c.name === 'title')?.text).toBe(asParsed(HOSTILE[0] as string));
      expect(channel?.children.find((c) => c.name === 'description')?.text).toBe(asParsed(HOSTILE[1] as string));
      const parsed = findAll(doc, 'item');
      expect(parsed).toHaveLength(HOSTILE.length);
      parsed.forEach((element, i) => {
        const text = (name: string) => element.children.filter((c) => c.name === name).map((c) => c.text);
        const hostile = HOSTILE[i] as string;
        expect(text('title')).toEqual([asParsed(hostile)]);
        expect(text('description')).toEqual([asParsed(`${hostile} (tóm tắt)`)]);
        expect(text('category')).toEqual([asParsed(hostile)]);
        expect(text('link')).toEqual([`https://x.vn/bai-viet/bai-${i}`]);
      });
      // Nothing injected anywhere: the only links are the channel's and the items' own.
      expect(findAll(doc, 'link').map((l) => l.text)).toEqual(['https://x.vn/', ...HOSTILE.map((_, i) => `https://x.vn/bai-viet/bai-${i}`)]);
    });

    it('the news sitemap stays well-formed, each title as written less what XML cannot hold', async () => {
      const xml = await buildNewsSitemap(
        'https://x.vn',
        HOSTILE.map((title, i) => ({ url: `/bai-viet/bai-${i}`, title, publishedAt: new Date('2026-01-02T03:04:05Z') })),
      );
      const doc = parseStrictXml(xml);
      expect(findAll(doc, 'news:title').map((t) => t.text)).toEqual(HOSTILE.map(asParsed));
      expect(findAll(doc, 'loc').map((l) => l.text)).toEqual(HOSTILE.map((_, i) => `https://x.vn/bai-viet/bai-${i}`));
    });

    it('the sitemap stays well-formed', async () => {
      const doc = parseStrictXml(await buildSitemap('https://x.vn', [{ url: '/' }, { url: '/bai-viet/a', lastmod: new Date() }]));
      expect(findAll(doc, 'loc').map((l) => l.text)).toEqual(['https://x.vn/', 'https://x.vn/bai-viet/a']);
    });
  });
});
