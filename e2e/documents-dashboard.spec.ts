import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { generatePdf } from '../seed/pdf';
import { createUser, documentTermId, insertDocument, signInAs, uniqueSlug } from './fixtures';

const ISSUER = 'UBND quận Kiểm Thử';

async function fillRequired(page: Page, fields: { number: string; abstract: string; issuedOn?: string }) {
  await page.getByLabel('Số/Ký hiệu').fill(fields.number);
  await page.getByLabel('Loại văn bản').selectOption({ label: 'Kế hoạch' });
  await page.getByLabel('Cơ quan ban hành').selectOption({ label: ISSUER });
  await page.getByLabel('Người ký').fill('Nguyễn Văn Ký');
  await page.getByLabel('Ngày ban hành').fill(fields.issuedOn ?? '2026-03-15');
  await page.getByLabel('Trích yếu').fill(fields.abstract);
}

test.beforeAll(async () => {
  await documentTermId('issuer', ISSUER);
});

test('an editor creates a document with a PDF through the form (progress to done) and publishes it', async ({ page }) => {
  await signInAs(page, await createUser('editor'));
  await page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Văn bản' }).click();
  await expect(page).toHaveURL(/\/dashboard\/van-ban$/);
  await page.getByRole('link', { name: 'Thêm văn bản' }).click();

  const n = Date.now() % 100000;
  const number = `${n}/KH-UBND`;
  const phrase = `ho tro sinh ke ${uniqueSlug('vb').replace(/-/g, ' ')}`;
  await fillRequired(page, { number, abstract: `Kế hoạch ${phrase}` });
  await page.getByLabel('Ngày hiệu lực').fill('2026-04-01');
  const pdf = await generatePdf({ title: `Kế hoạch ${number}`, paragraphs: ['Hỗ trợ người khuyết tật tìm việc làm.'] });
  await page.getByLabel('Tệp đính kèm', { exact: true }).setInputFiles({ name: 'Kế hoạch hỗ trợ.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
  const done = page.getByRole('progressbar', { name: 'Đã tải xong “Kế hoạch hỗ trợ.pdf”' });
  await expect(done).toBeVisible();
  expect(await done.evaluate((el: HTMLProgressElement) => el.value === el.max && el.max > 1)).toBe(true);
  await expect(page.getByRole('list', { name: 'Các tệp đính kèm' })).toContainText('Kế hoạch hỗ trợ.pdf (PDF,');

  // Thay thế văn bản: the document picker, one choice.
  const oldNumber = `${n}/QĐ-CU`;
  await insertDocument({ slug: uniqueSlug('cu'), number: oldNumber, abstract: 'Kế hoạch cũ sẽ bị thay thế', issuer: ISSUER, issuedOn: '2025-01-10' });
  await page.getByRole('combobox', { name: 'Thay thế văn bản' }).fill(oldNumber);
  await page.getByRole('option').filter({ hasText: oldNumber }).click();
  await expect(page.getByRole('list', { name: 'Thay thế văn bản: đã chọn' })).toContainText(oldNumber);

  await page.getByRole('button', { name: 'Xuất bản' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'văn bản đang công khai' })).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard\/van-ban\/\d+\?da-luu=published$/);
  await expect(page.getByRole('list', { name: 'Thay thế văn bản: đã chọn' })).toContainText(oldNumber);
  await expect(page.getByRole('button', { name: 'Gỡ' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lưu nháp' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Các tệp đính kèm' })).toContainText('Kế hoạch hỗ trợ.pdf');
  const history = page.getByRole('region', { name: 'Lịch sử phiên bản' });
  await expect(history).toContainText('Tạo văn bản');

  // Found in the list by its number typed loosely, with its file counted.
  await page.goto(`/dashboard/van-ban?q=${encodeURIComponent(`${n} kh ubnd`)}`);
  const row = page.getByRole('row').filter({ hasText: number });
  await expect(row).toContainText('Đã xuất bản');
  await expect(row).toContainText('Kế hoạch');
  await expect(row).toContainText('15/03/2026');

  // Gỡ takes it down, with a new revision.
  await row.getByRole('link', { name: number }).click();
  await page.getByRole('button', { name: 'Gỡ' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'không hiển thị với bạn đọc' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Lịch sử phiên bản' }).getByRole('row')).toHaveCount(3);
});

test('validation messages stand beside their fields, and what was typed stays', async ({ page }) => {
  await signInAs(page, await createUser('editor'));
  await page.goto('/dashboard/van-ban/new');
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.locator('#vb-number-loi')).toHaveText('Vui lòng nhập số/ký hiệu văn bản.');
  await expect(page.locator('#vb-typeId-loi')).toHaveText('Vui lòng chọn loại văn bản.');
  await expect(page.locator('#vb-issuerId-loi')).toHaveText('Vui lòng chọn cơ quan ban hành.');
  await expect(page.locator('#vb-issuedOn-loi')).toHaveText('Vui lòng nhập ngày ban hành.');
  await expect(page.locator('#vb-abstract-loi')).toHaveText('Vui lòng nhập trích yếu.');
  await expect(page.getByLabel('Số/Ký hiệu')).toHaveAttribute('aria-invalid', 'true');

  await fillRequired(page, { number: `${Date.now() % 100000}/TB-UBND`, abstract: 'Thông báo lịch tiếp công dân' });
  await page.getByLabel('Ngày hiệu lực').fill('2026-03-01');
  await page.getByLabel('Ngày hết hiệu lực').fill('2026-02-01');
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.locator('#vb-effectiveOn-loi')).toHaveText('Ngày hiệu lực không được trước ngày ban hành.');
  await expect(page.locator('#vb-expiresOn-loi')).toHaveText('Ngày hết hiệu lực phải sau ngày hiệu lực.');
  await expect(page.locator('#vb-number-loi')).toHaveText('');
  await expect(page.getByLabel('Trích yếu')).toHaveValue('Thông báo lịch tiếp công dân');
  await expect(page.getByLabel('Cơ quan ban hành').locator('option:checked')).toHaveText(ISSUER);
});

