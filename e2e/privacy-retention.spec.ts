import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createUser, e2eSql, insertArticle, signInAs, uniqueSlug } from './fixtures';

// Retention settings (/dashboard/du-lieu-ca-nhan/luu-tru) and the retention run, against the
// running site: the settings form's errors and success, with and without JavaScript; the
// shell command erasing for real beside the running site; a non-admin refused.
const PAGE = '/dashboard/du-lieu-ca-nhan/luu-tru';
const MONTHS = 'Giữ số điện thoại và mã địa chỉ của người bình luận (tháng)';
const DAYS = 'Giữ bình luận bị từ chối và thư rác (ngày)';
const SAVE = 'Lưu thời hạn lưu trữ';

const settings = async () => (await e2eSql()`select phone_months as "phoneMonths", rejected_days as "rejectedDays" from privacy_retention_settings`)[0];

test.describe('retention of personal data', () => {
  test.afterAll(async () => {
    // Back to the defaults for whatever runs next on this database.
    await e2eSql()`delete from privacy_retention_settings`;
  });

  test('an admin changes the periods: a bad value is refused beside its field with the typing kept, then saved and audited', async ({ page }) => {
    await e2eSql()`delete from privacy_retention_settings`;
    await signInAs(page, await createUser('admin'));
    await page.goto(PAGE);
    await expect(page.getByRole('heading', { name: 'Thời hạn lưu trữ dữ liệu cá nhân' })).toBeVisible();
    await expect(page.getByLabel(MONTHS)).toHaveValue('12');
    await expect(page.getByLabel(DAYS)).toHaveValue('30');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations).toEqual([]);

    await page.getByLabel(MONTHS).fill('mười');
    await page.getByLabel(DAYS).fill('400');
    const refused = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: SAVE }).click();
    expect((await refused).status()).toBeLessThan(500);
    await expect(page.locator('#f-phoneMonths-loi')).toHaveText('Nhập số tháng là số nguyên từ 1 đến 120.');
    await expect(page.locator('#f-rejectedDays-loi')).toHaveText('Nhập số ngày là số nguyên từ 1 đến 365.');
    await expect(page.getByLabel(MONTHS)).toHaveValue('mười');
    await expect(page.getByLabel(DAYS)).toHaveValue('400');
    await expect(page.getByLabel(MONTHS)).toHaveAttribute('aria-invalid', 'true');
    expect(await settings()).toBeUndefined();

    await page.getByLabel(MONTHS).fill('18');
    await page.getByLabel(DAYS).fill('45');
    await page.getByRole('button', { name: SAVE }).click();
    await expect(page.locator('.form-message--ok')).toContainText('Đã lưu');
    await expect(page.locator('#f-phoneMonths-loi')).toHaveText('');
    expect(await settings()).toEqual({ phoneMonths: 18, rejectedDays: 45 });
    const [audit] = await e2eSql()`select details from audit_log where action = 'privacy_retention.update' order by id desc limit 1`;
    expect(audit?.details).toEqual({ old: { phoneMonths: 12, rejectedDays: 30 }, new: { phoneMonths: 18, rejectedDays: 45 } });
    await page.reload();
    await expect(page.getByLabel(MONTHS)).toHaveValue('18');
    await expect(page.getByLabel(DAYS)).toHaveValue('45');
  });

  test('works with JavaScript turned off: the error beside the field, the typing kept, then saved', async ({ browser }) => {
    const admin = await createUser('admin');
    const signedIn = await browser.newContext();
    await signInAs(await signedIn.newPage(), admin);
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.storageState() });
    await signedIn.close();
    const page = await context.newPage();
    await page.goto(PAGE);
    await page.getByLabel(MONTHS).fill('0');
    await page.getByLabel(DAYS).fill('7');
    await page.getByRole('button', { name: SAVE }).click();
    await expect(page.locator('#f-phoneMonths-loi')).toHaveText('Nhập số tháng là số nguyên từ 1 đến 120.');
    await expect(page.getByLabel(MONTHS)).toHaveValue('0');
    await expect(page.getByLabel(DAYS)).toHaveValue('7');
    await page.getByLabel(MONTHS).fill('6');
    await page.getByRole('button', { name: SAVE }).click();
    await expect(page.locator('.form-message--ok')).toContainText('Đã lưu');
    expect(await settings()).toEqual({ phoneMonths: 6, rejectedDays: 7 });
    await context.close();
  });

  test('npm run privacy:retention erases for real beside the running site, and the page lists the run', async ({ page }) => {
    await e2eSql()`delete from privacy_retention_settings`;
    const articleId = await insertArticle({ slug: uniqueSlug('bai-luu-tru'), title: 'Bài có bình luận cũ' });
    const [old] = await e2eSql()<{ id: string }[]>`
      insert into comments (article_id, name, phone, title, content, status, ip_hash, created_at)
      values (${articleId}, 'Người đọc cũ', '+84911111111', 'Cũ', 'Bình luận hơn một năm', 'approved', 'hash-cu', now() - interval '13 months') returning id`;
    const [recent] = await e2eSql()<{ id: string }[]>`
      insert into comments (article_id, name, phone, title, content, status, ip_hash, created_at)
      values (${articleId}, 'Người đọc mới', '+84922222222', 'Mới', 'Bình luận tháng trước', 'approved', 'hash-moi', now() - interval '1 month') returning id`;
    const [spam] = await e2eSql()<{ id: string }[]>`
      insert into comments (article_id, name, phone, title, content, status, ip_hash, created_at, moderated_at)
      values (${articleId}, 'Rác', null, 'Rác', 'Quảng cáo', 'spam', 'hash-rac', now() - interval '40 days', now() - interval '40 days') returning id`;

    const url = readFileSync(path.resolve(process.env.E2E_DATA_DIR ?? '.data/e2e', 'database-url'), 'utf8').trim();
    const { stdout } = await promisify(execFile)(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/privacy-retention.ts'], {
      env: { ...process.env, DATABASE_URL: url },
      timeout: 60_000,
    });
    expect(stdout).toMatch(/Retention run for \d{4}-\d{2}-\d{2}: \d+ phone number\(s\) and \d+ address hash\(es\) erased, \d+ rejected\/spam comment\(s\) deleted/);
    const [run] = await e2eSql()`select phones_erased, comments_deleted from privacy_retention_runs where trigger = 'manual' order by id desc limit 1`;
    expect(stdout).toContain(`${run?.phones_erased} phone number(s)`);
    expect(Number(run?.phones_erased)).toBeGreaterThanOrEqual(1);
    expect(Number(run?.comments_deleted)).toBeGreaterThanOrEqual(1);

    const rows = await e2eSql()`select id::text, phone, ip_hash, content from comments where id in (${old!.id}, ${recent!.id}, ${spam!.id}) order by id`;
    expect(rows).toEqual([
      { id: old!.id, phone: null, ip_hash: null, content: 'Bình luận hơn một năm' },
      { id: recent!.id, phone: '+84922222222', ip_hash: 'hash-moi', content: 'Bình luận tháng trước' },
    ]);

    await signInAs(page, await createUser('admin'));
    await page.goto(PAGE);
    const latest = page.locator('table.data-table tbody tr').first();
    await expect(latest).toContainText('Chạy tay');
    await expect(latest).toContainText('Xong lúc');
    await expect(latest).toContainText('12 tháng / 30 ngày');
  });

  test('an editor or a reporter is refused the page', async ({ browser }) => {
    for (const role of ['editor', 'reporter'] as const) {
      const page = await (await browser.newContext()).newPage();
      await signInAs(page, await createUser(role));
      expect((await page.goto(PAGE))?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: 'Không có quyền truy cập' })).toBeVisible();
      await expect(page.getByLabel(MONTHS)).toHaveCount(0);
    }
    // Signed out: to the sign-in page, back here afterwards.
    const anonymous = await (await browser.newContext()).newPage();
    await anonymous.goto(PAGE);
    await expect(anonymous).toHaveURL(/\/login\?next=%2Fdashboard%2Fdu-lieu-ca-nhan%2Fluu-tru/);
  });
});
