import { expect, test } from '@playwright/test';
import { createUser, e2eSql, insertArticle, signInAs, uniqueSlug } from './fixtures';

test('sections are created, renamed (old address answers 301), reordered and deleted when empty', async ({ page, request }) => {
  await signInAs(page, await createUser('editor'));
  await page.goto('/dashboard/taxonomy');
  const stamp = Date.now().toString(36);
  const create = page.locator('form', { has: page.getByRole('button', { name: 'Thêm chuyên mục' }) });
  await create.getByLabel('Tên').fill(`Giáo dục ${stamp}`);
  await create.getByRole('button', { name: 'Thêm chuyên mục' }).click();
  await expect(create.getByRole('status')).toContainText('Đã tạo');
  const slug = `giao-duc-${stamp}`;
  await page.reload();
  const row = page.locator(`li[data-slug="${slug}"]`);
  await expect(row).toBeVisible();
  expect(await (await request.get('/')).text()).toContain(`Giáo dục ${stamp}`);

  await row.getByRole('button', { name: `Đưa Giáo dục ${stamp} lên` }).click();
  await expect.poll(async () => {
    const rows = await e2eSql()`select slug from sections order by position`;
    return rows.map((r) => r.slug).indexOf(slug);
  }).toBe((await e2eSql()`select count(*)::int as n from sections`)[0]!.n - 2);

  await row.getByLabel(/Tên của/).fill(`Giáo dục và Đào tạo ${stamp}`);
  await row.getByLabel(/Đường dẫn của/).fill(`giao-duc-dao-tao-${stamp}`);
  await row.getByRole('button', { name: 'Đổi tên' }).click();
  await expect(page.locator(`li[data-slug="giao-duc-dao-tao-${stamp}"]`).getByRole('status').first()).toContainText('Đã lưu');
  await expect
    .poll(async () => (await request.get(`/chuyen-muc/${slug}`, { maxRedirects: 0 })).status(), { timeout: 3_000 })
    .toBe(301);
  expect((await request.get(`/chuyen-muc/${slug}`, { maxRedirects: 0 })).headers().location).toContain(`/chuyen-muc/giao-duc-dao-tao-${stamp}`);
  // Usually the very next request; but a background regeneration of `/` (its 60 s
  // revalidate) that read the old name just before the rename may land just after it, and
  // Next keeps that copy until the one request that follows. Seen once in a full CI run.
  await expect.poll(async () => (await request.get('/')).text(), { timeout: 3_000 }).toContain(`Giáo dục và Đào tạo ${stamp}`);

  await page.reload();
  const renamed = page.locator(`li[data-slug="giao-duc-dao-tao-${stamp}"]`);
  await renamed.getByRole('button', { name: /Xóa/ }).click();
  await expect(renamed).toHaveCount(0, { timeout: 10_000 });
  await expect(page.locator('li[data-slug="thoi-su"]').getByRole('button', { name: /Xóa/ })).toBeDisabled();
  const audit = await e2eSql()`select action from audit_log where entity_type = 'section' and details::text like ${`%${stamp}%`} order by id`;
  expect(audit.map((a) => a.action)).toEqual(['section.create', 'section.rename', 'section.delete']);
});

test('a renamed tag shows its new name on its articles at once; a deleted tag’s archive is gone', async ({ page, request }) => {
  const stamp = Date.now().toString(36);
  const [tag] = await e2eSql()<{ id: number }[]>`insert into tags (name, slug) values (${`Nhà ở ${stamp}`}, ${`nha-o-${stamp}`}) returning id`;
  await e2eSql()`insert into tags (name, slug) values (${`Thẻ trống ${stamp}`}, ${`the-trong-${stamp}`})`;
  const articleSlug = uniqueSlug('bai-co-the');
  const articleId = await insertArticle({ slug: articleSlug, title: `Bài có thẻ ${stamp}` });
  await e2eSql()`insert into article_tags (article_id, tag_id) values (${articleId}, ${tag!.id})`;
  // Readers have seen them: the article, the tag's archive and the empty tag's are cached.
  expect(await (await request.get(`/bai-viet/${articleSlug}`)).text()).toContain(`Nhà ở ${stamp}`);
  expect(await (await request.get(`/the/nha-o-${stamp}`)).text()).toContain(`Bài có thẻ ${stamp}`);
  expect((await request.get(`/the/the-trong-${stamp}`)).status()).toBe(200);

  await signInAs(page, await createUser('editor'));
  await page.goto('/dashboard/taxonomy');
  const row = page.locator(`li[data-slug="nha-o-${stamp}"]`);
  await row.getByLabel(/Tên của/).fill(`Nhà ở xã hội ${stamp}`);
  await row.getByLabel(/Đường dẫn của/).fill(`nha-o-xa-hoi-${stamp}`);
  await row.getByRole('button', { name: 'Đổi tên' }).click();
  await expect(page.locator(`li[data-slug="nha-o-xa-hoi-${stamp}"]`).getByRole('status').first()).toContainText('Đã lưu');
  // The article page names and links the tag anew; the old archive address moves to the new one.
  await expect.poll(async () => (await request.get(`/bai-viet/${articleSlug}`)).text(), { timeout: 3_000 }).toContain(`Nhà ở xã hội ${stamp}`);
  expect(await (await request.get(`/bai-viet/${articleSlug}`)).text()).toContain(`href="/the/nha-o-xa-hoi-${stamp}"`);
  await expect.poll(async () => (await request.get(`/the/nha-o-${stamp}`, { maxRedirects: 0 })).status(), { timeout: 3_000 }).toBe(301);
  expect(await (await request.get(`/the/nha-o-xa-hoi-${stamp}`)).text()).toContain(`Nhà ở xã hội ${stamp}`);

  await page.reload();
  await page.locator(`li[data-slug="the-trong-${stamp}"]`).getByRole('button', { name: `Xóa Thẻ trống ${stamp}` }).click();
  await expect(page.locator(`li[data-slug="the-trong-${stamp}"]`)).toHaveCount(0, { timeout: 10_000 });
  await expect.poll(async () => (await request.get(`/the/the-trong-${stamp}`)).status(), { timeout: 3_000 }).toBe(404);
});
