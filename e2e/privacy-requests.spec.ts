import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { CAPTCHA_TEST_CODE } from '../playwright.config';
import { createUser, e2eSql, insertArticle, signInAs, uniqueSlug } from './fixtures';

const DATE = /^\d{2}\/\d{2}\/\d{4}$/;

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function fillRequest(page: Page, fields: { name?: string; phone?: string; email?: string; kind?: string; content?: string }) {
  // The security code's cookie is set when its image loads.
  await expect.poll(() => page.locator('.captcha__image').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  if (fields.name !== undefined) await page.getByLabel('Họ tên').fill(fields.name);
  if (fields.phone !== undefined) await page.getByLabel('Số điện thoại').fill(fields.phone);
  if (fields.email !== undefined) await page.getByLabel('Email').fill(fields.email);
  if (fields.kind !== undefined) await page.getByLabel('Loại yêu cầu').selectOption({ label: fields.kind });
  if (fields.content !== undefined) await page.getByLabel('Nội dung').fill(fields.content);
  await page.getByLabel('Mã xác nhận').fill(CAPTCHA_TEST_CODE);
}

test.describe('personal-data requests', () => {
  test('a request walked from the public form to Hoàn thành, with export and erasure of the person’s comments', async ({ page, browser }) => {
    const stamp = Date.now().toString(36);
    const name = `Lê Thị Hoa ${stamp}`;
    const phone = `09${String(Date.now()).slice(-8)}`;
    const content = `Tôi muốn xóa mọi bình luận của tôi ${stamp}`;
    const slug = uniqueSlug('bai-yeu-cau');
    const articleId = await insertArticle({ slug, title: `Bài có bình luận ${stamp}` });
    const sql = e2eSql();
    // Two comments of hers (one found by phone, one by her name without accents), one formula-looking, and one of someone else.
    await sql`insert into comments (article_id, name, phone, title, content, ip_hash, status) values
      (${articleId}, ${name}, ${phone}, ${`Ý kiến một ${stamp}`}, '=HYPERLINK("http://x.example","bấm")', 'h1', 'approved'),
      (${articleId}, ${`le thi HOA ${stamp}`}, null, ${`Ý kiến hai ${stamp}`}, 'Đường phố sạch hơn.', 'h2', 'approved'),
      (${articleId}, 'Người khác', '0987654321', ${`Ý kiến ba ${stamp}`}, 'Không liên quan.', 'h3', 'approved')`;
    await sql`delete from rate_limit_hits`;
    // A reader's visit caches the article with its three comments.
    await page.goto(`/bai-viet/${slug}`);
    await expect(page.locator('.comment', { hasText: `Ý kiến một ${stamp}` })).toBeVisible();

    // The public form: a refusal beside the fields, the typing kept; axe clean.
    await page.goto('/yeu-cau-du-lieu-ca-nhan');
    await axe(page);
    await fillRequest(page, { name, kind: 'Xóa dữ liệu', content });
    await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    await expect(page.locator('#yeu-cau-phone-loi')).toContainText('số điện thoại hoặc email');
    await expect(page.getByLabel('Họ tên')).toHaveValue(name);
    await expect(page.getByLabel('Nội dung')).toHaveValue(content);
    await expect(page.getByLabel('Loại yêu cầu')).toHaveValue('erasure');
    await axe(page);

    await fillRequest(page, { phone: '+84 ' + phone.slice(1), email: `hoa-${stamp}@example.com` });
    await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    const code = (await page.getByTestId('ma-yeu-cau').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{12}$/);
    const dates = await page.locator('.request-receipt dd').allTextContents();
    expect(dates.slice(1).map((d) => d.trim())).toEqual([expect.stringMatching(DATE), expect.stringMatching(DATE)]);
    const [stored] = await sql`select phone, status from data_requests where code = ${code}`;
    expect(stored).toEqual({ phone, status: 'received' });
    const [audit] = await sql`select details from audit_log where action = 'data_request.create' and entity_id = (select id::text from data_requests where code = ${code})`;
    expect(audit?.details).toEqual({ kind: 'erasure' });

    // The status page: state and dates, none of what she sent; unknown codes 404.
    await page.getByRole('link', { name: 'trang tình trạng yêu cầu' }).click();
    await expect(page.getByTestId('tinh-trang')).toHaveText('Đã tiếp nhận');
    await axe(page);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    const statusResponse = await page.request.get(`/yeu-cau-du-lieu-ca-nhan/${code}`);
    expect(statusResponse.headers()['cache-control']).toContain('no-store');
    const response = await page.request.get('/yeu-cau-du-lieu-ca-nhan/ABCDEFGHJKMN');
    expect(response.status()).toBe(404);
    // An overdue one (not acknowledged by its date) for the queue's order and mark.
    const overdueCode = `QUAHAN${stamp.slice(-6).toUpperCase().padStart(6, '2')}`;
    await sql`insert into data_requests (code, name, email, kind, content, received_at, acknowledge_by, due_by)
      values (${overdueCode}, 'Người cũ', 'cu@example.com', 'access', 'Cũ', now() - interval '30 days', current_date - 20, current_date - 5)`;

    // The admin's side.
    const admin = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await signInAs(admin, await createUser('admin'));
    await admin.getByRole('link', { name: 'Yêu cầu dữ liệu' }).click();
    const row = admin.locator(`tr[data-code="${code}"]`);
    await expect(row).toContainText(name);
    await expect(admin.locator('tbody tr').first()).toContainText('Quá hạn');
    await expect(admin.locator(`tr[data-code="${overdueCode}"]`)).toContainText('Quá hạn');
    await expect(row).not.toContainText('Quá hạn');
    await expect(admin.getByRole('columnheader', { name: 'Hạn xác nhận' })).toBeVisible();
    await expect(admin.getByRole('columnheader', { name: 'Hạn hoàn thành' })).toBeVisible();
    await row.getByRole('link', { name: code }).click();
    await admin.getByRole('button', { name: 'Xác nhận' }).click();
    await expect(admin.getByTestId('tinh-trang')).toContainText('Đã xác nhận');
    await expect(admin.getByRole('button', { name: 'Xác nhận' })).toHaveCount(0);

    await admin.getByRole('button', { name: 'Gia hạn' }).click();
    await expect(admin.locator('#gia-han-reason-loi')).toHaveText('Vui lòng nhập lý do gia hạn.');
    await admin.getByLabel('Số ngày gia hạn (tối đa 15)').fill('16');
    await admin.getByLabel('Lý do gia hạn').fill('Cần đối chiếu nhiều bình luận.');
    await admin.getByRole('button', { name: 'Gia hạn' }).click();
    await expect(admin.locator('#gia-han-days-loi')).toHaveText('Gia hạn tối đa 15 ngày.');
    await expect(admin.getByLabel('Lý do gia hạn')).toHaveValue('Cần đối chiếu nhiều bình luận.');
    await admin.getByLabel('Số ngày gia hạn (tối đa 15)').fill('10');
    await admin.getByRole('button', { name: 'Gia hạn' }).click();
    await expect(admin.getByTestId('han-hoan-thanh')).toContainText('gia hạn từ');
    await expect(admin.getByRole('button', { name: 'Gia hạn' })).toHaveCount(0);

    // Her comments: by phone and by name, not the other reader's.
    await expect(admin.locator('tr[data-comment-id]')).toHaveCount(2);
    const [jsonDownload] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: 'Xuất JSON' }).click()]);
    expect(jsonDownload.suggestedFilename()).toBe(`yeu-cau-${code}-binh-luan.json`);
    const json = JSON.parse(await readFile((await jsonDownload.path())!, 'utf8')) as { requestCode: string; comments: { title: string; phone: string | null }[] };
    expect(json.requestCode).toBe(code);
    expect(json.comments.map((c) => c.title).sort()).toEqual([`Ý kiến hai ${stamp}`, `Ý kiến một ${stamp}`]);
    const [csvDownload] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: 'Xuất CSV' }).click()]);
    expect(csvDownload.suggestedFilename()).toBe(`yeu-cau-${code}-binh-luan.csv`);
    const csv = await readFile((await csvDownload.path())!, 'utf8');
    expect(csv).toContain('"Họ tên"');
    expect(csv).toContain(`"${name}"`);
    expect(csv).toContain(`"${phone}"`);
    // The formula is escaped (a leading quote) and its quotes doubled.
    expect(csv).toContain(`"'=HYPERLINK(""http://x.example"",""bấm"")"`);
    expect(csv).not.toContain('Không liên quan');

    await admin.getByLabel('Xóa hẳn bình luận').check();
    await admin.getByRole('button', { name: 'Xóa dữ liệu đã chọn' }).click();
    await expect(admin.locator('.form-message--ok')).toContainText('Đã xóa hẳn 2 bình luận.');
    const left = await sql`select title from comments where article_id = ${articleId} order by title`;
    expect(left.map((r) => r.title)).toEqual([`Ý kiến ba ${stamp}`]);
    const [erased] = await sql`select details from audit_log where action = 'data_request.erase' and entity_id = (select id::text from data_requests where code = ${code})`;
    expect(erased?.details).toEqual({ mode: 'delete', count: 2 });
    await page.goto(`/bai-viet/${slug}`);
    await expect(page.locator('.comment', { hasText: `Ý kiến ba ${stamp}` })).toBeVisible();
    await expect(page.locator('.comment', { hasText: `Ý kiến một ${stamp}` })).toHaveCount(0);
    await expect(page.locator('.comment', { hasText: `Ý kiến hai ${stamp}` })).toHaveCount(0);

    await admin.getByRole('button', { name: 'Hoàn thành' }).click();
    await expect(admin.locator('#hoan-thanh-reply-loi')).toHaveText('Vui lòng nhập nội dung trả lời.');
    const reply = `Chúng tôi đã xóa hai bình luận của bạn (${stamp}).`;
    await admin.getByLabel('Trả lời người yêu cầu').fill(reply);
    await admin.getByRole('button', { name: 'Hoàn thành' }).click();
    await expect(admin.getByTestId('tinh-trang')).toHaveText('Đã hoàn thành');
    await expect(admin.getByRole('button', { name: 'Hoàn thành' })).toHaveCount(0);

    // What she sees: the state, the reply, nothing she sent.
    await page.goto(`/yeu-cau-du-lieu-ca-nhan/${code.toLowerCase()}`);
    await expect(page.getByTestId('tinh-trang')).toHaveText('Đã hoàn thành');
    await expect(page.getByTestId('tra-loi')).toHaveText(reply);
    const body = await page.locator('body').innerText();
    for (const secret of [name, phone, phone.slice(1), `hoa-${stamp}@example.com`, content]) expect(body).not.toContain(secret);
    await axe(page);
    const actions = await sql`select action from audit_log where entity_type = 'data_request' and entity_id = (select id::text from data_requests where code = ${code}) order by id`;
    expect(actions.map((a) => a.action)).toEqual(['data_request.create', 'data_request.acknowledge', 'data_request.extend', 'data_request.export', 'data_request.export', 'data_request.erase', 'data_request.complete']);
  });

  test('works with JavaScript turned off: errors beside the fields, typing kept, then the reference', async ({ browser }) => {
    await e2eSql()`delete from rate_limit_hits`;
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto('/yeu-cau-du-lieu-ca-nhan');
    await fillRequest(page, { name: 'Phạm Văn Minh', phone: '12345', kind: 'Xem dữ liệu', content: 'Cho tôi xem dữ liệu.' });
    await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    await expect(page.locator('#yeu-cau-phone-loi')).toContainText('Số điện thoại không hợp lệ');
    await expect(page.getByLabel('Họ tên')).toHaveValue('Phạm Văn Minh');
    await expect(page.getByLabel('Nội dung')).toHaveValue('Cho tôi xem dữ liệu.');
    await expect(page.getByLabel('Loại yêu cầu')).toHaveValue('access');
    await fillRequest(page, { phone: '0912 345 679' });
    await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    await expect(page.getByTestId('ma-yeu-cau')).toHaveText(/^[A-Z2-9]{12}$/);
  });

  test('the holiday list: pre-filled, a day added (validated) and removed, each audited', async ({ page }) => {
    await signInAs(page, await createUser('admin'));
    await page.goto('/dashboard/yeu-cau/ngay-nghi');
    await expect(page.locator('tr[data-day="2026-02-16"]')).toContainText('Tết Nguyên đán');
    await expect(page.locator('tr[data-day="2026-08-22"]')).toContainText('Ngày làm bù');
    await page.getByLabel('Tên').fill('Nghỉ thử nghiệm');
    await page.getByRole('button', { name: 'Thêm ngày' }).click();
    await expect(page.locator('#f-day-loi')).toHaveText('Vui lòng chọn ngày.');
    await expect(page.getByLabel('Tên')).toHaveValue('Nghỉ thử nghiệm');
    await page.getByLabel('Ngày', { exact: true }).fill('2027-12-28');
    await page.getByRole('button', { name: 'Thêm ngày' }).click();
    await expect(page.locator('tr[data-day="2027-12-28"]')).toContainText('Nghỉ thử nghiệm');
    await page.getByRole('button', { name: 'Xóa ngày 28/12/2027' }).click();
    await expect(page.locator('tr[data-day="2027-12-28"]')).toHaveCount(0);
    const audits = await e2eSql()`select action from audit_log where entity_type = 'public_holiday' and entity_id = '2027-12-28' order by id`;
    expect(audits.map((a) => a.action)).toEqual(['public_holiday.add', 'public_holiday.remove']);
  });

  test('the dashboard queue is for admins only', async ({ page }) => {
    await signInAs(page, await createUser('editor'));
    await expect(page.getByRole('link', { name: 'Yêu cầu dữ liệu' })).toHaveCount(0);
    const response = await page.goto('/dashboard/yeu-cau');
    expect(response?.status()).toBe(403);
    const exported = await page.request.get('/dashboard/yeu-cau/1/xuat?dinh-dang=json');
    expect(exported.status()).toBe(403);
  });
});
