// What readers see of documents (Văn bản), in Chromium against npm start: the registry
// `/van-ban` (filters, search, paging, without JavaScript too), a document's page (every field,
// its state, JSON-LD, links) and its file downloads (exact bytes, the Vietnamese name, length,
// ranges), plus what a hostile request gets. Documents are inserted straight into the database
// (e2e/fixtures.ts insertDocument) under an issuer of this run's own, so the registry's
// filtered views (rendered per request) show exactly them; the plain first page is a cached page.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parse as parseDisposition } from 'content-disposition';
import { generatePdf } from '../seed/pdf';
import { createUser, e2eSql, insertArticle, insertDocument, signInAs, uniqueSlug } from './fixtures';
import { ROOT } from '../testing/harness';

const run = uniqueSlug('vb');
const tag = run.replace(/[^a-z0-9]/g, '').slice(-8);
const ISSUER = `Ủy ban Kiểm Thử ${tag}`;
const ISSUER_SLUG = `uy-ban-kiem-thu-${tag}`;
const FIELD_A = `Lĩnh vực A ${tag}`;
const FIELD_B = `Lĩnh vực B ${tag}`;
/** A number of this run's own, so `67 kh ubnd`-style searches find exactly it. */
const N = String(600_000 + (Date.now() % 300_000));
/** Only in the PDF's text: found without accents. */
const FILE_WORD = `Lượng${tag.replace(/[^0-9]/g, '').slice(0, 5) || '42'}x`;
const FILE_PHRASE = `Cành xoan trước ngõ nhà ${FILE_WORD}`;
const FILE_NAME = `Kế hoạch số ${N} – Đợt 1.pdf`;

type Seeded = { pdf: Uint8Array; ids: Record<string, number>; slugs: Record<'plan' | 'decision' | 'old' | 'future' | 'draft' | 'article', string> };
let seeded: Seeded;

async function seed(): Promise<Seeded> {
  if (seeded) return seeded;
  const pdf = await generatePdf({ title: `Kế hoạch ${N}/KH-UBND`, heading: [ISSUER], paragraphs: [FILE_PHRASE, 'Nội dung thử nghiệm dài hơn một chút.'.repeat(40)] });
  const slugs = {
    plan: `${N}-kh-ubnd-${tag}`,
    decision: `${N}-qd-ubnd-${tag}`,
    old: `${N}-old-${tag}`,
    future: `${N}-tb-${tag}`,
    draft: `${N}-nhap-${tag}`,
    article: '',
  };
  const ids: Record<string, number> = {};
  ids.old = await insertDocument({
    slug: slugs.old,
    number: `${N}0/CV-UBND`,
    type: 'Công văn',
    issuer: ISSUER,
    field: FIELD_B,
    issuedOn: '2019-03-01',
    effectiveOn: '2019-03-15',
    expiresOn: '2021-01-01',
    abstract: `Công văn cũ về chợ tạm, số thứ tự ${tag}`,
  });
  ids.plan = await insertDocument({
    slug: slugs.plan,
    number: `${N}/KH-UBND`,
    type: 'Kế hoạch',
    issuer: ISSUER,
    field: FIELD_A,
    signer: 'Trần Thị Ký',
    issuedOn: '2020-02-10',
    effectiveOn: '2020-02-20',
    abstract: `Kế hoạch hỗ trợ người khuyết tật học nghề ${tag}`,
    replacesId: ids.old,
    files: [
      { name: FILE_NAME, bytes: pdf, mimeType: 'application/pdf', text: `${FILE_PHRASE}\nNội dung thử nghiệm.` },
      { name: 'Phụ lục.pdf', bytes: pdf.slice(0, 2_000), mimeType: 'application/pdf' },
    ],
  });
  ids.decision = await insertDocument({
    slug: slugs.decision,
    number: `${N}/QĐ-UBND`,
    type: 'Quyết định',
    issuer: ISSUER,
    field: FIELD_A,
    issuedOn: '2020-02-10',
    abstract: `Quyết định thành lập tổ công tác ${tag}`,
  });
  ids.future = await insertDocument({
    slug: slugs.future,
    number: `${N}/TB-UBND`,
    type: 'Thông báo',
    issuer: ISSUER,
    field: null,
    issuedOn: '2020-12-01',
    effectiveOn: '2099-01-01',
    abstract: `Thông báo có hiệu lực trong tương lai ${tag}`,
  });
  ids.draft = await insertDocument({
    slug: slugs.draft,
    number: `${N}/NHAP`,
    issuer: ISSUER,
    status: 'draft',
    issuedOn: '2021-01-01',
    abstract: `Bản nháp bí mật ${tag}`,
    files: [{ name: 'Nháp.pdf', bytes: pdf, mimeType: 'application/pdf' }],
  });
  const articleSlug = uniqueSlug('bai-trich-dan');
  const articleId = await insertArticle({ slug: articleSlug, title: `Bài viết nói về kế hoạch ${N}` });
  await e2eSql()`insert into article_documents (article_id, document_id) values (${articleId}, ${ids.plan})`;
  slugs.article = articleSlug;
  seeded = { pdf, ids, slugs };
  return seeded;
}