test('the same number from the same issuer is refused with a link to the existing document', async ({ page }) => {
  const number = `${Date.now() % 100000}/QĐ-UBND`;
  const existing = await insertDocument({ slug: uniqueSlug('qd'), number, abstract: 'Quyết định đã có', issuer: ISSUER, status: 'draft' });
  await signInAs(page, await createUser('editor'));
  await page.goto('/dashboard/van-ban/new');
  await fillRequired(page, { number: number.toLowerCase().replace('/', ' '), abstract: 'Quyết định trùng số' });
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.locator('#vb-number-loi')).toHaveText('Cơ quan này đã có văn bản cùng số/ký hiệu.');
  const link = page.getByRole('link', { name: `Mở văn bản ${number} đã có` });
  await expect(link).toHaveAttribute('href', `/dashboard/van-ban/${existing}`);
  await expect(page.getByLabel('Trích yếu')).toHaveValue('Quyết định trùng số');
});

test('a file of the wrong type (a PNG renamed .pdf) is refused beside Tệp đính kèm; the other fields keep their values', async ({ page }) => {
  await signInAs(page, await createUser('editor'));
  await page.goto('/dashboard/van-ban/new');
  const number = `${Date.now() % 100000}/CV-UBND`;
  await fillRequired(page, { number, abstract: 'Công văn về lịch họp' });
  const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: { r: 10, g: 20, b: 30 } } }).png().toBuffer();
  await page.getByLabel('Tệp đính kèm', { exact: true }).setInputFiles({ name: 'anh.pdf', mimeType: 'application/pdf', buffer: png });
  await expect(page.locator('#vb-fileIds-loi')).toContainText('Tệp “anh.pdf” không phải PDF, DOC, DOCX, XLS, XLSX hoặc ODT');
  await expect(page.getByLabel('Số/Ký hiệu')).toHaveValue(number);
  await expect(page.getByLabel('Trích yếu')).toHaveValue('Công văn về lịch họp');
  await expect(page.getByLabel('Ngày ban hành')).toHaveValue('2026-03-15');
  await expect(page.getByText('Chưa có tệp nào.')).toBeVisible();
  // The form still saves.
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu bản nháp.' })).toBeVisible();
});

test('a reporter drafts, sees no Xuất bản, and cannot edit a published document', async ({ page }) => {
  const published = `${Date.now() % 100000}/HD-UBND`;
  const liveId = await insertDocument({ slug: uniqueSlug('hd'), number: published, abstract: 'Hướng dẫn đã công khai', issuer: ISSUER });
  await signInAs(page, await createUser('reporter'));
  await page.goto('/dashboard/van-ban/new');
  await expect(page.getByRole('button', { name: 'Xuất bản' })).toHaveCount(0);
  await fillRequired(page, { number: `${Date.now() % 100000}/BC-UBND`, abstract: 'Báo cáo của phóng viên' });
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu bản nháp.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Xuất bản' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Gỡ' })).toHaveCount(0);
  await page.goto(`/dashboard/van-ban/${liveId}`);
  await expect(page.getByText('Chỉ biên tập viên mới sửa được văn bản này')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lưu nháp' })).toHaveCount(0);
  // The lists are not theirs.
  const terms = await page.goto('/dashboard/van-ban/danh-muc');
  expect(terms?.status()).toBe(403);
});

