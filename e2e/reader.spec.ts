import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { e2eSql, insertArticle, uniqueSlug } from './fixtures';

const DISABILITY = 'ho-tro-nguoi-khuyet-tat-tim-viec-lam-va-hoc-nghe-mien-phi-tai-quan';
const xml = new XMLParser({ ignoreAttributes: false });

/**
 * A seeded article with both newer and older articles in its section. Other tests publish
 * into Thời sự (and neighbour lists may lag by the revalidation interval), so use Kinh tế.
 */
async function middleArticle(): Promise<{ slug: string; title: string }> {
  const [row] = await e2eSql()<{ slug: string; title: string }[]>`
    select slug, title from (
      select a.slug, a.title, row_number() over (order by a.published_at) as n, count(*) over () as c
        from articles a join sections s on s.id = a.section_id
       where a.status = 'published' and s.slug = 'kinh-te') x
     where n > 1 and n < c limit 1`;
  if (!row) throw new Error('no seeded article with neighbours');
  return row;
}

test.describe('article page', () => {
  test('shows every element, with the exact time format and NewsArticle JSON-LD', async ({ page }) => {
    const { slug, title } = await middleArticle();
    const response = await page.goto(`/bai-viet/${slug}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.locator('.article__section')).not.toBeEmpty();
    await expect(page.locator('.article__meta time')).toHaveText(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
    await expect(page.locator('.article__lead')).not.toBeEmpty();
    expect(await page.locator('.article__body p').count()).toBeGreaterThan(2);
    await expect(page.locator('.article__byline')).not.toBeEmpty();
    await expect(page.getByRole('list', { name: 'Thẻ' }).getByRole('link').first()).toBeVisible();
    await expect(page.getByText('Lượt xem:')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Các bài mới đăng' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Các bài đã đăng' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Bình luận \(\d+\)$/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Viết bình luận' })).toBeVisible();

    await expect(page).toHaveTitle(new RegExp(title.slice(0, 20)));
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{20,}/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/bai-viet/${slug}$`));
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', title);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');

    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(jsonLd['@type']).toBe('NewsArticle');
    expect(jsonLd.headline).toBe(title);
    expect(jsonLd.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(jsonLd.dateModified).toMatch(/\+07:00$/);
    expect(jsonLd.author.name).toBeTruthy();
    expect(jsonLd.publisher.name).toBeTruthy();
  });

  test('missing and unpublished articles answer 404 in Vietnamese', async ({ page }) => {
    const missing = await page.goto('/bai-viet/khong-co-bai-nay');
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');

    const slug = uniqueSlug('bai-da-go');
    await insertArticle({ slug, title: 'Bài đã gỡ', status: 'unpublished' });
    expect((await page.goto(`/bai-viet/${slug}`))?.status()).toBe(404);
    const future = uniqueSlug('bai-hen-gio');
    await insertArticle({ slug: future, title: 'Bài hẹn giờ', status: 'scheduled', publishedAt: new Date(Date.now() + 86_400_000) });
    expect((await page.goto(`/bai-viet/${future}`))?.status()).toBe(404);
  });

  test('an old slug answers 301 to the current one', async ({ request }) => {
    const old = uniqueSlug('duong-dan-cu');
    const sql = e2eSql();
    await sql`insert into article_slug_history (slug, article_id) select ${old}, id from articles where slug = ${DISABILITY}`;
    await expect
      .poll(async () => (await request.get(`/bai-viet/${old}`, { maxRedirects: 0 })).status(), { timeout: 5_000 })
      .toBe(301);
    const response = await request.get(`/bai-viet/${old}`, { maxRedirects: 0 });
    expect(response.headers().location).toMatch(new RegExp(`/bai-viet/${DISABILITY}$`));
  });

  test('a second load is served from the static cache, not the database', async ({ request }) => {
    const slug = uniqueSlug('bai-tinh');
    await insertArticle({ slug, title: 'Tiêu đề ban đầu của bài tĩnh' });
    const first = await request.get(`/bai-viet/${slug}`);
    expect(await first.text()).toContain('Tiêu đề ban đầu của bài tĩnh');
    // Change the row behind the site's back: a page read from the database would show it.
    await e2eSql()`update articles set title = 'Tiêu đề đã đổi trong CSDL' where slug = ${slug}`;
    const second = await request.get(`/bai-viet/${slug}`);
    expect(second.headers()['x-nextjs-cache']).toBe('HIT');
    const html = await second.text();
    expect(html).toContain('Tiêu đề ban đầu của bài tĩnh');
    expect(html).not.toContain('Tiêu đề đã đổi trong CSDL');
    expect(second.headers()['cache-control']).toMatch(/s-maxage=\d+/);
  });

  test('a reader who already has the page gets 304 Not Modified, and the page again once it changed', async ({ request }) => {
    const slug = uniqueSlug('bai-etag');
    await insertArticle({ slug, title: 'Bài có thẻ ETag' });
    await request.get(`/bai-viet/${slug}`);
    const cached = await request.get(`/bai-viet/${slug}`);
    const tag = cached.headers()['etag'] ?? '';
    expect(tag).toMatch(/^"[0-9a-f]+-[\w+/]+"$/);
    const again = await request.get(`/bai-viet/${slug}`, { headers: { 'If-None-Match': tag } });
    expect(again.status()).toBe(304);
    expect(await again.body()).toHaveLength(0);
    expect(again.headers()['cache-control']).toMatch(/s-maxage=\d+/);
    const changed = await request.get(`/bai-viet/${slug}`, { headers: { 'If-None-Match': '"mot-ban-cu"' } });
    expect(changed.status()).toBe(200);
    expect(await changed.text()).toContain('Bài có thẻ ETag');
  });

  test('a view counts once per reader per article, however often it is posted, and not for bots', async ({ page, request, browser }) => {
    const slug = uniqueSlug('bai-dem-luot-xem');
    const id = await insertArticle({ slug, title: 'Bài đếm lượt xem' });
    const total = async () => (await e2eSql()`select coalesce(sum(views), 0)::int as n from article_view_totals where article_id = ${id}`)[0]?.n;
    await page.goto(`/bai-viet/${slug}`);
    await expect.poll(total).toBe(1);
    // The same reader again (a reload, thirty posts of the beacon): still one view.
    const beacon = page.waitForRequest((r) => r.url().includes('/api/views'));
    await page.reload();
    await beacon;
    const agent = 'Mozilla/5.0 (X11; Linux x86_64) cung-mot-nguoi-doc';
    const replies = [];
    for (let i = 0; i < 30; i++) replies.push((await request.post('/api/views', { data: { articleId: id }, headers: { 'user-agent': agent } })).status());
    expect(new Set(replies)).toEqual(new Set([202]));
    expect(await total()).toBe(2);
    // Another reader counts.
    const other = await browser.newContext({ userAgent: 'Mozilla/5.0 (Macintosh) nguoi-doc-khac' });
    await (await other.newPage()).goto(`/bai-viet/${slug}`);
    await expect.poll(total).toBe(3);
    await other.close();
    const bot = await request.post('/api/views', {
      data: { articleId: id },
      headers: { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
    });
    expect(bot.status()).toBe(202);
    expect(await total()).toBe(3);
    expect((await request.post('/api/views', { data: 'nonsense' })).status()).toBe(400);
    expect((await request.post('/api/views', { data: { articleId: 2 ** 31 } })).status()).toBe(400);
  });
});

