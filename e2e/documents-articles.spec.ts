// Văn bản liên quan in real Chromium against `npm start`: the article editor finds documents by
// a loose number and by words without accents, attaches and reorders them (mouse and keyboard
// only), the published article lists them in that order, the sitemap names them, and
// /van-ban/rss.xml is strict XML. (Its newest items are proven against PostgreSQL in
// app/(site)/van-ban/rss.xml/document-feeds.test.ts: documents here are inserted straight into
// the database, which refreshes no cached feed.)
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { findAll, parseStrictXml } from '../testing/strict-xml';
import { createUser, e2eSql, insertDocument, signInAs, uniqueSlug } from './fixtures';

const token = () => Math.random().toString(36).slice(2, 8).replace(/\d/g, 'x');

/** Two published documents with unique numbers and a unique word in one abstract. */
async function twoDocuments() {
  const n = 10_000 + Math.floor(Math.random() * 80_000);
  const word = `hoasua${token()}`;
  const plan = { number: `${n}/KH-UBND`, abstract: `Kế hoạch thực hiện chính sách đối với người khuyết tật năm ${n}`, slug: uniqueSlug(`${n}-kh-ubnd`) };
  const decision = { number: `${n + 1}/QĐ-UBND`, abstract: `Quyết định hỗ trợ học sinh vùng lũ đường ${word}`, slug: uniqueSlug(`${n + 1}-qd-ubnd`), word };
  await insertDocument({ ...plan, issuedOn: '2026-02-01' });
  await insertDocument({ ...decision, type: 'Quyết định', issuedOn: '2026-03-15' });
  return { plan, decision };
}

async function startArticle(page: Page, title: string) {
  await page.goto('/dashboard/articles/new');
  await page.getByLabel('Tiêu đề').fill(title);
  await page.getByLabel('Tóm tắt').fill('Bài viết trích dẫn văn bản.');
  await page.getByRole('textbox', { name: 'Nội dung' }).click();
  await page.keyboard.type('Nội dung bài viết có văn bản liên quan.');
  await page.getByLabel('Chuyên mục').selectOption({ label: 'Thời sự' });
}

const picker = (page: Page) => page.getByRole('combobox', { name: 'Văn bản liên quan', exact: true });
const options = (page: Page) => page.getByRole('listbox', { name: 'Kết quả tìm văn bản liên quan' }).getByRole('option');
const chosen = (page: Page) => page.getByRole('list', { name: 'Văn bản liên quan: đã chọn' }).getByRole('listitem');