const registry = (query: string) => `/van-ban?co-quan=${ISSUER_SLUG}${query ? `&${query}` : ''}`;

/** The numbers listed, in order. */
async function listed(page: Page): Promise<string[]> {
  return page.locator('ol[aria-label="Danh sách văn bản"] > li dl div:first-child dd').allTextContents();
}

test.beforeAll(async () => {
  await seed();
});

test.describe('the registry', () => {
  test('lists published documents newest issue date first, each row with its fields and downloads', async ({ page }) => {
    const response = await page.goto(registry(''));
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Văn bản' })).toBeVisible();
    // 2020-12-01, then the two of 2020-02-10 by newest id, then 2019; never the draft.
    expect(await listed(page)).toEqual([`${N}/TB-UBND`, `${N}/QĐ-UBND`, `${N}/KH-UBND`, `${N}0/CV-UBND`]);
    await expect(page.getByRole('status')).toHaveText('Có 4 văn bản phù hợp.');
    const row = page.locator('ol[aria-label="Danh sách văn bản"] > li', { hasText: `${N}/KH-UBND` });
    await expect(row.getByText('Ngày ban hành')).toBeVisible();
    await expect(row.locator('time')).toHaveText('10/02/2020');
    await expect(row.getByText(`Kế hoạch hỗ trợ người khuyết tật học nghề ${tag}`)).toBeVisible();
    await expect(row.getByRole('link', { name: `Kế hoạch ${N}/KH-UBND` })).toHaveAttribute('href', `/van-ban/${seeded.slugs.plan}`);
    const downloads = row.getByRole('link', { name: /^Tải về PDF/ });
    await expect(downloads).toHaveCount(2);
    await expect(row.getByRole('link', { name: new RegExp(`Tải về PDF \\(.+\\)\\s*: ${FILE_NAME}`) })).toHaveAttribute(
      'href',
      new RegExp(`^/van-ban/tep/\\d+/ke-hoach-so-${N}-dot-1\\.pdf$`),
    );
    await expect(page.getByRole('link', { name: 'Văn bản', exact: true }).first()).toHaveAttribute('href', '/van-ban');
  });

  test('each filter narrows, and filters combine with the search', async ({ page }) => {
    await page.goto(registry(''));
    await page.getByLabel('Loại văn bản').selectOption({ label: 'Kế hoạch' });
    await page.getByRole('search', { name: 'Tra cứu văn bản' }).getByRole('button', { name: 'Tìm' }).click();
    await expect(page).toHaveURL(/loai=ke-hoach/);
    expect(await listed(page)).toEqual([`${N}/KH-UBND`]);

    await page.goto(registry(`linh-vuc=${encodeURIComponent('linh-vuc-a-' + tag)}`));
    expect(await listed(page)).toEqual([`${N}/QĐ-UBND`, `${N}/KH-UBND`]);
    await expect(page.getByLabel('Lĩnh vực')).toHaveValue(`linh-vuc-a-${tag}`);
    await page.getByLabel('Năm ban hành').selectOption('2019');
    await page.getByRole('search', { name: 'Tra cứu văn bản' }).getByRole('button', { name: 'Tìm' }).click();
    await expect(page.getByRole('status')).toContainText('Không có văn bản nào phù hợp');

    await page.goto(registry('nam=2020'));
    expect(await listed(page)).toEqual([`${N}/TB-UBND`, `${N}/QĐ-UBND`, `${N}/KH-UBND`]);
    await page.getByLabel('Tìm văn bản').fill('to cong tac');
    await page.getByRole('search', { name: 'Tra cứu văn bản' }).getByRole('button', { name: 'Tìm' }).click();
    await expect(page).toHaveURL(/q=to\+cong\+tac/);
    expect(await listed(page)).toEqual([`${N}/QĐ-UBND`]);
    await expect(page.getByRole('link', { name: 'Xóa bộ lọc' })).toHaveAttribute('href', '/van-ban');
  });

  test('finds a number and symbol typed loosely, and a phrase only in a file, without accents', async ({ page }) => {
    for (const typed of [`${N} kh ubnd`, `${N}/kh-ubnd`, `${N}/KH-UBND`]) {
      await page.goto(`/van-ban?q=${encodeURIComponent(typed)}`);
      expect((await listed(page))[0], typed).toBe(`${N}/KH-UBND`);
    }
    const plain = FILE_PHRASE.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase();
    await page.goto(`/van-ban?q=${encodeURIComponent(plain)}`);
    expect(await listed(page)).toEqual([`${N}/KH-UBND`]);
    await page.goto(`/van-ban?q=${encodeURIComponent(`${FILE_WORD.toLowerCase()} ban nhap`)}`);
    expect(await listed(page)).toEqual([]);
  });

  test('ignores bad filter values (200, never a 500) and pages within the cap', async ({ request }) => {
    const bad = [
      '/van-ban?loai=khong-co-loai-nay',
      '/van-ban?nam=abc',
      '/van-ban?nam=99999',
      '/van-ban?trang=-1',
      '/van-ban?trang=99999999999',
      '/van-ban?trang=abc',
      '/van-ban?loai=ke-hoach&loai=quyet-dinh',
      '/van-ban?q[]=x&co-quan[x]=y',
      `/van-ban?q=${'đ'.repeat(1_500)}`,
      `/van-ban?co-quan=${'a'.repeat(10_000)}`,
      '/van-ban?q=%00%01',
      '/van-ban?q=%27%3B%20drop%20table%20documents%3B--',
      '/van-ban?q=&loai=&co-quan=&linh-vuc=&nam=',
    ];
    for (const url of bad) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      expect(await response.text(), url).toContain('Tìm văn bản');
    }
    // The unknown slug is ignored: the whole registry, not an empty list.
    const ignored = await (await request.get(`${registry('')}&loai=khong-co-loai-nay`)).text();
    expect(ignored).toContain('Có 4 văn bản phù hợp.');
    // A page past the end of a filtered list says so and links back.
    const past = await (await request.get(registry('trang=3'))).text();
    expect(past.replace(/<!-- -->/g, '')).toContain('Trang 3 không có văn bản nào.');
  });

  test('works without JavaScript, from the cached first page', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/van-ban');
    await page.getByLabel('Tìm văn bản').fill(`${N} kh ubnd`);
    await page.getByRole('search', { name: 'Tra cứu văn bản' }).getByRole('button', { name: 'Tìm' }).click();
    await expect(page).toHaveURL(new RegExp(`q=${N}\\+kh\\+ubnd`));
    expect((await listed(page))[0]).toBe(`${N}/KH-UBND`);
    await page.getByLabel('Cơ quan ban hành').selectOption({ label: ISSUER });
    await page.getByLabel('Loại văn bản').selectOption({ label: 'Quyết định' });
    await page.getByLabel('Tìm văn bản').fill('');
    await page.getByRole('search', { name: 'Tra cứu văn bản' }).getByRole('button', { name: 'Tìm' }).click();
    expect(await listed(page)).toEqual([`${N}/QĐ-UBND`]);
    await context.close();
  });

  test('the first page is a cached page; a filtered one is rendered per request', async ({ request }) => {
    await request.get('/van-ban');
    const plain = await request.get('/van-ban');
    expect(plain.headers()['x-nextjs-cache']).toMatch(/HIT|STALE/);
    const filtered = await request.get(registry(''));
    expect(filtered.headers()['x-nextjs-cache']).toBeUndefined();
    expect(filtered.headers()['cache-control']).toContain('no-store');
  });
});