test.describe('search', () => {
  test('finds an article by its title without accents, by a body word, and with one letter wrong', async ({ page }) => {
    await page.goto('/tim-kiem?q=nguoi+khuyet+tat+tim+viec+lam');
    await expect(page.locator('.search-hit').first()).toContainText('người khuyết tật');
    await expect(page.locator('.search-hit mark').first()).toBeVisible();

    // A phrase that stands only in the body of that article (a quotation).
    await page.goto(`/tim-kiem?q=${encodeURIComponent('sự thương hại')}`);
    await expect(page.locator(`.search-hit a[href="/bai-viet/${DISABILITY}"]`)).toBeVisible();

    await page.goto('/tim-kiem?q=ho+tro+nguoi+khuyet+tat+tim+viec+lan');
    await expect(page.locator('.search-hit').first()).toContainText('người khuyết tật');
  });

  test('answers empty and over-long queries politely', async ({ page }) => {
    expect((await page.goto('/tim-kiem'))?.status()).toBe(200);
    await expect(page.getByText('Nhập từ khóa để tìm bài viết')).toBeVisible();
    expect((await page.goto(`/tim-kiem?q=${'a'.repeat(500)}`))?.status()).toBe(200);
    await expect(page.getByText('Từ khóa quá dài')).toBeVisible();
  });
});

