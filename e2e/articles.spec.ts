import { expect, test, type Page } from '@playwright/test';
import { createUser, e2eSql, insertArticle, signInAs, uniqueSlug } from './fixtures';

async function writeArticle(page: Page, fields: { title: string; lead?: string; body?: string; tags?: string; publishedAt?: string }) {
  await page.goto('/dashboard/articles/new');
  await page.getByLabel('Tiêu đề').fill(fields.title);
  await page.getByLabel('Tóm tắt').fill(fields.lead ?? 'Tóm tắt bài viết kiểm thử đầu cuối.');
  const body = page.getByRole('textbox', { name: 'Nội dung' });
  await body.click();
  await page.keyboard.type(fields.body ?? 'Đoạn nội dung đầu tiên của bài viết.');
  await page.getByLabel('Chuyên mục').selectOption({ label: 'Thời sự' });
  await page.getByLabel('Thẻ').fill(fields.tags ?? 'Kiểm thử, Tin nhanh');
  if (fields.publishedAt) await page.getByLabel('Thời gian xuất bản').fill(fields.publishedAt);
}

/** Clicks a workflow button and waits for the saved page to show the new version. */
async function submitAndWait(page: Page, button: string, version: number) {
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByText(new RegExp(`Phiên bản ${version} ·`))).toBeVisible();
}

const idFromUrl = (page: Page) => Number(/\/dashboard\/articles\/(\d+)/.exec(page.url())?.[1]);