test('the upload route takes a file over the 11 MB form limit, refuses one over 20 MB, a cross-site post and no session', async ({ page, browser }) => {
  await signInAs(page, await createUser('editor'));
  const origin = new URL(page.url()).origin;
  const big = (size: number) => {
    const bytes = Buffer.alloc(size, 0x20);
    bytes.write('%PDF-1.4\n');
    return bytes;
  };
  const ok = await page.request.post('/dashboard/van-ban/tep', {
    headers: { origin },
    multipart: { file: { name: 'ban-scan-12mb.pdf', mimeType: 'application/pdf', buffer: big(12 * 1024 * 1024) } },
  });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ name: 'ban-scan-12mb.pdf', size: 12 * 1024 * 1024, label: 'PDF' });

  const tooBig = await page.request.post('/dashboard/van-ban/tep', {
    headers: { origin },
    multipart: { file: { name: 'qua-lon.pdf', mimeType: 'application/pdf', buffer: big(20 * 1024 * 1024 + 1) } },
  });
  expect(tooBig.status()).toBe(413);
  expect((await tooBig.json()).error).toMatch(/lớn hơn 20 MB/);

  const crossSite = await page.request.post('/dashboard/van-ban/tep', {
    headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    multipart: { file: { name: 'a.pdf', mimeType: 'application/pdf', buffer: big(1000) } },
  });
  expect(crossSite.status()).toBe(403);

  const stranger = await browser.newContext();
  const anonymous = await stranger.request.post(`${origin}/dashboard/van-ban/tep`, {
    headers: { origin },
    multipart: { file: { name: 'a.pdf', mimeType: 'application/pdf', buffer: big(1000) } },
  });
  expect(anonymous.status()).toBe(401);
  await stranger.close();
});

test('the editable lists: add, rename, reorder, and delete only when unused', async ({ page }) => {
  await signInAs(page, await createUser('admin'));
  await page.goto('/dashboard/van-ban/danh-muc');
  const name = `Lĩnh vực thử ${Date.now() % 100000}`;
  const section = page.getByRole('region', { name: 'Lĩnh vực' });
  await section.getByLabel('Thêm vào “Lĩnh vực”').fill(name);
  await section.getByRole('button', { name: 'Thêm', exact: true }).click();
  await expect(section.getByText(`Đã thêm “${name}”.`)).toBeVisible();
  await page.reload();
  await page.getByRole('region', { name: 'Lĩnh vực' }).getByLabel(`Tên của ${name}`).fill(`${name} mới`);
  await page.getByRole('button', { name: `Đổi tên ${name}` }).click();
  await expect(page.getByText(`Đã đổi tên thành “${name} mới”.`)).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: `Xoá ${name} mới` }).click();
  // The entry leaves the list (and its row with it).
  await expect(page.getByRole('button', { name: `Xoá ${name} mới` })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel(`Tên của ${name} mới`)).toHaveCount(0);

  // The issuer used by documents cannot be deleted.
  await insertDocument({ slug: uniqueSlug('dung'), number: `${Date.now() % 100000}/TTr-UBND`, abstract: 'Tờ trình', issuer: ISSUER });
  await page.reload();
  await page.getByRole('button', { name: `Xoá ${ISSUER}`, exact: true }).click();
  await expect(page.getByText(new RegExp(`Không xoá được “${ISSUER}”: .* văn bản đang dùng mục này`))).toBeVisible();
});

test('the list, the form with a refused file and its errors, and the lists page pass axe (WCAG 2.1 AA)', async ({ page }) => {
  const number = `${Date.now() % 100000}/KH-UBND`;
  const pdf = await generatePdf({ title: 'Axe', paragraphs: ['Kiểm tra trợ năng.'] });
  const id = await insertDocument({ slug: uniqueSlug('axe'), number, abstract: 'Văn bản kiểm tra trợ năng', issuer: ISSUER, files: [{ name: 'axe.pdf', bytes: pdf, mimeType: 'application/pdf' }] });
  await signInAs(page, await createUser('admin'));
  const axe = async () => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  };
  await page.goto(`/dashboard/van-ban?q=${encodeURIComponent(number)}`);
  await expect(page.getByRole('link', { name: number })).toBeVisible();
  await axe();
  await page.goto(`/dashboard/van-ban/${id}`);
  await page.getByLabel('Ngày hiệu lực').fill('2000-01-01');
  await page.getByRole('button', { name: 'Xuất bản' }).click();
  await expect(page.locator('#vb-effectiveOn-loi')).not.toHaveText('');
  await page.getByLabel('Tệp đính kèm', { exact: true }).setInputFiles({ name: 'sai.pdf', mimeType: 'application/pdf', buffer: Buffer.from('không phải pdf') });
  await expect(page.locator('#vb-fileIds-loi')).toContainText('“sai.pdf”');
  await axe();
  await page.goto('/dashboard/van-ban/danh-muc');
  await axe();
});

