import { expect, test, type Page } from '@playwright/test';
import { CAPTCHA_TEST_CODE } from '../playwright.config';
import { createUser, e2eSql, insertArticle, signInAs, uniqueSlug } from './fixtures';

const THANKS = 'Cảm ơn bạn đã gửi bình luận';

/** A fresh live article of our own, and no rate-limit history for this test's posts. */
async function freshArticle(): Promise<{ id: number; slug: string }> {
  const slug = uniqueSlug('bai-binh-luan');
  const id = await insertArticle({ slug, title: `Bài để bình luận ${slug}` });
  await e2eSql()`delete from rate_limit_hits`;
  return { id, slug };
}

async function fillComment(page: Page, fields: { name?: string; phone?: string; title?: string; content?: string; code?: string; consent?: boolean }) {
  // The security code's cookie is set when its image loads.
  await expect.poll(() => page.locator('.captcha__image').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  if (fields.name !== undefined) await page.getByLabel('Họ tên', { exact: true }).fill(fields.name);
  if (fields.phone !== undefined) await page.getByLabel('Số điện thoại', { exact: true }).fill(fields.phone);
  if (fields.title !== undefined) await page.getByLabel('Tiêu đề').fill(fields.title);
  if (fields.content !== undefined) await page.getByLabel('Nội dung').fill(fields.content);
  await page.getByLabel('Mã xác nhận').fill(fields.code ?? CAPTCHA_TEST_CODE);
  // The consent box (e2e/privacy-consent.spec.ts tests it unticked).
  await page.getByRole('checkbox', { name: /Tôi đồng ý để ban biên tập/ }).setChecked(fields.consent ?? true);
}

async function approveInDashboard(page: Page, title: string) {
  await page.goto('/dashboard/comments');
  const item = page.locator('.moderation-item', { hasText: title });
  await item.getByRole('button', { name: `Duyệt: ${title}` }).click();
  await expect(page.locator('.form-message--ok').first()).toContainText('Đã duyệt 1 bình luận');
}

test.describe('reader comments', () => {
  test('a reader comments; it waits for moderation; an editor approves; the next load shows it', async ({ page, browser }) => {
    const article = await freshArticle();
    await page.goto(`/bai-viet/${article.slug}`);
    await expect(page.getByRole('heading', { name: 'Viết bình luận' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Lấy lại mã bảo mật' })).toBeVisible();
    const title = `Góp ý ${Date.now()}`;
    await fillComment(page, { name: 'Nguyễn Văn An', phone: '0912 345 678', title, content: 'Đề nghị quận sớm sửa đèn đường.' });
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    await expect(page.getByRole('status').filter({ hasText: THANKS })).toBeVisible();
    await page.reload();
    await expect(page.locator('.comment-list')).toHaveCount(0);
    const [row] = await e2eSql()`select status, phone from comments where title = ${title}`;
    expect(row).toEqual({ status: 'pending', phone: '0912345678' });

    const editorPage = await (await browser.newContext()).newPage();
    await signInAs(editorPage, await createUser('editor'));
    await expect(editorPage.getByRole('link', { name: /Bình luận/ })).toBeVisible();
    await approveInDashboard(editorPage, title);
    const approvedAt = Date.now();
    await page.goto(`/bai-viet/${article.slug}`);
    await expect(page.locator('.comment', { hasText: title })).toContainText('Đề nghị quận sớm sửa đèn đường.');
    expect(Date.now() - approvedAt).toBeLessThan(5_000);
    await expect(page.getByRole('heading', { name: 'Bình luận (1)' })).toBeVisible();
  });

  test('a shown comment that a moderator rejects or deletes is gone from the article on the next load', async ({ page, browser }) => {
    const article = await freshArticle();
    for (const t of ['Hiện rồi bị từ chối', 'Hiện rồi bị xóa', 'Vẫn hiện']) {
      await e2eSql()`insert into comments (article_id, name, title, content, ip_hash, status) values (${article.id}, 'Độc giả', ${t}, ${`Nội dung ${t}`}, 'h', 'approved')`;
    }
    // A reader's visit puts the page, with its three comments, in the cache.
    await page.goto(`/bai-viet/${article.slug}`);
    await expect(page.getByRole('heading', { name: 'Bình luận (3)' })).toBeVisible();

    const editorPage = await (await browser.newContext()).newPage();
    await signInAs(editorPage, await createUser('editor'));
    await editorPage.goto(`/dashboard/comments?trang_thai=approved&bai=${article.id}`);
    await editorPage.getByRole('button', { name: 'Từ chối: Hiện rồi bị từ chối' }).click();
    await expect(editorPage.locator('.form-message--ok').first()).toContainText('Đã từ chối 1 bình luận');
    await editorPage.getByRole('button', { name: 'Xóa: Hiện rồi bị xóa' }).click();
    await expect(editorPage.locator('.form-message--ok').first()).toContainText('Đã xóa 1 bình luận');

    await page.goto(`/bai-viet/${article.slug}`);
    await expect(page.getByRole('heading', { name: 'Bình luận (1)' })).toBeVisible();
    await expect(page.locator('.comment', { hasText: 'Vẫn hiện' })).toBeVisible();
    await expect(page.locator('.comment', { hasText: 'Hiện rồi' })).toHaveCount(0);
  });

  test('works with JavaScript turned off', async ({ browser }) => {
    const article = await freshArticle();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/bai-viet/${article.slug}`);
    const title = `Không JS ${Date.now()}`;
    await fillComment(page, { name: 'Trần Thị Bình', title, content: 'Gửi từ trình duyệt không chạy JavaScript.' });
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    await expect(page.getByText(THANKS)).toBeVisible();
    const [row] = await e2eSql()`select status from comments where title = ${title}`;
    expect(row?.status).toBe('pending');

    // Errors without JavaScript: shown beside the field, typed values kept.
    await e2eSql()`delete from rate_limit_hits`;
    await page.goto(`/bai-viet/${article.slug}`);
    await fillComment(page, { name: '', title: 'Giữ tiêu đề này', content: 'Giữ nội dung này' });
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    await expect(page.locator('#binh-luan-name-loi')).toHaveText('Vui lòng nhập họ tên.');
    await expect(page.getByLabel('Tiêu đề')).toHaveValue('Giữ tiêu đề này');
    await expect(page.getByLabel('Nội dung')).toHaveValue('Giữ nội dung này');

    const editorPage = await (await browser.newContext()).newPage();
    await signInAs(editorPage, await createUser('editor'));
    await approveInDashboard(editorPage, title);
    await page.goto(`/bai-viet/${article.slug}`);
    await expect(page.locator('.comment', { hasText: title })).toBeVisible();
  });

  test('shows the right Vietnamese error beside the right field and keeps what was typed', async ({ page }) => {
    const article = await freshArticle();
    const cases = [
      { fields: { name: 'An', title: 'Tiêu đề', content: 'Nội dung', code: 'SAI-MA' }, id: 'captcha', text: 'Mã xác nhận không đúng' },
      { fields: { name: '', title: 'Tiêu đề', content: 'Nội dung' }, id: 'name', text: 'Vui lòng nhập họ tên.' },
      { fields: { name: 'An', title: 'Tiêu đề', content: 'x'.repeat(5001) }, id: 'content', text: 'Nội dung tối đa 5.000 ký tự.' },
      { fields: { name: 'An', phone: '12345', title: 'Tiêu đề', content: 'Nội dung' }, id: 'phone', text: 'Số điện thoại không hợp lệ' },
    ];
    for (const c of cases) {
      await page.goto(`/bai-viet/${article.slug}`);
      // The maxLength attribute would stop a person typing too much; a crafted request would not.
      await page.locator('#binh-luan-content').evaluate((el) => el.removeAttribute('maxlength'));
      await fillComment(page, c.fields);
      const response = page.waitForResponse((r) => r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Gửi bình luận' }).click();
      expect((await response).status()).toBeLessThan(500);
      await expect(page.locator(`#binh-luan-${c.id}-loi`)).toContainText(c.text);
      await expect(page.getByLabel('Tiêu đề')).toHaveValue('Tiêu đề');
      await expect(page.getByLabel('Mã xác nhận')).toHaveValue('');
    }
    expect((await e2eSql()`select count(*)::int as n from comments where article_id = ${article.id}`)[0]?.n).toBe(0);
  });

  test('XSS payloads are stored and shown as literal text, run nothing, and the phone is never public', async ({ page, request, browser }) => {
    const article = await freshArticle();
    const payloads = [
      '<script>window.__xss=1</script>',
      '<img src=x onerror="window.__xss=2">',
      '<svg onload="window.__xss=3"></svg>',
      '<a href="javascript:window.__xss=4">bấm</a>',
      '"><script>window.__xss=5</script>',
      "<iframe src=\"javascript:parent.__xss=6\"></iframe>",
      '<body onload="window.__xss=7">',
      '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=8">',
      '<div style="background:url(javascript:window.__xss=9)">x</div>',
      'javascript:/*--></title></style></textarea></script><svg/onload=window.__xss=10>',
    ];
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    for (const [i, payload] of payloads.entries()) {
      await e2eSql()`delete from rate_limit_hits`;
      await page.goto(`/bai-viet/${article.slug}`);
      await fillComment(page, { name: `Kẻ thử ${i} ${payload.slice(0, 40)}`, phone: '0988 777 666', title: `XSS ${i}`, content: payload });
      await page.getByRole('button', { name: 'Gửi bình luận' }).click();
      await expect(page.getByRole('status').filter({ hasText: THANKS })).toBeVisible();
    }
    await e2eSql()`update comments set status = 'approved' where article_id = ${article.id}`;
    const editorPage = await (await browser.newContext()).newPage();
    await signInAs(editorPage, await createUser('editor'));
    // Approve one more through the dashboard so the page is revalidated.
    await e2eSql()`update comments set status = 'pending' where article_id = ${article.id} and title = 'XSS 0'`;
    await approveInDashboard(editorPage, 'XSS 0');

    await page.goto(`/bai-viet/${article.slug}`);
    await expect(page.locator('.comment')).toHaveCount(payloads.length);
    for (const payload of payloads) await expect(page.locator('.comment__content', { hasText: payload })).toHaveCount(1);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('.comment-list script, .comment-list img, .comment-list svg, .comment-list iframe, .comment-list a').count()).toBe(0);
    expect(dialogs).toBe(0);

    const html = await (await request.get(`/bai-viet/${article.slug}`)).text();
    const rsc = await (await request.get(`/bai-viet/${article.slug}`, { headers: { RSC: '1' } })).text();
    for (const body of [html, rsc]) {
      expect(body).not.toContain('0988777666');
      expect(body).not.toContain('0988 777 666');
    }
  });

  test('rate limit, honeypot and a replayed code', async ({ page }) => {
    const article = await freshArticle();
    await page.goto(`/bai-viet/${article.slug}`);
    await fillComment(page, { name: 'Lê Nhanh', title: 'Lần một', content: 'Bình luận thứ nhất.' });
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    await expect(page.getByRole('status').filter({ hasText: THANKS })).toBeVisible();
    await fillComment(page, { name: 'Lê Nhanh', title: 'Lần hai', content: 'Bình luận thứ hai, ngay sau.' });
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'quá nhanh' })).toBeVisible();
    await expect(page.getByLabel('Tiêu đề')).toHaveValue('Lần hai');

    // Honeypot: accepted in appearance, discarded in fact.
    await e2eSql()`delete from rate_limit_hits`;
    await page.goto(`/bai-viet/${article.slug}`);
    await fillComment(page, { name: 'Máy gửi', title: 'Mồi nhử', content: 'Nội dung của bot.' });
    await page.locator('#binh-luan-website').evaluate((el: HTMLInputElement) => (el.value = 'http://spam.example'));
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    await expect(page.getByRole('status').filter({ hasText: THANKS })).toBeVisible();

    // Replay: keep the used code's cookie by stopping the image from renewing it.
    await e2eSql()`delete from rate_limit_hits`;
    await page.goto(`/bai-viet/${article.slug}`);
    await fillComment(page, { name: 'Phát Lại', title: 'Lần đầu', content: 'Dùng mã lần đầu.' });
    await page.route('**/api/captcha**', (route) => route.abort());
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    await expect(page.getByRole('status').filter({ hasText: THANKS })).toBeVisible();
    await e2eSql()`delete from rate_limit_hits`;
    await page.getByLabel('Họ tên', { exact: true }).fill('Phát Lại');
    await page.getByLabel('Tiêu đề').fill('Lần hai');
    await page.getByLabel('Nội dung').fill('Dùng lại mã cũ.');
    await page.getByLabel('Mã xác nhận').fill(CAPTCHA_TEST_CODE);
    await page.getByRole('checkbox', { name: /Tôi đồng ý để ban biên tập/ }).check();
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    await expect(page.locator('#binh-luan-captcha-loi')).toContainText('Mã xác nhận không đúng');

    const stored = await e2eSql()`select title from comments where article_id = ${article.id} order by id`;
    expect(stored.map((r) => r.title)).toEqual(['Lần một', 'Lần đầu']);
  });

  test('security codes: a reader renews freely; an address fetching dozens is told to wait (429), and the form says so', async ({ page, request }) => {
    const article = await freshArticle();
    await page.goto(`/bai-viet/${article.slug}`);
    const image = page.locator('.captcha__image');
    const loaded = () => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
    await expect.poll(loaded).toBe(true);
    for (let i = 0; i < 3; i++) {
      const renewed = page.waitForResponse((r) => r.url().includes('/api/captcha'));
      await page.getByRole('button', { name: 'Lấy lại mã bảo mật' }).click();
      expect((await renewed).status()).toBe(200);
      await expect.poll(loaded).toBe(true);
    }

    // A script fetching codes in a loop from this address: a few dozen, then 429 in Vietnamese.
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof request.get>> | null = null;
    for (let i = 0; i < 40 && !refused; i++) {
      const reply = await request.get(`/api/captcha?v=script-${i}`);
      statuses.push(reply.status());
      if (reply.status() === 429) refused = reply;
    }
    expect(refused, `statuses: ${statuses.join(',')}`).not.toBeNull();
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(30);
    expect(await refused!.text()).toContain('quá nhiều mã xác nhận');
    expect(Number(refused!.headers()['retry-after'])).toBeGreaterThan(0);

    // The reader on that address sees why the image is missing.
    await page.getByRole('button', { name: 'Lấy lại mã bảo mật' }).click();
    await expect(page.locator('#binh-luan-captcha-loi')).toContainText('đợi vài phút');

    // A few minutes later (the window passed): renewing works again and the comment goes through.
    await e2eSql()`delete from rate_limit_hits`;
    await page.getByRole('button', { name: 'Lấy lại mã bảo mật' }).click();
    await expect(page.locator('#binh-luan-captcha-loi')).toHaveText('');
    await fillComment(page, { name: 'Đỗ Kiên Nhẫn', title: 'Sau khi đợi', content: 'Gửi được sau khi đợi.' });
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    await expect(page.getByRole('status').filter({ hasText: THANKS })).toBeVisible();
  });

  test('moderators work in bulk; reporters cannot moderate', async ({ page, browser }) => {
    const article = await freshArticle();
    for (const t of ['Bulk A', 'Bulk B', 'Bulk C']) {
      await e2eSql()`insert into comments (article_id, name, title, content, ip_hash) values (${article.id}, 'Độc giả', ${t}, 'Nội dung', 'h')`;
    }
    await signInAs(page, await createUser('editor'));
    await page.goto(`/dashboard/comments?bai=${article.id}`);
    await page.getByLabel(/Chọn bình luận “Bulk A”/).check();
    await page.getByLabel(/Chọn bình luận “Bulk B”/).check();
    await page.getByRole('button', { name: 'Spam mục đã chọn' }).click();
    await expect(page.locator('.form-message--ok').first()).toContainText('Đã đánh dấu spam 2 bình luận');
    const statuses = await e2eSql()`select title, status from comments where article_id = ${article.id} order by title`;
    expect(statuses.map((r) => `${r.title}:${r.status}`)).toEqual(['Bulk A:spam', 'Bulk B:spam', 'Bulk C:pending']);
    await page.goto(`/dashboard/comments?bai=${article.id}`);
    await page.getByRole('button', { name: 'Xóa: Bulk C' }).click();
    await expect(page.locator('.form-message--ok').first()).toContainText('Đã xóa 1 bình luận');

    const reporterPage = await (await browser.newContext()).newPage();
    await signInAs(reporterPage, await createUser('reporter'));
    expect((await reporterPage.goto('/dashboard/comments'))?.status()).toBe(403);
  });
});
