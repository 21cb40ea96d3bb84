import { beforeEach, describe, expect, it, vi } from 'vitest';

// Outside Next revalidatePath throws (no request); here it records what a write would expire.
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath }));

const { articleTags, CacheTag, correctionTags, invalidate, pathsOf } = await import('./cache-tags');

const calls = () => revalidatePath.mock.calls.map(([path, type]) => (type ? `${path} ${type}` : String(path)));

describe('cache tags', () => {
  beforeEach(() => revalidatePath.mockClear());

  it('an article save expires every page the article is on, its former places included, each once', () => {
    invalidate(
      ...articleTags({
        slug: 'bai-moi',
        previousSlug: 'bai-cu',
        sectionSlugs: ['thoi-su', 'the-gioi', null],
        tagSlugs: ['viec-lam', 'viec-lam'],
        authorSlugs: ['an', 'an'],
      }),
    );
    expect(calls()).toEqual([
      '/bai-viet/bai-moi',
      '/bai-viet/bai-cu',
      '/',
      '/chuyen-muc/thoi-su',
      '/chuyen-muc/thoi-su/rss.xml',
      '/chuyen-muc/the-gioi',
      '/chuyen-muc/the-gioi/rss.xml',
      '/the/viec-lam',
      '/tac-gia/an',
      '/(site)/chuyen-muc/[slug]/trang/[page] page',
      '/(site)/the/[slug]/trang/[page] page',
      '/(site)/tac-gia/[slug]/trang/[page] page',
      '/rss.xml',
      '/sitemap.xml',
      '/news-sitemap.xml',
      '/dinh-chinh',
      '/(site)/dinh-chinh/trang/[page] page',
    ]);
  });

  it('a correction expires its article, the feeds it is in, the sitemaps and /dinh-chinh, not the lists', () => {
    invalidate(...correctionTags({ slug: 'bai-sua', sectionSlug: 'thoi-su' }));
    expect(calls()).toEqual([
      '/bai-viet/bai-sua',
      '/chuyen-muc/thoi-su',
      '/chuyen-muc/thoi-su/rss.xml',
      '/rss.xml',
      '/sitemap.xml',
      '/news-sitemap.xml',
      '/dinh-chinh',
      '/(site)/dinh-chinh/trang/[page] page',
    ]);
    expect(correctionTags({ slug: 'khong-muc', sectionSlug: null })).toEqual(['article:khong-muc', 'feeds', 'sitemaps', 'corrections']);
  });

  it('an unchanged slug is not expired twice, and a missing section or byline adds nothing', () => {
    expect(articleTags({ slug: 'mot-bai', previousSlug: 'mot-bai' })).toEqual(['article:mot-bai', 'home', 'archive-pages', 'feeds', 'sitemaps', 'corrections']);
  });

  it('moderation and taxonomy writes name what readers see', () => {
    invalidate(...['mot', 'hai'].map(CacheTag.article), CacheTag.dashboard);
    expect(calls()).toEqual(['/bai-viet/mot', '/bai-viet/hai', '/dashboard layout']);
    revalidatePath.mockClear();
    invalidate(CacheTag.site);
    expect(calls()).toEqual(['/ layout']);
  });

  it('every fixed tag stands for at least one path, and an unknown tag is refused', () => {
    for (const tag of Object.values(CacheTag)) {
      expect(pathsOf(typeof tag === 'function' ? tag('x') : tag).length).toBeGreaterThan(0);
    }
    expect(() => pathsOf('nothing:x' as never)).toThrow(/Unknown cache tag/);
    expect(() => pathsOf('article:' as never)).toThrow(/Unknown cache tag/);
    expect(() => pathsOf('toString' as never)).toThrow(/Unknown cache tag/);
  });
});