test.describe('sections, feeds and sitemaps', () => {
  test('a section pages 20 at a time with rel=next/prev', async ({ page }) => {
    const sql = e2eSql();
    const slug = uniqueSlug('kiem-thu-phan-trang');
    const [section] = await sql<{ id: number }[]>`insert into sections (slug, name, position) values (${slug}, 'Kiểm thử phân trang', 99) returning id`;
    for (let i = 0; i < 25; i++) {
      await insertArticle({
        slug: `${slug}-bai-${i}`,
        title: `Bài phân trang số ${i}`,
        sectionId: section?.id,
        publishedAt: new Date(Date.now() - (i + 1) * 60_000),
      });
    }
    await page.goto(`/chuyen-muc/${slug}`);
    await expect(page.locator('main article')).toHaveCount(20);
    await expect(page.locator('link[rel="next"]')).toHaveAttribute('href', `/chuyen-muc/${slug}?trang=2`);
    await page.getByRole('link', { name: 'Trang sau ›' }).click();
    await expect(page).toHaveURL(new RegExp(`/chuyen-muc/${slug}\\?trang=2$`));
    await expect(page.locator('main article')).toHaveCount(5);
    await expect(page.locator('link[rel="prev"]')).toHaveAttribute('href', `/chuyen-muc/${slug}`);
    expect((await page.goto(`/chuyen-muc/${slug}?trang=3`))?.status()).toBe(404);
  });

  test('?trang=N is page N for 2 to 99999 (leading zeros ignored); any other value is the first page', async ({ request }) => {
    const sql = e2eSql();
    const slug = uniqueSlug('kiem-thu-trang');
    const [section] = await sql<{ id: number }[]>`insert into sections (slug, name, position) values (${slug}, 'Kiểm thử tham số trang', 98) returning id`;
    for (let i = 0; i < 21; i++) {
      await insertArticle({ slug: `${slug}-bai-${i}`, title: `Bài tham số trang ${i}`, sectionId: section?.id, publishedAt: new Date(Date.now() - (i + 1) * 60_000) });
    }
    const titleOf = async (query: string) => {
      const response = await request.get(`/chuyen-muc/${slug}${query}`, { maxRedirects: 0 });
      return `${response.status()} ${/<title>([^<]*)<\/title>/.exec(await response.text())?.[1]?.split(' | ')[0] ?? ''}`;
    };
    for (const query of ['', '?trang=1', '?trang=0', '?trang=abc', '?trang=-2', '?trang=123456', '?trang=']) {
      expect(await titleOf(query), query).toBe('200 Kiểm thử tham số trang');
    }
    for (const query of ['?trang=2', '?trang=002', '?trang=2&utm_source=zalo']) {
      expect(await titleOf(query), query).toBe('200 Kiểm thử tham số trang - Trang 2');
    }
    // Past the end, and past what a page number may be: the route's 404.
    expect((await titleOf('?trang=3')).split(' ')[0]).toBe('404');
    expect((await titleOf('?trang=99999')).split(' ')[0]).toBe('404');
  });

  test('RSS feeds and sitemaps parse and list only live articles', async ({ request }) => {
    const hidden = uniqueSlug('bai-nhap-khong-hien');
    await insertArticle({ slug: hidden, title: 'Bản nháp', status: 'draft' });

    const rss = xml.parse(await (await request.get('/rss.xml')).text());
    expect(rss.rss['@_version']).toBe('2.0');
    const items = [rss.rss.channel.item].flat();
    expect(items.length).toBeGreaterThanOrEqual(12);
    const [section] = await e2eSql()<{ slug: string }[]>`select slug from sections order by position limit 1`;
    const sectionRss = await request.get(`/chuyen-muc/${section?.slug}/rss.xml`);
    expect(sectionRss.headers()['content-type']).toContain('application/rss+xml');
    expect(xml.parse(await sectionRss.text()).rss.channel.item).toBeTruthy();

    const sitemap = xml.parse(await (await request.get('/sitemap.xml')).text());
    const locs: string[] = [sitemap.urlset.url].flat().map((u: { loc: string }) => u.loc);
    expect(locs.some((l) => l.endsWith(`/bai-viet/${DISABILITY}`))).toBe(true);
    const news = xml.parse(await (await request.get('/news-sitemap.xml')).text());
    expect(news.urlset['@_xmlns:news']).toContain('sitemap-news');

    const published = new Set(
      (await e2eSql()<{ slug: string }[]>`select slug from articles where status = 'published' and published_at <= now()`).map(
        (r) => r.slug,
      ),
    );
    for (const link of [...items.map((i: { link: string }) => i.link), ...locs.filter((l) => l.includes('/bai-viet/'))]) {
      expect(published.has(link.split('/bai-viet/')[1] ?? '')).toBe(true);
    }
    expect((await request.get('/robots.txt')).ok()).toBe(true);
  });
});

test.describe('accessibility', () => {
  for (const path of ['/', `/bai-viet/${DISABILITY}`, '/chuyen-muc/thoi-su', '/tim-kiem?q=quan']) {
    test(`axe finds no violations on ${path}`, async ({ page }) => {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test('the text size control enlarges the text and is remembered', async ({ page }) => {
    await page.goto(`/bai-viet/${DISABILITY}`);
    const size = () => page.locator('.article__body p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await size();
    await page.getByRole('button', { name: 'Cỡ chữ rất lớn' }).click();
    expect(await size()).toBeGreaterThan(before * 1.2);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Cỡ chữ rất lớn' })).toHaveAttribute('aria-pressed', 'true');
  });

  test('the layout holds on a 320 px phone', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`/bai-viet/${DISABILITY}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
