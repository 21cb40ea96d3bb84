// An address that names nothing must not leave anything behind in the page cache: a crawler or
// an attacker asking for endless random slugs and page numbers would otherwise fill the disk
// (each miss was 7 files) for good. Real pages must stay in the cache all the same.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { e2eSql, insertArticle, uniqueSlug } from './fixtures';
import { ROOT } from '../testing/harness';

/** Where `next start` keeps rendered pages (build-time ones under app/, runtime ones under route-cache/). */
const CACHE_DIR = path.join(ROOT, '.next', 'server');
const MISSES = 1_000;

function cacheFiles(): string[] {
  return readdirSync(CACHE_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Runs `work` over `items`, `concurrency` at a time. */
async function inPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

/** Addresses of every public kind that names nothing: unknown slugs, and page numbers past the end. */
async function missingAddresses(marker: string): Promise<string[]> {
  const [section] = await e2eSql()<{ slug: string }[]>`select slug from sections order by position limit 1`;
  const [tag] = await e2eSql()<{ slug: string }[]>`select slug from tags order by id limit 1`;
  if (!section || !tag) throw new Error('no seeded section or tag');
  const shapes = [
    (n: number) => `/the/${marker}-${n}`,
    (n: number) => `/tac-gia/${marker}-${n}`,
    (n: number) => `/chuyen-muc/${marker}-${n}`,
    (n: number) => `/bai-viet/${marker}-${n}`,
    (n: number) => `/the/${marker}-${n}/trang/2`,
    (n: number) => `/tac-gia/${marker}-${n}?trang=3`,
    (n: number) => `/chuyen-muc/${section.slug}/trang/${5_000 + n}`,
    (n: number) => `/chuyen-muc/${section.slug}?trang=${5_000 + n}`,
    (n: number) => `/the/${tag.slug}/trang/${10_000 + n}`,
    (n: number) => `/chuyen-muc/${marker}-${n}/rss.xml`,
    // Pages of /dinh-chinh past the end (issue 16).
    (n: number) => `/dinh-chinh?trang=${5_000 + n}`,
  ];
  return Array.from({ length: MISSES }, (_, n) => (shapes[n % shapes.length] as (n: number) => string)(n));
}

async function get(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  return { status: response.status(), cache: response.headers()['x-nextjs-cache'], body: await response.text() };
}

test.describe('the page cache', () => {
  test('1,000 requests for missing slugs and pages leave it as it was, and each answers the Vietnamese 404', async ({ request }) => {
    test.setTimeout(300_000);
    const marker = uniqueSlug('rac');
    const addresses = await missingAddresses(marker);
    const before = cacheFiles();
    const statuses = new Map<number, number>();
    await inPool(addresses, 6, async (url) => {
      const { status, body } = await get(request, url);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 404 && !url.endsWith('/rss.xml')) expect(body, url).toContain('Không tìm thấy');
    });
    expect(Object.fromEntries(statuses)).toEqual({ 404: MISSES });
    const after = cacheFiles();
    const added = after.filter((file) => !before.includes(file));
    console.log(`[cache] ${before.length} files before ${MISSES} misses, ${after.length} after; added: ${added.length}`);
    expect(added.filter((file) => file.includes(marker) || /\/trang\/\d{4,}/.test(file)).slice(0, 5)).toEqual([]);
    expect(after.length).toBe(before.length);

    // The same address twice is still a fresh 404 (nothing was stored to serve it from).
    const again = await get(request, `/the/${marker}-0`);
    expect(again.status).toBe(404);
    expect(again.cache).not.toBe('HIT');
    expect(again.body).toContain('Không tìm thấy trang');
  });

  test('a real article and a real tag page are still kept, and served from it', async ({ request }) => {
    const slug = uniqueSlug('bai-van-luu-dem');
    await insertArticle({ slug, title: 'Bài vẫn được lưu đệm' });
    expect((await get(request, `/bai-viet/${slug}`)).status).toBe(200);
    const second = await get(request, `/bai-viet/${slug}`);
    expect(second.status).toBe(200);
    expect(second.cache).toBe('HIT');
    expect(cacheFiles().some((file) => file.endsWith(`/bai-viet/${slug}.html`))).toBe(true);

    const [tag] = await e2eSql()<{ slug: string }[]>`select slug from tags order by id limit 1`;
    await get(request, `/the/${tag?.slug}`);
    expect((await get(request, `/the/${tag?.slug}`)).cache).toMatch(/^(HIT|STALE)$/);
  });
});