test('a revision is compared with the live document and restored: fields and files back, still public, a new revision', async ({ page }) => {
  await signInAs(page, await createUser('editor'));
  await page.goto('/dashboard/van-ban/new');
  const number = `${Date.now() % 100000}/KH-PB`;
  const stamp = uniqueSlug('pb').replace(/-/g, ' ');
  await fillRequired(page, { number, abstract: `Kế hoạch ban đầu ${stamp}` });
  const pdf = await generatePdf({ title: `Kế hoạch ${number}`, paragraphs: ['Bản gốc.'] });
  await page.getByLabel('Tệp đính kèm', { exact: true }).setInputFiles({ name: 'Bản gốc.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
  await expect(page.getByRole('progressbar', { name: 'Đã tải xong “Bản gốc.pdf”' })).toBeVisible();
  await page.getByRole('button', { name: 'Xuất bản' }).click();
  await expect(page).toHaveURL(/\?da-luu=published$/);
  const editUrl = page.url().replace(/\?.*$/, '');

  // Version 2: the abstract rewritten, the file taken off.
  await page.getByLabel('Trích yếu').fill(`Kế hoạch sửa lại ${stamp}`);
  await page.getByRole('button', { name: 'Bỏ tệp Bản gốc.pdf' }).click();
  await page.getByRole('button', { name: 'Xuất bản' }).click();
  await expect(page.getByRole('region', { name: 'Lịch sử phiên bản' }).getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'Lịch sử phiên bản' })).toContainText('Trích yếu, Tệp đính kèm');

  await page.getByRole('link', { name: 'So sánh và khôi phục phiên bản' }).click();
  await page.getByRole('link', { name: 'Phiên bản 1', exact: true }).click();
  const comparison = page.getByRole('table', { name: 'So sánh phiên bản 1 với bản hiện tại' });
  await expect(comparison.getByRole('row', { name: /Trích yếu/ })).toContainText('Đã đổi');
  await expect(comparison.getByRole('row', { name: /Tệp đính kèm/ })).toContainText('Bản gốc.pdf');
  await expect(comparison.getByRole('row', { name: /Tệp đính kèm/ })).toContainText('Đã đổi');
  await expect(comparison.getByRole('row', { name: /Số\/Ký hiệu/ })).toContainText('Như nhau');
  await expect(page.locator('.diff del').first()).toContainText('ban đầu');
  await expect(page.locator('.diff ins').first()).toContainText('sửa lại');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.getByRole('button', { name: 'Khôi phục phiên bản này' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã khôi phục phiên bản 1 thành phiên bản 3.' })).toBeVisible();
  expect(page.url()).toContain(`${editUrl}?khoi-phuc=1`);
  await expect(page.getByLabel('Trích yếu')).toHaveValue(`Kế hoạch ban đầu ${stamp}`);
  await expect(page.getByRole('list', { name: 'Các tệp đính kèm' })).toContainText('Bản gốc.pdf');
  await expect(page.getByRole('button', { name: 'Gỡ' })).toBeVisible();

  // Readers see the restored abstract at once, with the file back.
  const live = page.getByRole('link', { name: 'Xem trên trang' });
  await live.click();
  await expect(page.getByText(`Kế hoạch ban đầu ${stamp}`).first()).toBeVisible();
  const download = page.getByRole('link', { name: /Bản gốc\.pdf/ }).first();
  const response = await page.request.get((await download.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(Buffer.from(await response.body()).equals(Buffer.from(pdf))).toBe(true);

  // Two tabs on the history: the second restore, from a page loaded before the first, is refused.
  await page.goto(`${editUrl}/lich-su`);
  await page.getByRole('link', { name: 'Phiên bản 2', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^Phiên bản 2 —/ })).toBeVisible();
  const other = await page.context().newPage();
  await other.goto(page.url());
  await other.getByRole('button', { name: 'Khôi phục phiên bản này' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'Đã khôi phục phiên bản 2 thành phiên bản 4.' })).toBeVisible();
  await page.getByRole('button', { name: 'Khôi phục phiên bản này' }).click();
  await expect(page.getByText('Văn bản vừa được người khác lưu')).toBeVisible();
});