test.describe('a document page', () => {
  test('shows every field, the files, the state, the replaced document and the citing article', async ({ page }) => {
    const response = await page.goto(`/van-ban/${seeded.slugs.plan}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Kế hoạch ${N}/KH-UBND`);
    const field = (label: string) => page.locator(`dt:text-is("${label}") + dd`);
    await expect(field('Số/Ký hiệu')).toHaveText(`${N}/KH-UBND`);
    await expect(field('Loại văn bản')).toHaveText('Kế hoạch');
    await expect(field('Cơ quan ban hành')).toHaveText(ISSUER);
    await expect(field('Người ký')).toHaveText('Trần Thị Ký');
    await expect(field('Ngày ban hành')).toHaveText('10/02/2020');
    await expect(field('Ngày hiệu lực')).toHaveText('20/02/2020');
    await expect(field('Ngày hết hiệu lực')).toHaveCount(0);
    await expect(field('Lĩnh vực')).toHaveText(FIELD_A);
    await expect(field('Tình trạng hiệu lực')).toHaveText('Còn hiệu lực');
    await expect(page.getByTestId('document-state')).toHaveText('Còn hiệu lực');
    await expect(page.getByText(`Kế hoạch hỗ trợ người khuyết tật học nghề ${tag}`)).toBeVisible();
    await expect(field('Thay thế văn bản').getByRole('link')).toHaveAttribute('href', `/van-ban/${seeded.slugs.old}`);
    await expect(page.locator('li', { hasText: FILE_NAME }).getByText(`${FILE_NAME} (PDF,`)).toBeVisible();
    await expect(page.getByRole('link', { name: new RegExp(`^Tải về PDF .*${FILE_NAME}$`) })).toBeVisible();
    await expect(page.getByRole('link', { name: `Bài viết nói về kế hoạch ${N}` })).toHaveAttribute('href', `/bai-viet/${seeded.slugs.article}`);

    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Legislation',
      legislationIdentifier: `${N}/KH-UBND`,
      legislationType: 'Kế hoạch',
      legislationDate: '2020-02-10',
      legislationPassedBy: { '@type': 'Organization', name: ISSUER },
      legislationLegalForce: 'https://schema.org/InForce',
      abstract: `Kế hoạch hỗ trợ người khuyết tật học nghề ${tag}`,
      url: expect.stringMatching(new RegExp(`/van-ban/${seeded.slugs.plan}$`)),
      datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  test('says Hết hiệu lực after expiry and Chưa có hiệu lực before the effect date, and links back to its replacement', async ({ page }) => {
    await page.goto(`/van-ban/${seeded.slugs.old}`);
    await expect(page.getByTestId('document-state')).toHaveText('Hết hiệu lực');
    await expect(page.locator('dt:text-is("Ngày hết hiệu lực") + dd')).toHaveText('01/01/2021');
    await expect(page.locator('dt:text-is("Được thay thế bởi") + dd').getByRole('link')).toHaveAttribute('href', `/van-ban/${seeded.slugs.plan}`);
    const old = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(old.legislationLegalForce).toBe('https://schema.org/NotInForce');
    await page.goto(`/van-ban/${seeded.slugs.future}`);
    await expect(page.getByTestId('document-state')).toHaveText('Chưa có hiệu lực');
    await expect(page.locator('dt:text-is("Lĩnh vực")')).toHaveCount(0);
  });

  test('is a 404 for a draft and an unknown slug, and leaves nothing in the page cache for them', async ({ request }) => {
    expect((await request.get(`/van-ban/${seeded.slugs.draft}`)).status()).toBe(404);
    const marker = uniqueSlug('khong-co-van-ban');
    for (let n = 0; n < 30; n += 1) {
      const response = await request.get(`/van-ban/${marker}-${n}`);
      expect(response.status()).toBe(404);
    }
    const cacheDir = path.join(ROOT, '.next', 'server');
    const leftovers = readdirSync(cacheDir, { recursive: true }).filter((name) => String(name).includes(marker));
    expect(leftovers).toEqual([]);
  });
});

test.describe('downloads', () => {
  async function fileIds() {
    const rows = await e2eSql()<{ id: number; document_id: number; original_name: string }[]>`
      select id, document_id, original_name from document_files where document_id in (${seeded.ids.plan!}, ${seeded.ids.draft!}) order by id`;
    const of = (documentId: number, name: string) => rows.find((r) => r.document_id === documentId && r.original_name === name)!.id;
    return { main: of(seeded.ids.plan!, FILE_NAME), draft: of(seeded.ids.draft!, 'Nháp.pdf') };
  }

  test('give the exact bytes under the Vietnamese name, with their length, ETag and ranges', async ({ page, request }) => {
    await page.goto(`/van-ban/${seeded.slugs.plan}`);
    const href = await page.getByRole('link', { name: new RegExp(`^Tải về PDF .*${FILE_NAME}$`) }).getAttribute('href');
    const whole = await request.get(href!, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(whole.status()).toBe(200);
    const body = await whole.body();
    expect(Buffer.compare(body, Buffer.from(seeded.pdf))).toBe(0);
    const headers = whole.headers();
    expect(headers['content-type']).toBe('application/pdf');
    expect(headers['content-length']).toBe(String(seeded.pdf.length));
    expect(headers['content-encoding']).toBeUndefined();
    expect(headers['accept-ranges']).toBe('bytes');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-newsroom-content-length']).toBeUndefined();
    expect(headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    const disposition = parseDisposition(headers['content-disposition']!);
    expect(disposition.type).toBe('attachment');
    expect(disposition.parameters.filename).toBe(FILE_NAME);

    const range = await request.get(href!, { headers: { range: 'bytes=100-1099' } });
    expect(range.status()).toBe(206);
    expect(range.headers()['content-range']).toBe(`bytes 100-1099/${seeded.pdf.length}`);
    expect(range.headers()['content-length']).toBe('1000');
    expect(Buffer.compare(await range.body(), Buffer.from(seeded.pdf.subarray(100, 1100)))).toBe(0);
    expect((await request.get(href!, { headers: { range: `bytes=${seeded.pdf.length + 10}-` } })).status()).toBe(416);
    expect((await request.get(href!, { headers: { 'if-none-match': headers.etag! } })).status()).toBe(304);
    const head = await request.head(href!);
    expect(head.status()).toBe(200);
    expect(head.headers()['content-length']).toBe(String(seeded.pdf.length));
  });

  test('a draft’s file is a 404 for readers and served to a signed-in member of the newsroom', async ({ page, request }) => {
    const { draft } = await fileIds();
    expect((await request.get(`/van-ban/tep/${draft}/nhap.pdf`)).status()).toBe(404);
    const reporter = await createUser('reporter', 'vb-xem');
    await signInAs(page, reporter);
    const staff = await page.request.get(`/van-ban/tep/${draft}/nhap.pdf`);
    expect(staff.status()).toBe(200);
    expect(staff.headers()['cache-control']).toContain('no-store');
    expect(Buffer.compare(await staff.body(), Buffer.from(seeded.pdf))).toBe(0);
  });

  test('hostile ids and paths are a 404, never a 500', async ({ request }) => {
    for (const url of [
      '/van-ban/tep/abc/x.pdf',
      '/van-ban/tep/0/x.pdf',
      '/van-ban/tep/-1/x.pdf',
      '/van-ban/tep/1e3/x.pdf',
      '/van-ban/tep/0001/x.pdf',
      '/van-ban/tep/99999999999999999999/x.pdf',
      '/van-ban/tep/2147483648/x.pdf',
      '/van-ban/tep/2147483647/x.pdf',
      '/van-ban/tep/..%2F..%2Fetc%2Fpasswd/x',
    ]) {
      expect((await request.get(url)).status(), url).toBe(404);
    }
    // The name segment is decorative: a path in it names nothing on disk, the id decides.
    const { main } = await fileIds();
    const tricked = await request.get(`/van-ban/tep/${main}/..%2F..%2F..%2Fetc%2Fpasswd`);
    expect(tricked.status()).toBe(200);
    expect(Buffer.compare(await tricked.body(), Buffer.from(seeded.pdf))).toBe(0);
  });
});

test.describe('accessibility', () => {
  for (const which of ['registry', 'filtered registry', 'document page'] as const) {
    test(`axe finds no violations on the ${which}`, async ({ page }) => {
      const url = which === 'registry' ? '/van-ban' : which === 'filtered registry' ? registry('q=ke+hoach') : `/van-ban/${seeded.slugs.plan}`;
      await page.goto(url);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
