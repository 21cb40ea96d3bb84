// Corrections (Đính chính, issue 16), end to end under `npm start`: an editor adds one to a
// published article from its editor page, and at once the article shows it at its top
// (`HH:mm dd/MM/yyyy`), its JSON-LD has it (CorrectionComment) with dateModified, its feed items
// and the sitemap changed, and /dinh-chinh lists it, newest first. An edit keeps the history.
// Reporters get no form; an article taken down refuses; all without JavaScript too.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { formatPublishTime, toVietnamIso } from '../lib/dates';
import { createUser, e2eSql, insertArticle, signInAs, uniqueSlug } from './fixtures';

const xml = new XMLParser({ ignoreAttributes: false });
const NOT_PUBLISHED = 'Chỉ thêm hoặc sửa đính chính được khi bài đang xuất bản.';

async function sectionId(slug: string): Promise<number> {
  const [row] = await e2eSql()<{ id: number }[]>`select id from sections where slug = ${slug}`;
  if (!row) throw new Error(`no section ${slug}`);
  return row.id;
}

async function freshArticle(title: string) {
  const slug = uniqueSlug('dinh-chinh');
  // Published a while ago and last saved then, so a correction is the latest change.
  const publishedAt = new Date(Date.now() - 3_600_000);
  const id = await insertArticle({ slug, title, sectionId: await sectionId('thoi-su'), publishedAt, bodyHtml: '<p>Thân bài cần đính chính.</p>' });
  await e2eSql()`update articles set updated_at = ${publishedAt.toISOString()} where id = ${id}`;
  return { id, slug, publishedAt };
}

const correctionsOf = (articleId: number) =>
  e2eSql()<{ id: number; body: string; version: number; created_at: Date; updated_at: Date }[]>`
    select id, body, version, created_at, updated_at from article_corrections where article_id = ${articleId} order by id`;

/** The RSS item of an article (by its address), parsed. */
async function feedItem(request: APIRequestContext, feed: string, slug: string) {
  const doc = xml.parse(await (await request.get(feed)).text());
  const items = [doc.rss.channel.item].flat() as { guid: { '#text': string }; pubDate: string; description: string; 'atom:updated'?: string; link: string }[];
  return items.find((i) => i.link.endsWith(`/bai-viet/${slug}`));
}

async function sitemapLastmod(request: APIRequestContext, slug: string): Promise<string | undefined> {
  const doc = xml.parse(await (await request.get('/sitemap.xml')).text());
  const urls = [doc.urlset.url].flat() as { loc: string; lastmod?: string }[];
  return urls.find((u) => u.loc.endsWith(`/bai-viet/${slug}`))?.lastmod;
}

