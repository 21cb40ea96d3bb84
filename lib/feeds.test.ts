import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildNewsSitemap, buildRss, buildSitemap } from './feeds';

const parser = new XMLParser({ ignoreAttributes: false });

describe('feeds', () => {
  it('builds RSS 2.0 with escaped Vietnamese titles', () => {
    const xml = buildRss({
      title: 'Tin mới',
      description: 'Mô tả',
      link: 'https://x.vn/',
      feedUrl: 'https://x.vn/rss.xml',
      items: [
        {
          title: 'Người dân & <chính quyền>',
          url: 'https://x.vn/bai-viet/a',
          lead: 'Tóm tắt',
          publishedAt: new Date('2026-01-02T03:04:05Z'),
          sectionName: 'Thời sự',
          authorName: 'Minh Anh',
        },
      ],
    });
    const doc = parser.parse(xml);
    expect(doc.rss['@_version']).toBe('2.0');
    expect(doc.rss.channel.item.title).toBe('Người dân & <chính quyền>');
    expect(doc.rss.channel.item.link).toBe('https://x.vn/bai-viet/a');
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
});
