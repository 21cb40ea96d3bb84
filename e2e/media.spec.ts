import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { createUser, signInAs } from './fixtures';

test('an image is uploaded (type from the bytes, alt required) and becomes an article’s cover', async ({ page, request }) => {
  await signInAs(page, await createUser('editor'));
  await page.goto('/dashboard/media');
  const png = await sharp({ create: { width: 1300, height: 700, channels: 3, background: { r: Date.now() % 256, g: 90, b: 40 } } }).png().toBuffer();

  // A text file named like a photo is refused.
  await page.getByLabel('Tệp ảnh').setInputFiles({ name: 'anh.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('không phải ảnh') });
  await page.getByLabel('Mô tả ảnh').fill('Ảnh giả');
  await page.getByRole('button', { name: 'Tải ảnh lên' }).click();
  await expect(page.locator('#f-file-loi')).toContainText('JPEG, PNG, WebP hoặc AVIF');

  // Alt text is required.
  await page.getByLabel('Tệp ảnh').setInputFiles({ name: 'cau.png', mimeType: 'image/png', buffer: png });
  await page.getByLabel('Mô tả ảnh').fill('');
  await page.getByRole('button', { name: 'Tải ảnh lên' }).click();
  await expect(page.locator('#f-alt-loi')).toContainText('Vui lòng nhập mô tả ảnh');

  const alt = `Cầu Bình Minh lúc hoàng hôn ${Date.now()}`;
  await page.getByLabel('Tệp ảnh').setInputFiles({ name: 'cau.png', mimeType: 'image/png', buffer: png });
  await page.getByLabel('Mô tả ảnh').fill(alt);
  await page.getByRole('button', { name: 'Tải ảnh lên' }).click();
  await expect(page.locator('.form-message--ok').first()).toContainText('Đã tải ảnh lên');
  const mediaId = /mã (\d+)/.exec((await page.locator('.form-message--ok').first().textContent()) ?? '')?.[1];
  const item = page.locator('.media-item', { hasText: alt });
  const src = await item.locator('img').getAttribute('src');
  const image = await request.get(src ?? '');
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/webp');
  expect(image.headers()['cache-control']).toContain('immutable');

  await page.goto('/dashboard/articles/new');
  const title = `Bài có ảnh ${Date.now()}`;
  await page.getByLabel('Tiêu đề').fill(title);
  await page.getByRole('textbox', { name: 'Nội dung' }).click();
  await page.keyboard.type('Nội dung bài có ảnh đại diện.');
  await page.getByLabel('Ảnh đại diện', { exact: true }).selectOption(mediaId ?? '');
  await page.getByRole('button', { name: 'Xuất bản' }).click();
  await expect(page.locator('#bv-coverAlt-loi')).toContainText('mô tả cho ảnh đại diện');
  await page.getByLabel('Mô tả ảnh đại diện').fill(alt);
  await page.getByRole('button', { name: 'Xuất bản' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'bài đang hiển thị' })).toBeVisible();
  const slug = await page.getByLabel('Đường dẫn').inputValue();

  await page.goto(`/bai-viet/${slug}`);
  const cover = page.locator('.article__cover img');
  await expect(cover).toHaveAttribute('alt', alt);
  await expect(cover).toHaveAttribute('width', '1300');
  await expect(cover).toHaveAttribute('height', '700');
  await expect(cover).toHaveAttribute('srcset', /320w.*640w.*1024w.*1300w/);
  expect(await cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
});

test('an image narrower than 10 px is listed and shown, at its own size', async ({ page, request }) => {
  await signInAs(page, await createUser('editor'));
  await page.goto('/dashboard/media');
  const tiny = await sharp({ create: { width: 6, height: 4, channels: 3, background: { r: Date.now() % 256, g: 200, b: 10 } } }).png().toBuffer();
  const alt = `Ảnh rất nhỏ ${Date.now()}`;
  await page.getByLabel('Tệp ảnh').setInputFiles({ name: 'nho.png', mimeType: 'image/png', buffer: tiny });
  await page.getByLabel('Mô tả ảnh').fill(alt);
  await page.getByRole('button', { name: 'Tải ảnh lên' }).click();
  await expect(page.locator('.form-message--ok').first()).toContainText('Đã tải ảnh lên');
  const img = page.locator('.media-item', { hasText: alt }).locator('img');
  const src = (await img.getAttribute('src')) ?? '';
  expect(src).toMatch(/-6\.webp$/);
  const image = await request.get(src);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/webp');
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(6);
});