async function addCorrection(page: Page, articleId: number, text: string) {
  await page.goto(`/dashboard/articles/${articleId}`);
  await page.getByLabel('Nội dung đính chính', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Thêm đính chính' }).click();
  await expect(page.getByText('Đã thêm đính chính')).toBeVisible();
}

test.describe('corrections', () => {
  test('an editor adds a correction: the article box, JSON-LD, feeds, sitemap and /dinh-chinh change at once', async ({ page, request }) => {
    const title = `Bài cần đính chính ${Date.now()}`;
    const article = await freshArticle(title);
    // Warm every cached copy first, so freshness is proven against it.
    for (const path of [`/bai-viet/${article.slug}`, '/rss.xml', '/chuyen-muc/thoi-su/rss.xml', '/sitemap.xml', '/dinh-chinh']) {
      expect((await request.get(path)).status(), path).toBe(200);
    }

    await signInAs(page, await createUser('editor'));
    await page.goto(`/dashboard/articles/${article.id}`);
    // An empty correction: the message beside the field.
    await page.getByRole('button', { name: 'Thêm đính chính' }).click();
    await expect(page.locator('#dinh-chinh-moi-loi')).toHaveText('Vui lòng nhập nội dung đính chính.');
    // Too long (past the maxlength a person would hit): refused beside the field, the typing kept.
    await page.locator('#dinh-chinh-moi').evaluate((el) => el.removeAttribute('maxlength'));
    const long = 'Quá dài. '.repeat(250);
    await page.getByLabel('Nội dung đính chính', { exact: true }).fill(long);
    await page.getByRole('button', { name: 'Thêm đính chính' }).click();
    await expect(page.locator('#dinh-chinh-moi-loi')).toHaveText('Nội dung đính chính tối đa 2.000 ký tự.');
    await expect(page.getByLabel('Nội dung đính chính', { exact: true })).toHaveValue(long);
    expect(await correctionsOf(article.id)).toEqual([]);

    const text = 'Bài viết ghi nhầm <b>số liệu</b>: tỷ lệ đúng là 12% & không phải 21%.';
    const clicked = Date.now();
    await page.getByLabel('Nội dung đính chính', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Thêm đính chính' }).click();
    await expect(page.getByText('Đã thêm đính chính')).toBeVisible();
    await expect(page.getByLabel('Nội dung đính chính', { exact: true })).toHaveValue('');
    const [correction] = await correctionsOf(article.id);
    expect(correction?.body).toBe(text);
    const time = formatPublishTime(correction!.created_at);
    expect(time).toMatch(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
    // The editor's list: its time and author.
    await expect(page.locator('.corrections-admin__item').first()).toContainText(time);
    await expect(page.locator('.corrections-admin__item').first()).toContainText(text);

    // The public page, at once (the first request after the action): the box before the body.
    const response = await request.get(`/bai-viet/${article.slug}`);
    expect(Date.now() - clicked).toBeLessThan(10_000);
    expect(await response.text()).toContain('Đính chính');
    await page.goto(`/bai-viet/${article.slug}`);
    const box = page.getByRole('complementary', { name: 'Đính chính' });
    await expect(box).toBeVisible();
    await expect(box).toContainText(time);
    // Escaped plain text: the markup is shown as typed, never made bold.
    await expect(box.locator('.article__correction-text')).toHaveText(text);
    await expect(box.locator('b')).toHaveCount(0);
    expect(await box.evaluate((el) => Boolean(el.compareDocumentPosition(document.querySelector('.article__body')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);

    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(ld.correction).toEqual([{ '@type': 'CorrectionComment', text, datePublished: toVietnamIso(correction!.created_at) }]);
    expect(ld.dateModified).toBe(toVietnamIso(correction!.updated_at));
    expect(ld.datePublished).toBe(toVietnamIso(article.publishedAt));

    // The feeds: same guid and pubDate, atom:updated and the correction before the lead.
    for (const feed of ['/rss.xml', '/chuyen-muc/thoi-su/rss.xml']) {
      const item = await feedItem(request, feed, article.slug);
      expect(item, feed).toBeDefined();
      // The guid and pubDate an item has had since it was published (lib/feeds.ts).
      expect(item!.guid['#text']).toBe(item!.link);
      expect(item!.link).toMatch(new RegExp(`/bai-viet/${article.slug}$`));
      expect(item!.pubDate).toBe(article.publishedAt.toUTCString().replace(/\.\d+/, ''));
      expect(new Date(item!['atom:updated']!).getTime()).toBe(correction!.updated_at.getTime());
      expect(item!.description).toContain(`Đính chính (${time}): ${text}`);
    }
    const lastmod = await sitemapLastmod(request, article.slug);
    expect(new Date(lastmod!).getTime()).toBe(correction!.updated_at.getTime());

    // /dinh-chinh: newest first, the title linked, the text.
    const other = await freshArticle(`Bài thứ hai ${Date.now()}`);
    await addCorrection(page, other.id, 'Đính chính thứ hai, mới hơn.');
    await page.goto('/dinh-chinh');
    const items = page.locator('.corrections-list > li');
    await expect(items.nth(0)).toContainText('Đính chính thứ hai, mới hơn.');
    await expect(items.nth(1)).toContainText(text);
    await expect(items.nth(1)).toContainText(time);
    await expect(items.nth(1).getByRole('link', { name: title })).toHaveAttribute('href', `/bai-viet/${article.slug}`);
    // A bad page number is the first page; a page past the end is a 404.
    expect(await (await request.get('/dinh-chinh?trang=abc')).text()).toContain('Đính chính thứ hai, mới hơn.');
    expect((await request.get('/dinh-chinh?trang=99999')).status()).toBe(404);
    await expect(page.locator('footer').getByRole('link', { name: 'Đính chính' })).toHaveAttribute('href', '/dinh-chinh');

    const audit = await e2eSql()`select action, details from audit_log where entity_type = 'article' and entity_id = ${String(article.id)} order by id`;
    expect(audit.map((a) => [a.action, a.details.correctionId])).toEqual([['article.correction.add', correction!.id]]);
  });

  test('an edit keeps the old text in the history, needs a reason, and shows as edited', async ({ page, request }) => {
    const article = await freshArticle(`Bài sửa đính chính ${Date.now()}`);
    await signInAs(page, await createUser('editor'));
    await addCorrection(page, article.id, 'Bản đầu của đính chính.');
    const [first] = await correctionsOf(article.id);
    await page.getByText('Sửa đính chính này').click();
    const body = page.locator(`#dinh-chinh-${first!.id}-noi-dung`);
    await body.fill('Bản đã sửa của đính chính.');
    await page.getByRole('button', { name: 'Lưu sửa đổi' }).click();
    await expect(page.locator(`#dinh-chinh-${first!.id}-ly-do-loi`)).toHaveText('Vui lòng nhập lý do sửa.');
    await expect(body).toHaveValue('Bản đã sửa của đính chính.');
    await page.locator(`#dinh-chinh-${first!.id}-ly-do`).fill('Ghi nhầm tên cơ quan');
    await page.getByRole('button', { name: 'Lưu sửa đổi' }).click();
    await expect(page.getByText('Đã sửa đính chính (phiên bản 2)')).toBeVisible();
    await page.getByText('Lịch sử (2 phiên bản)').click();
    await expect(page.locator('.corrections-admin__versions')).toContainText('Bản đầu của đính chính.');
    await expect(page.locator('.corrections-admin__versions')).toContainText('Lý do: Ghi nhầm tên cơ quan');
    const versions = await e2eSql()`select version, body, reason from article_correction_versions where correction_id = ${first!.id} order by version`;
    expect(versions.map((v) => [v.version, v.body, v.reason])).toEqual([
      [1, 'Bản đầu của đính chính.', ''],
      [2, 'Bản đã sửa của đính chính.', 'Ghi nhầm tên cơ quan'],
    ]);
    const [edited] = await correctionsOf(article.id);
    const html = await (await request.get(`/bai-viet/${article.slug}`)).text();
    expect(html).toContain('Bản đã sửa của đính chính.');
    expect(html).not.toContain('Bản đầu của đính chính.');
    await page.goto(`/bai-viet/${article.slug}`);
    const box = page.getByRole('complementary', { name: 'Đính chính' });
    await expect(box).toContainText(`${formatPublishTime(edited!.created_at)} (sửa lúc ${formatPublishTime(edited!.updated_at)})`);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(ld.correction[0]).toMatchObject({ text: 'Bản đã sửa của đính chính.', dateModified: toVietnamIso(edited!.updated_at) });
    const audit = await e2eSql()`select action from audit_log where entity_type = 'article' and entity_id = ${String(article.id)} order by id`;
    expect(audit.map((a) => a.action)).toEqual(['article.correction.add', 'article.correction.edit']);
  });

  test('without JavaScript: added and edited, errors beside the field, the typing kept', async ({ browser }) => {
    const editor = await createUser('editor');
    const article = await freshArticle(`Bài không JS ${Date.now()}`);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, editor);
    await page.goto(`/dashboard/articles/${article.id}`);
    await page.getByRole('button', { name: 'Thêm đính chính' }).click();
    await expect(page.locator('#dinh-chinh-moi-loi')).toHaveText('Vui lòng nhập nội dung đính chính.');
    await page.getByLabel('Nội dung đính chính', { exact: true }).fill('Gửi không cần JavaScript.');
    await page.getByRole('button', { name: 'Thêm đính chính' }).click();
    await expect(page.getByText('Đã thêm đính chính')).toBeVisible();
    const [correction] = await correctionsOf(article.id);
    expect(correction?.body).toBe('Gửi không cần JavaScript.');

    // An edit without its reason: refused beside the reason, the new text kept, the form open.
    await page.getByText('Sửa đính chính này').click();
    await page.locator(`#dinh-chinh-${correction!.id}-noi-dung`).fill('Sửa không cần JavaScript.');
    await page.getByRole('button', { name: 'Lưu sửa đổi' }).click();
    await expect(page.locator(`#dinh-chinh-${correction!.id}-ly-do-loi`)).toHaveText('Vui lòng nhập lý do sửa.');
    await expect(page.locator(`#dinh-chinh-${correction!.id}-noi-dung`)).toHaveValue('Sửa không cần JavaScript.');
    await page.locator(`#dinh-chinh-${correction!.id}-ly-do`).fill('Thử không JavaScript');
    await page.getByRole('button', { name: 'Lưu sửa đổi' }).click();
    await expect(page.getByText('Đã sửa đính chính (phiên bản 2)')).toBeVisible();
    expect((await correctionsOf(article.id)).map((c) => [c.body, c.version])).toEqual([['Sửa không cần JavaScript.', 2]]);
    await context.close();
  });

  test('an article taken down while the form is open refuses, with the reason and the typing kept', async ({ page }) => {
    const article = await freshArticle(`Bài bị gỡ ${Date.now()}`);
    await signInAs(page, await createUser('editor'));
    await page.goto(`/dashboard/articles/${article.id}`);
    await page.getByLabel('Nội dung đính chính', { exact: true }).fill('Đính chính sau khi gỡ.');
    await e2eSql()`update articles set status = 'unpublished' where id = ${article.id}`;
    await page.getByRole('button', { name: 'Thêm đính chính' }).click();
    await expect(page.locator('.correction-form').getByText(NOT_PUBLISHED)).toBeVisible();
    await expect(page.getByLabel('Nội dung đính chính', { exact: true })).toHaveValue('Đính chính sau khi gỡ.');
    expect(await correctionsOf(article.id)).toEqual([]);
  });

  test('a reporter gets no corrections section, even on their own published article', async ({ page }) => {
    const reporter = await createUser('reporter');
    const article = await freshArticle(`Bài của phóng viên ${Date.now()}`);
    await e2eSql()`update articles set created_by = ${reporter.id} where id = ${article.id}`;
    await signInAs(page, reporter);
    await page.goto(`/dashboard/articles/${article.id}`);
    await expect(page.getByRole('heading', { name: 'Sửa bài viết' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Thêm đính chính' })).toHaveCount(0);
    await expect(page.getByLabel('Nội dung đính chính', { exact: true })).toHaveCount(0);
  });

  test('a draft takes no correction', async ({ page }) => {
    const slug = uniqueSlug('nhap-dinh-chinh');
    const id = await insertArticle({ slug, title: 'Bản nháp', status: 'draft' });
    await signInAs(page, await createUser('editor'));
    await page.goto(`/dashboard/articles/${id}`);
    await expect(page.getByRole('heading', { name: 'Sửa bài viết' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Thêm đính chính' })).toHaveCount(0);
  });

  test('axe finds no violations on /dinh-chinh and on an article with a correction', async ({ page }) => {
    const article = await freshArticle(`Bài kiểm tra trợ năng ${Date.now()}`);
    await signInAs(page, await createUser('editor'));
    await addCorrection(page, article.id, 'Đính chính để kiểm tra trợ năng.\nDòng thứ hai.');
    for (const path of ['/dinh-chinh', `/bai-viet/${article.slug}`, `/dashboard/articles/${article.id}`]) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), path).toEqual([]);
    }
  });
});
