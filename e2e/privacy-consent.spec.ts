// Issue 16, consent and the policy: the comment form's box (never ticked on load, refused
// without it with and without JavaScript, typing kept), the consent proof stored with the
// comment, and the policy's versions (an admin's edit is version N+1; old versions stay readable).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { CAPTCHA_TEST_CODE } from '../playwright.config';
import { createUser, e2eSql, insertArticle, signInAs, uniqueSlug } from './fixtures';

const THANKS = 'Cảm ơn bạn đã gửi bình luận';
const CONSENT_LABEL = 'Tôi đồng ý để ban biên tập xử lý họ tên và số điện thoại theo Chính sách bảo vệ dữ liệu cá nhân';
const CONSENT_REQUIRED = 'Vui lòng đánh dấu đồng ý với Chính sách bảo vệ dữ liệu cá nhân để gửi bình luận.';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function freshArticle(): Promise<string> {
  const slug = uniqueSlug('bai-dong-y');
  await insertArticle({ slug, title: `Bài để bình luận ${slug}` });
  await e2eSql()`delete from rate_limit_hits`;
  return slug;
}

const currentVersion = async () => Number((await e2eSql()`select max(version)::int as v from privacy_policy_versions`)[0]?.v);

async function fillComment(page: Page, title: string) {
  // The security code's cookie is set when its image loads.
  await expect.poll(() => page.locator('.captcha__image').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await page.getByLabel('Họ tên', { exact: true }).fill('Võ Thị Đồng Ý');
  await page.getByLabel('Số điện thoại', { exact: true }).fill('0987 654 321');
  await page.getByLabel('Tiêu đề').fill(title);
  await page.getByLabel('Nội dung').fill('Nội dung không được mất.');
  await page.getByLabel('Mã xác nhận').fill(CAPTCHA_TEST_CODE);
}

async function expectTypingKept(page: Page, title: string) {
  await expect(page.getByLabel('Họ tên', { exact: true })).toHaveValue('Võ Thị Đồng Ý');
  await expect(page.getByLabel('Số điện thoại', { exact: true })).toHaveValue('0987 654 321');
  await expect(page.getByLabel('Tiêu đề')).toHaveValue(title);
  await expect(page.getByLabel('Nội dung')).toHaveValue('Nội dung không được mất.');
}

test.describe('consent on the comment form', () => {
  test('the box is unticked on load, labelled exactly, and links to the policy', async ({ page }) => {
    const slug = await freshArticle();
    await page.goto(`/bai-viet/${slug}`);
    const box = page.getByRole('checkbox', { name: CONSENT_LABEL, exact: true });
    await expect(box).toBeVisible();
    await expect(box).not.toBeChecked();
    const link = page.locator('.comment-form__consent').getByRole('link', { name: 'Chính sách bảo vệ dữ liệu cá nhân', exact: true });
    await expect(link).toHaveAttribute('href', '/bao-ve-du-lieu-ca-nhan');
    await expect(page.locator('input[type="hidden"][name="policyVersion"]')).toHaveValue(String(await currentVersion()));
  });

  test('unticked, with JavaScript: refused beside the box, nothing typed lost; ticked then, stored with the version and time', async ({ page }) => {
    const slug = await freshArticle();
    await page.goto(`/bai-viet/${slug}`);
    const title = `Không đánh dấu JS ${Date.now()}`;
    await fillComment(page, title);
    const posted = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    expect((await posted).status()).toBeLessThan(500);
    await expect(page.locator('#binh-luan-consent-loi')).toHaveText(CONSENT_REQUIRED);
    await expect(page.getByRole('checkbox', { name: CONSENT_LABEL })).toHaveAttribute('aria-invalid', 'true');
    await expectTypingKept(page, title);
    expect(await e2eSql()`select id from comments where title = ${title}`).toHaveLength(0);

    // The code was used up: a new one is shown; tick the box and send again.
    await expect.poll(() => page.locator('.captcha__image').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await page.getByLabel('Mã xác nhận').fill(CAPTCHA_TEST_CODE);
    await page.getByRole('checkbox', { name: CONSENT_LABEL }).check();
    const before = Date.now();
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    await expect(page.getByRole('status').filter({ hasText: THANKS })).toBeVisible();
    const [row] = await e2eSql()`select consent_policy_version as version, extract(epoch from consented_at) * 1000 as at from comments where title = ${title}`;
    expect(row?.version).toBe(await currentVersion());
    expect(Math.abs(Number(row?.at) - before)).toBeLessThan(60_000);
    // After a comment is sent, the next one needs the box ticked again.
    await expect(page.getByRole('checkbox', { name: CONSENT_LABEL })).not.toBeChecked();
  });

  test('unticked, without JavaScript: refused beside the box, nothing typed lost; ticked, stored', async ({ browser }) => {
    const slug = await freshArticle();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/bai-viet/${slug}`);
    const title = `Không đánh dấu, không JS ${Date.now()}`;
    await fillComment(page, title);
    const posted = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    expect((await posted).status()).toBeLessThan(500);
    await expect(page.locator('#binh-luan-consent-loi')).toHaveText(CONSENT_REQUIRED);
    await expectTypingKept(page, title);
    await expect(page.getByRole('checkbox', { name: CONSENT_LABEL })).not.toBeChecked();
    expect(await e2eSql()`select id from comments where title = ${title}`).toHaveLength(0);

    await page.getByLabel('Mã xác nhận').fill(CAPTCHA_TEST_CODE);
    await page.getByRole('checkbox', { name: CONSENT_LABEL }).check();
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    await expect(page.getByText(THANKS)).toBeVisible();
    const [row] = await e2eSql()`select consent_policy_version as version, consented_at is not null as consented from comments where title = ${title}`;
    expect(row).toEqual({ version: await currentVersion(), consented: true });
    await context.close();
  });

  test('a ticked box is kept when another field is wrong', async ({ page }) => {
    const slug = await freshArticle();
    await page.goto(`/bai-viet/${slug}`);
    const title = `Giữ dấu ${Date.now()}`;
    await fillComment(page, title);
    await page.getByLabel('Họ tên', { exact: true }).fill('');
    await page.getByRole('checkbox', { name: CONSENT_LABEL }).check();
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    await expect(page.locator('#binh-luan-name-loi')).toHaveText('Vui lòng nhập họ tên.');
    await expect(page.locator('#binh-luan-consent-loi')).toHaveText('');
    await expect(page.getByRole('checkbox', { name: CONSENT_LABEL })).toBeChecked();
  });
});

test.describe('the policy page and its versions', () => {
  test('an admin edit is version N+1, shown on the very next load; ?phien-ban=1 keeps the old text; bad values and unknown versions', async ({ page, browser, request }) => {
    const before = await currentVersion();
    const [v1] = await e2eSql()`select organisation_name, collected from privacy_policy_versions where version = 1`;
    // A reader's visit caches the page as it is.
    await page.goto('/bao-ve-du-lieu-ca-nhan');
    await expect(page.getByRole('heading', { level: 1, name: 'Chính sách bảo vệ dữ liệu cá nhân' })).toBeVisible();
    await expect(page.locator('.policy__version')).toContainText(`Phiên bản ${before}, ngày`);

    const admin = await createUser('admin');
    const adminPage = await (await browser.newContext()).newPage();
    await signInAs(adminPage, admin);
    await adminPage.getByRole('link', { name: 'Dữ liệu cá nhân', exact: true }).click();
    await expect(adminPage.getByRole('heading', { level: 1, name: 'Dữ liệu cá nhân' })).toBeVisible();
    await expect(adminPage.getByRole('link', { name: 'Cài đặt thời hạn lưu trữ' })).toHaveAttribute('href', '/dashboard/du-lieu-ca-nhan/luu-tru');
    const name = adminPage.getByLabel('Tên tổ chức xử lý dữ liệu');
    await expect(name).toHaveValue(String((await e2eSql()`select organisation_name from privacy_policy_versions where version = ${before}`)[0]?.organisation_name));

    // No change: refused politely, nothing published.
    await adminPage.getByRole('button', { name: 'Xuất bản phiên bản mới' }).click();
    await expect(adminPage.getByRole('status').filter({ hasText: 'không có gì thay đổi' })).toBeVisible();
    expect(await currentVersion()).toBe(before);

    // A field error: beside the field, the rest of the typing kept.
    const newName = `Ủy ban nhân dân Quận Bình Minh — bản sửa ${Date.now()}`;
    const purposes = adminPage.getByLabel('Mục đích xử lý');
    await purposes.fill('Kiểm duyệt bình luận và liên hệ lại khi cần (bản sửa).');
    await name.fill('');
    await adminPage.getByRole('button', { name: 'Xuất bản phiên bản mới' }).click();
    await expect(adminPage.locator('#f-organisationName-loi')).toHaveText('Vui lòng nhập tên tổ chức xử lý dữ liệu.');
    await expect(purposes).toHaveValue('Kiểm duyệt bình luận và liên hệ lại khi cần (bản sửa).');
    expect(await currentVersion()).toBe(before);

    await name.fill(newName);
    await adminPage.getByRole('button', { name: 'Xuất bản phiên bản mới' }).click();
    await expect(adminPage.getByRole('status').filter({ hasText: `Đã xuất bản phiên bản ${before + 1}` })).toBeVisible();
    expect(await currentVersion()).toBe(before + 1);
    await expect(adminPage.locator(`tr[data-version="${before + 1}"]`)).toContainText(admin.email);
    const [audit] = await e2eSql()`select details from audit_log where action = 'privacy_policy.publish' order by id desc limit 1`;
    expect(audit?.details).toEqual({ version: before + 1 });

    // The very next load is the new version; version 1 still reads as it did, marked not current.
    const publishedAt = Date.now();
    await page.goto('/bao-ve-du-lieu-ca-nhan');
    await expect(page.getByText(newName)).toBeVisible();
    await expect(page.locator('.policy__version')).toContainText(`Phiên bản ${before + 1}, ngày`);
    expect(Date.now() - publishedAt).toBeLessThan(5_000);
    await page.getByRole('link', { name: /^Phiên bản 1, ngày/ }).click();
    await expect(page).toHaveURL(/\?phien-ban=1$/);
    await expect(page.getByText(String(v1?.organisation_name), { exact: true })).toBeVisible();
    await expect(page.getByText(newName)).toHaveCount(0);
    await expect(page.locator('.policy__not-current')).toContainText('không phải phiên bản hiện hành');
    await page.locator('.policy__not-current').getByRole('link').click();
    await expect(page).toHaveURL(/\/bao-ve-du-lieu-ca-nhan$/);
    await expect(page.getByText(newName)).toBeVisible();

    // A bad value is the current version; an unknown version is a 404, never a 500.
    for (const bad of ['abc', '0', '-1', '01', '1e3', '9999999999999', '']) {
      const reply = await request.get(`/bao-ve-du-lieu-ca-nhan?phien-ban=${encodeURIComponent(bad)}`);
      expect(reply.status(), bad).toBe(200);
      expect(await reply.text(), bad).toContain(newName);
    }
    expect((await request.get('/bao-ve-du-lieu-ca-nhan?phien-ban=987654')).status()).toBe(404);
    expect((await request.get(`/bao-ve-du-lieu-ca-nhan?phien-ban=${before + 1}`)).status()).toBe(200);

    // Comments from now on record the new version.
    const slug = await freshArticle();
    await page.goto(`/bai-viet/${slug}`);
    await expect(page.locator('input[type="hidden"][name="policyVersion"]')).toHaveValue(String(before + 1));
  });

  test('admins only: an editor gets 403 and no menu item', async ({ page }) => {
    await signInAs(page, await createUser('editor'));
    await expect(page.getByRole('link', { name: 'Dữ liệu cá nhân', exact: true })).toHaveCount(0);
    expect((await page.goto('/dashboard/du-lieu-ca-nhan'))?.status()).toBe(403);
  });

  test('the footer links the policy; the page and an old version pass axe (WCAG 2.1 AA)', async ({ page }) => {
    await page.goto('/');
    await page.locator('.site-footer').getByRole('link', { name: 'Bảo vệ dữ liệu cá nhân' }).click();
    await expect(page).toHaveURL(/\/bao-ve-du-lieu-ca-nhan$/);
    for (const url of ['/bao-ve-du-lieu-ca-nhan', '/bao-ve-du-lieu-ca-nhan?phien-ban=1']) {
      await page.goto(url);
      const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), url).toEqual([]);
    }
    // The comment form with its consent error passes too.
    const slug = await freshArticle();
    await page.goto(`/bai-viet/${slug}`);
    await fillComment(page, 'Kiểm tra trợ năng');
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    await expect(page.locator('#binh-luan-consent-loi')).toHaveText(CONSENT_REQUIRED);
    const results = await new AxeBuilder({ page }).include('.comment-form').withTags(WCAG).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