test.describe('newsroom articles', () => {
  test('the slug is made from the title: đ→d, accents dropped', async ({ page }) => {
    await signInAs(page, await createUser('editor'));
    await page.goto('/dashboard/articles/new');
    await page.getByLabel('Tiêu đề').fill('Đường phố Đẹp hơn sau Ủy ban họp');
    await expect(page.getByLabel('Đường dẫn')).toHaveValue('duong-pho-dep-hon-sau-uy-ban-hop');
  });

  test('publish, edit live, change the slug, unpublish: the first public request after each is fresh', async ({ page, request }) => {
    await signInAs(page, await createUser('editor'));
    const stamp = Date.now();
    const title = `Tin xuất bản ngay ${stamp}`;
    await writeArticle(page, { title });
    await submitAndWait(page, 'Xuất bản', 1);
    await expect(page.getByRole('status').filter({ hasText: 'bài đang hiển thị' })).toBeVisible();
    const slug = await page.getByLabel('Đường dẫn').inputValue();

    // Warm the caches first, so freshness is proven against a cached copy.
    expect((await request.get(`/bai-viet/${slug}`)).status()).toBe(200);
    expect(await (await request.get('/')).text()).toContain(title);
    expect(await (await request.get('/chuyen-muc/thoi-su')).text()).toContain(title);
    expect(await (await request.get('/rss.xml')).text()).toContain(title);

    const edited = `Tin đã sửa ${stamp}`;
    await page.getByLabel('Tiêu đề').fill(edited);
    await page.getByLabel('Đường dẫn').fill(slug);
    await submitAndWait(page, 'Xuất bản', 2);
    expect(await (await request.get(`/bai-viet/${slug}`)).text()).toContain(edited);
    expect(await (await request.get('/')).text()).toContain(edited);

    const newSlug = `${slug}-moi`;
    await page.getByLabel('Đường dẫn').fill(newSlug);
    await submitAndWait(page, 'Xuất bản', 3);
    // The launcher's redirect map (lib/public-routing.mjs) reloads once a second.
    await expect.poll(async () => (await request.get(`/bai-viet/${slug}`, { maxRedirects: 0 })).status(), { timeout: 3_000 }).toBe(301);
    const moved = await request.get(`/bai-viet/${slug}`, { maxRedirects: 0 });
    expect(moved.headers().location).toContain(`/bai-viet/${newSlug}`);
    expect((await request.get(`/bai-viet/${newSlug}`)).status()).toBe(200);
    expect(await (await request.get('/sitemap.xml')).text()).toContain(newSlug);

    await submitAndWait(page, 'Gỡ bài', 4);
    await expect(page.getByRole('status').filter({ hasText: 'Đã gỡ bài' })).toBeVisible();
    expect((await request.get(`/bai-viet/${newSlug}`)).status()).toBe(404);
    expect(await (await request.get('/')).text()).not.toContain(edited);
    expect(await (await request.get('/rss.xml')).text()).not.toContain(edited);
    expect(await (await request.get('/chuyen-muc/thoi-su')).text()).not.toContain(edited);
    expect(await (await request.get('/sitemap.xml')).text()).not.toContain(newSlug);
    const audit = await e2eSql()`select action from audit_log where entity_type = 'article' and entity_id = ${String(idFromUrl(page))} order by id`;
    expect(audit.map((a) => a.action)).toEqual(['article.publish', 'article.unpublish']);
  });

  test('a reporter writes and submits for review but cannot publish, nor open others’ articles', async ({ page }) => {
    await signInAs(page, await createUser('reporter'));
    await writeArticle(page, { title: `Bài của phóng viên ${Date.now()}` });
    await expect(page.getByRole('button', { name: 'Xuất bản' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã gửi duyệt' })).toBeVisible();
    const [row] = await e2eSql()`select status from articles where id = ${idFromUrl(page)}`;
    expect(row?.status).toBe('review');
    const [other] = await e2eSql()`select id from articles where created_by is distinct from (select created_by from articles where id = ${idFromUrl(page)}) limit 1`;
    expect((await page.goto(`/dashboard/articles/${other?.id}`))?.status()).toBe(404);
    await page.goto('/dashboard/articles');
    expect(await page.locator('tbody tr').count()).toBe(1);
  });

  test('two people saving the same article: the second is told, and keeps the text', async ({ browser }) => {
    const editor = await createUser('editor');
    const first = await (await browser.newContext()).newPage();
    const second = await (await browser.newContext()).newPage();
    await signInAs(first, editor);
    await signInAs(second, editor);
    await writeArticle(first, { title: `Bài tranh chấp ${Date.now()}` });
    await first.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect(first.getByRole('status').filter({ hasText: 'Đã lưu bản nháp' })).toBeVisible();
    const url = first.url().split('?')[0]!;
    await second.goto(url);
    await first.getByLabel('Tóm tắt').fill('Người thứ nhất lưu trước.');
    await submitAndWait(first, 'Lưu nháp', 2);

    await second.getByLabel('Tóm tắt').fill('Người thứ hai viết đoạn này và không được mất.');
    await second.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect(second.locator('.form-message--error')).toContainText('vừa được người khác lưu');
    await expect(second.getByLabel('Tóm tắt')).toHaveValue('Người thứ hai viết đoạn này và không được mất.');
    await expect(second.getByRole('link', { name: /Xem phiên bản mới hơn/ })).toBeVisible();
  });

  test('revisions are listed, compared and restored (restoring is a new revision)', async ({ page }) => {
    await signInAs(page, await createUser('editor'));
    const original = `Tiêu đề gốc ${Date.now()}`;
    await writeArticle(page, { title: original });
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu bản nháp' })).toBeVisible();
    await page.getByLabel('Tiêu đề').fill(`${original} đã sửa`);
    await submitAndWait(page, 'Lưu nháp', 2);

    await page.getByRole('link', { name: 'Lịch sử phiên bản' }).click();
    await expect(page.locator('tbody tr')).toHaveCount(2);
    await page.getByRole('link', { name: 'Phiên bản 1' }).click();
    await expect(page.locator('.diff ins').first()).toContainText('đã sửa');
    await page.getByRole('button', { name: 'Khôi phục phiên bản này' }).click();
    await expect(page.getByLabel('Tiêu đề')).toHaveValue(original);
    const revisions = await e2eSql()`select version from article_revisions where article_id = ${idFromUrl(page)} order by version`;
    expect(revisions.map((r) => r.version)).toEqual([1, 2, 3]);
  });

  test('a publish moves the later pages of its section on at once', async ({ page, request }) => {
    const sql = e2eSql();
    const [section] = await sql<{ id: number }[]>`select id from sections where slug = 'thoi-su'`;
    // Enough older articles for a second page of 20, whatever other tests published.
    const stamp = Date.now();
    for (let i = 0; i < 21; i++) {
      await insertArticle({ slug: uniqueSlug(`tin-cu-${i}`), title: `Tin cũ ${i} ${stamp}`, sectionId: section!.id, publishedAt: new Date(stamp - (i + 1) * 86_400_000) });
    }
    // The last article of page 1: after one more is published it opens page 2.
    const [last] = await sql<{ title: string }[]>`
      select title from articles where section_id = ${section!.id} and status = 'published' and published_at <= now()
       order by published_at desc, id desc offset 19 limit 1`;
    const pageTwo = async () => (await request.get('/chuyen-muc/thoi-su?trang=2')).text();
    expect(await pageTwo()).not.toContain(last!.title);
    expect(await pageTwo()).not.toContain(last!.title); // now from the cache

    await signInAs(page, await createUser('editor'));
    await writeArticle(page, { title: `Tin mới đẩy trang ${stamp}` });
    await submitAndWait(page, 'Xuất bản', 1);
    // As for `/` in taxonomy.spec.ts: a regeneration begun before the publish may land after it.
    await expect.poll(pageTwo, { timeout: 3_000 }).toContain(last!.title);
  });

  test('a scheduled article goes live on time with nobody visiting', async ({ page, request }) => {
    test.setTimeout(180_000);
    await signInAs(page, await createUser('editor'));
    // The form takes minutes: the next whole minute at least 20 s away.
    const when = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
    const local = new Date(when.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
    const title = `Tin hẹn giờ ${Date.now()}`;
    await writeArticle(page, { title, publishedAt: local });
    await page.getByRole('button', { name: 'Xuất bản' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã hẹn giờ xuất bản' })).toBeVisible();
    const id = idFromUrl(page);
    const slug = await page.getByLabel('Đường dẫn').inputValue();
    expect((await request.get(`/bai-viet/${slug}`)).status()).toBe(404);
    // Nobody visits: only the database is watched until the status flips.
    await expect
      .poll(async () => (await e2eSql()`select status from articles where id = ${id}`)[0]?.status, { timeout: 100_000, intervals: [2_000] })
      .toBe('published');
    const response = await request.get(`/bai-viet/${slug}`);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain(title);
    expect(await (await request.get('/')).text()).toContain(title);
  });
});

test.describe('newsroom acceptance', () => {
  test('a back-dated article with a heading, a list and a link reads 15:31 06/04/2020 on the first load', async ({ page, browser }) => {
    await signInAs(page, await createUser('editor'));
    const title = `Bài lùi ngày ${Date.now()}`;
    await page.goto('/dashboard/articles/new');
    await page.getByLabel('Tiêu đề').fill(title);
    await page.getByLabel('Tóm tắt').fill('Bài viết có định dạng đầy đủ.');
    const body = page.getByRole('textbox', { name: 'Nội dung' });
    await body.click();
    await page.getByRole('button', { name: 'Tiêu đề lớn' }).click();
    await page.keyboard.type('Những điểm chính');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Danh sách', exact: true }).click();
    await page.keyboard.type('Điểm thứ nhất');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Điểm thứ hai');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Xem thêm tại trang chính phủ');
    await page.keyboard.press('Shift+Home');
    page.once('dialog', (dialog) => void dialog.accept('https://chinhphu.vn'));
    await page.getByRole('button', { name: 'Liên kết' }).click();
    await page.getByLabel('Chuyên mục').selectOption({ label: 'Thời sự' });
    await page.getByLabel('Thời gian xuất bản').fill('2020-04-06T15:31');
    await submitAndWait(page, 'Xuất bản', 1);
    const slug = await page.getByLabel('Đường dẫn').inputValue();

    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`/bai-viet/${slug}`);
    await expect(reader.locator('.article__meta time')).toHaveText('15:31 06/04/2020');
    await expect(reader.locator('.article__body h2')).toHaveText('Những điểm chính');
    await expect(reader.locator('.article__body ul li')).toHaveCount(2);
    await expect(reader.locator('.article__body a[href="https://chinhphu.vn"]')).toHaveAttribute('rel', /noopener/);
  });

  test('a reporter’s forged publish request is refused; an editor publishes the article', async ({ page, browser }) => {
    const reporter = await createUser('reporter');
    await signInAs(page, reporter);
    await writeArticle(page, { title: `Bài chờ duyệt ${Date.now()}` });
    await submitAndWait(page, 'Gửi duyệt', 1);
    const id = idFromUrl(page);
    // Forge the publish button: add it to the reporter's form and press it.
    await page.locator('.form-actions').evaluate((actions) => {
      const forged = document.createElement('button');
      forged.type = 'submit';
      forged.name = 'intent';
      forged.value = 'publish';
      forged.textContent = 'Giả mạo';
      actions.appendChild(forged);
    });
    await page.getByRole('button', { name: 'Giả mạo' }).click();
    await expect(page.locator('.form-message--error')).toContainText('không có quyền');
    expect((await e2eSql()`select status from articles where id = ${id}`)[0]?.status).toBe('review');

    const editorPage = await (await browser.newContext()).newPage();
    await signInAs(editorPage, await createUser('editor'));
    await editorPage.goto(`/dashboard/articles/${id}`);
    await submitAndWait(editorPage, 'Xuất bản', 2);
    expect((await e2eSql()`select status from articles where id = ${id}`)[0]?.status).toBe('published');
  });

  test('a restored revision becomes the live text; pasted script leaves nothing executable', async ({ page, browser }) => {
    await signInAs(page, await createUser('editor'));
    const first = `Văn bản đầu ${Date.now()}`;
    await writeArticle(page, { title: first });
    await submitAndWait(page, 'Xuất bản', 1);
    const slug = await page.getByLabel('Đường dẫn').inputValue();
    await page.getByLabel('Tiêu đề').fill(`${first} bản sai`);
    await page.getByLabel('Đường dẫn').fill(slug);
    // Paste hostile HTML into the editor, as from a clipboard. (Exact: a published article's
    // page also has `Nội dung đính chính`.)
    await page.getByRole('textbox', { name: 'Nội dung', exact: true }).click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/html', '<p>Dán vào<script>window.__xss=1</script><img src=x onerror="window.__xss=2"><a href="javascript:window.__xss=3">bấm</a></p>');
      document.querySelector('.editor-content')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await submitAndWait(page, 'Xuất bản', 2);
    const [stored] = await e2eSql()`select body_html from articles where slug = ${slug}`;
    expect(String(stored?.body_html)).not.toMatch(/<script|onerror|javascript:/i);
    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`/bai-viet/${slug}`);
    expect(await reader.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    await page.getByRole('link', { name: 'Lịch sử phiên bản' }).click();
    await page.getByRole('link', { name: 'Phiên bản 1', exact: true }).click();
    await page.getByRole('button', { name: 'Khôi phục phiên bản này' }).click();
    await expect(page.getByLabel('Tiêu đề')).toHaveValue(first);
    await reader.goto(`/bai-viet/${slug}`);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(first);
    const audit = await e2eSql()`select count(*)::int as n from audit_log where action = 'article.restore' and details->>'slug' = ${slug}`;
    expect(audit[0]?.n).toBe(1);
  });

  test('a draft preview is visible to its editor only, and never cached', async ({ page, browser }) => {
    await signInAs(page, await createUser('editor'));
    const title = `Bản nháp xem trước ${Date.now()}`;
    await writeArticle(page, { title });
    await submitAndWait(page, 'Lưu nháp', 1);
    const slug = await page.getByLabel('Đường dẫn').inputValue();
    const id = idFromUrl(page);
    const response = await page.goto(`/api/preview?id=${id}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText('Bản xem trước')).toBeVisible();
    expect(response?.headers()['cache-control']).toMatch(/no-store|private/);

    const stranger = await (await browser.newContext()).newPage();
    expect((await stranger.goto(`/bai-viet/${slug}`))?.status()).toBe(404);
    expect((await stranger.goto(`/api/preview?id=${id}`))?.status()).toBe(401);
  });
});

test('a draft saves itself after a few idle seconds, and a later manual save still goes through', async ({ page }) => {
  await signInAs(page, await createUser('editor'));
  await writeArticle(page, { title: `Bài tự lưu ${Date.now()}` });
  await submitAndWait(page, 'Lưu nháp', 1);
  const id = idFromUrl(page);
  await page.getByLabel('Tóm tắt').fill('Gõ dở rồi bỏ đi, không bấm lưu.');
  await expect(page.getByText(/Đã tự động lưu bản nháp lúc/)).toBeVisible({ timeout: 15_000 });
  const [row] = await e2eSql()`select lead, version from articles where id = ${id}`;
  expect(row).toEqual({ lead: 'Gõ dở rồi bỏ đi, không bấm lưu.', version: 2 });
  await page.getByLabel('Tiêu đề').fill('Tiêu đề sau khi tự lưu');
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByText(/Phiên bản \d+ ·/)).toContainText(/Phiên bản [3-9] ·/);
  await expect(page.locator('.form-message--error:not(:empty)')).toHaveCount(0);
  expect((await e2eSql()`select title from articles where id = ${id}`)[0]?.title).toBe('Tiêu đề sau khi tự lưu');
});

test('typing survives a closed tab: the browser keeps a backup to restore', async ({ page, context }) => {
  await signInAs(page, await createUser('editor'));
  await page.goto('/dashboard/articles/new');
  await page.getByLabel('Tiêu đề').fill('Bản chưa lưu lần nào');
  await page.getByLabel('Tóm tắt').fill('Đoạn tóm tắt quý giá.');
  await page.close();
  const again = await context.newPage();
  await again.goto('/dashboard/articles/new');
  await again.getByRole('button', { name: 'Khôi phục bản lưu tạm' }).click();
  await expect(again.getByLabel('Tiêu đề')).toHaveValue('Bản chưa lưu lần nào');
  await expect(again.getByLabel('Tóm tắt')).toHaveValue('Đoạn tóm tắt quý giá.');
});

test('the article list filters by status and finds titles typed without accents', async ({ page }) => {
  await signInAs(page, await createUser('editor'));
  const stamp = Date.now();
  await writeArticle(page, { title: `Đường Hòa Bình được mở rộng ${stamp}` });
  await submitAndWait(page, 'Lưu nháp', 1);
  await page.goto(`/dashboard/articles?q=${encodeURIComponent(`duong hoa binh duoc mo rong ${stamp}`)}`);
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(page.locator('tbody tr')).toContainText('Bản nháp');
  await page.getByLabel('Trạng thái').selectOption('published');
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(page.locator('tbody tr')).toHaveCount(0);
  await page.goto('/dashboard/articles?trang_thai=published');
  expect(await page.locator('tbody tr').count()).toBeGreaterThan(10);
});