test.describe('articles citing documents', () => {
  test('find by a loose number and by a word without accents, attach two, reorder, publish: the article lists them in order', async ({ page, request }) => {
    const { plan, decision } = await twoDocuments();
    await signInAs(page, await createUser('editor'));
    const title = `Bài trích văn bản ${Date.now()}`;
    await startArticle(page, title);

    // A loose number: spaces for the slash and dash, lower case.
    await picker(page).fill(plan.number.replace('/', ' ').replace('-', ' ').toLowerCase());
    await expect(options(page).filter({ hasText: plan.number })).toBeVisible();
    await options(page).filter({ hasText: plan.number }).click();
    await expect(chosen(page)).toHaveCount(1);
    await expect(picker(page)).toHaveValue('');

    // Words of the abstract, no accents.
    await picker(page).fill(`ho tro hoc sinh vung lu duong ${decision.word}`);
    await expect(options(page)).toHaveCount(1);
    await expect(page.getByRole('status').filter({ hasText: 'Tìm thấy 1 văn bản' })).toBeAttached();
    await options(page).filter({ hasText: decision.number }).click();
    await expect(chosen(page)).toHaveText([new RegExp(plan.number), new RegExp(decision.number)]);

    // The one chosen is no longer offered.
    await picker(page).fill(plan.number);
    await expect(page.getByText('Không tìm thấy văn bản nào.').first()).toBeVisible();
    await picker(page).press('Escape');
    await picker(page).press('Escape');
    await expect(picker(page)).toHaveValue('');

    await page.getByRole('button', { name: `Đưa ${decision.number} lên` }).click();
    await expect(chosen(page)).toHaveText([new RegExp(decision.number), new RegExp(plan.number)]);
    await expect(page.getByRole('button', { name: `Đưa ${decision.number} xuống` })).toBeFocused();

    await page.getByRole('button', { name: 'Xuất bản' }).click();
    await expect(page.getByText(/Phiên bản 1 ·/)).toBeVisible();
    // Saved in that order, and shown again in the editor.
    await expect(chosen(page)).toHaveText([new RegExp(decision.number), new RegExp(plan.number)]);
    const slug = await page.getByLabel('Đường dẫn').inputValue();

    await page.goto(`/bai-viet/${slug}`);
    const section = page.getByRole('region', { name: 'Văn bản liên quan' });
    await expect(section.getByRole('heading', { level: 2, name: 'Văn bản liên quan' })).toBeVisible();
    const items = section.getByRole('listitem');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText(`Quyết định số ${decision.number}`);
    await expect(items.nth(0)).toContainText('ngày 15/03/2026');
    await expect(items.nth(0)).toContainText(decision.abstract);
    await expect(items.nth(1)).toContainText(`Kế hoạch số ${plan.number}`);
    await expect(items.nth(1)).toContainText('ngày 01/02/2026');
    await expect(items.nth(0).getByRole('link')).toHaveAttribute('href', `/van-ban/${decision.slug}`);
    await expect(items.nth(1).getByRole('link')).toHaveAttribute('href', `/van-ban/${plan.slug}`);

    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // The publish refreshed the sitemap, which now names the documents (and the registry).
    const locs = findAll(parseStrictXml(await (await request.get('/sitemap.xml')).text()), 'loc').map((l) => l.text);
    expect(locs.some((l) => l.endsWith(`/van-ban/${plan.slug}`))).toBe(true);
    expect(locs.some((l) => l.endsWith(`/van-ban/${decision.slug}`))).toBe(true);
    expect(locs.some((l) => l.endsWith('/van-ban'))).toBe(true);

    // The rows behind it: positions in the editor's order.
    const rows = await e2eSql()<{ slug: string; position: number }[]>`
      select d.slug, ad.position from article_documents ad join articles a on a.id = ad.article_id join documents d on d.id = ad.document_id
       where a.slug = ${slug} order by ad.position`;
    expect(rows.map((r) => [r.slug, r.position])).toEqual([[decision.slug, 0], [plan.slug, 1]]);
  });

  test('keyboard only: arrows, Enter, Escape, and the buttons of the chosen list', async ({ page }) => {
    const { plan, decision } = await twoDocuments();
    await signInAs(page, await createUser('reporter'));
    await startArticle(page, `Bài bàn phím ${Date.now()}`);

    // From the field before it, by Tab, as a keyboard user arrives.
    await page.getByLabel('Thẻ').focus();
    await page.keyboard.press('Tab');
    await expect(picker(page)).toBeFocused();
    await page.keyboard.type(String(parseInt(plan.number, 10)).slice(0, 4));
    await expect(picker(page)).toHaveAttribute('aria-expanded', 'true');
    const found = options(page);
    await expect(found.first()).toBeVisible();
    const count = await found.count();
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(10);

    // ↓ marks the first option (aria-activedescendant), ↑ from the first wraps to the last.
    await page.keyboard.press('ArrowDown');
    const first = await found.nth(0).getAttribute('id');
    await expect(picker(page)).toHaveAttribute('aria-activedescendant', first ?? '');
    await expect(found.nth(0)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
    await expect(found.nth(count - 1)).toHaveAttribute('aria-selected', 'true');
    // The combobox, open with an active option, is valid ARIA and WCAG 2.1 AA.
    const open = await new AxeBuilder({ page }).include('[data-document-picker="documentIds"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(open.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(picker(page)).toHaveAttribute('aria-expanded', 'false');
    await expect(picker(page)).not.toHaveAttribute('aria-activedescendant');

    // Enter chooses and does not submit the article.
    await picker(page).fill('');
    await page.keyboard.type(plan.number);
    await expect(options(page).filter({ hasText: plan.number })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(chosen(page)).toHaveText([new RegExp(plan.number)]);
    expect(page.url()).toMatch(/\/dashboard\/articles\/new$/);
    await expect(page.getByRole('status').filter({ hasText: `Đã chọn ${plan.number}` })).toBeAttached();
    await expect(picker(page)).toBeFocused();

    await page.keyboard.type(`vung lu ${decision.word}`);
    await expect(options(page)).toHaveCount(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(chosen(page)).toHaveText([new RegExp(plan.number), new RegExp(decision.number)]);

    // Tab into the chosen list: the first item's "up" is disabled, so focus meets "down".
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: `Đưa ${plan.number} xuống` })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(chosen(page)).toHaveText([new RegExp(decision.number), new RegExp(plan.number)]);
    await expect(page.getByRole('button', { name: `Đưa ${plan.number} lên` })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: `Bỏ ${plan.number}` })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(chosen(page)).toHaveText([new RegExp(decision.number)]);
    await expect(page.getByRole('status').filter({ hasText: `Đã bỏ ${plan.number}` })).toBeAttached();
    const withChoice = await new AxeBuilder({ page }).include('[data-document-picker="documentIds"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(withChoice.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // A reporter saves the draft with its document; the choice is kept.
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect(page.getByText(/Phiên bản 1 ·/)).toBeVisible();
    await expect(chosen(page)).toHaveText([new RegExp(decision.number)]);
  });

  test('the choice survives a reload through the local backup', async ({ page }) => {
    const { plan } = await twoDocuments();
    await signInAs(page, await createUser('editor'));
    await startArticle(page, `Bài lưu tạm ${Date.now()}`);
    await picker(page).fill(plan.number);
    await options(page).filter({ hasText: plan.number }).click();
    await expect(chosen(page)).toHaveCount(1);
    await page.reload();
    await page.getByRole('button', { name: 'Khôi phục bản lưu tạm' }).click();
    await expect(chosen(page)).toHaveText([new RegExp(plan.number)]);
  });

  test('/van-ban/rss.xml is strict RSS naming only published documents', async ({ request }) => {
    const response = await request.get('/van-ban/rss.xml');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/rss+xml; charset=utf-8');
    const doc = parseStrictXml(await response.text());
    expect(findAll(doc, 'channel')).toHaveLength(1);
    const published = new Set((await e2eSql()<{ slug: string }[]>`select slug from documents where status = 'published'`).map((r) => r.slug));
    for (const item of findAll(doc, 'item')) {
      const link = item.children.find((c) => c.name === 'link')?.text ?? '';
      expect(published.has(link.split('/van-ban/')[1] ?? '')).toBe(true);
    }
  });
});
