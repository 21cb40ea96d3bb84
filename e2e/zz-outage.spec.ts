// Runs last (files run in name order, one worker): it stops the e2e site's database.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CAPTCHA_TEST_CODE } from '../playwright.config';
import { createUser, e2eSql, insertArticle, signInAs, uniqueSlug } from './fixtures';

const DATA_DIR = path.resolve(process.env.E2E_DATA_DIR ?? '.data/e2e');

/** The cluster folder, wherever the launcher put it (DATA_DIR or the temp-dir fallback). */
function clusterDir(): string {
  const url = new URL(readFileSync(path.join(DATA_DIR, 'database-url'), 'utf8').trim());
  const ps = execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' });
  const line = ps.split('\n').find((l) => l.includes(`-p ${url.port}`) && l.includes(' -D '));
  const dir = line ? /-D (\S+)/.exec(line)?.[1] : undefined;
  if (!dir || !existsSync(path.join(dir, 'PG_VERSION'))) throw new Error('cannot find the e2e cluster');
  return dir;
}

/** pg_ctl beside the very postgres binary that runs the cluster (postmaster.opts names it). */
function pgCtl(dir: string, args: string[]): void {
  const postgresBin = readFileSync(path.join(dir, 'postmaster.opts'), 'utf8').trim().split(/\s+/)[0]!;
  const pgCtlBin = path.join(path.dirname(postgresBin), 'pg_ctl');
  const asPostgres = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', pgCtlBin] : [pgCtlBin];
  execFileSync(asPostgres[0]!, [...asPostgres.slice(1), ...args], { stdio: 'pipe' });
}

test('with the database down, cached pages are served, forms keep typing, health says down; it all recovers', async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  const slug = uniqueSlug('bai-khi-mat-csdl');
  const id = await insertArticle({ slug, title: 'Bài vẫn đọc được khi mất cơ sở dữ liệu' });
  expect((await request.get(`/bai-viet/${slug}`)).status()).toBe(200);
  const editor = await createUser('editor');
  const editorPage = await (await browser.newContext()).newPage();
  await signInAs(editorPage, editor);
  // Every e2e page comes from 127.0.0.1: earlier specs' security codes must not count against this one.
  await e2eSql()`delete from rate_limit_hits`;
  await page.goto(`/bai-viet/${slug}`);
  await expect.poll(() => page.locator('.captcha__image').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  const dir = clusterDir();
  const options = readFileSync(path.join(dir, 'postmaster.opts'), 'utf8');
  const port = /-p["\s]+"?(\d+)/.exec(options)?.[1];
  pgCtl(dir, ['stop', '-D', dir, '-m', 'fast', '-w']);
  try {
    const health = await request.get('/api/health');
    expect(health.status()).toBe(503);
    expect(await health.json()).toEqual({ status: 'error', db: 'down' });

    const cached = await request.get(`/bai-viet/${slug}`);
    expect(cached.status()).toBe(200);
    expect(await cached.text()).toContain('Bài vẫn đọc được khi mất cơ sở dữ liệu');

    await page.getByLabel('Họ tên', { exact: true }).fill('Người đọc kiên nhẫn');
    await page.getByLabel('Tiêu đề').fill('Gửi lúc mất kết nối');
    await page.getByLabel('Nội dung').fill('Nội dung này không được mất.');
    await page.getByLabel('Mã xác nhận').fill(CAPTCHA_TEST_CODE);
    await page.getByRole('checkbox', { name: /Tôi đồng ý để ban biên tập/ }).check();
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'tạm thời gián đoạn' })).toBeVisible();
    await expect(page.getByLabel('Nội dung')).toHaveValue('Nội dung này không được mất.');

    // The same comment sent without JavaScript: 503 and a Vietnamese page, not Next's empty shell.
    const noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await noScript.goto(`/bai-viet/${slug}`);
    await noScript.getByLabel('Họ tên', { exact: true }).fill('Người đọc không dùng JavaScript');
    await noScript.getByLabel('Tiêu đề').fill('Gửi lúc mất kết nối');
    await noScript.getByLabel('Nội dung').fill('Gửi bằng biểu mẫu thường.');
    await noScript.getByLabel('Mã xác nhận').fill(CAPTCHA_TEST_CODE);
    await noScript.getByRole('checkbox', { name: /Tôi đồng ý để ban biên tập/ }).check();
    const posted = noScript.waitForResponse((response) => response.request().method() === 'POST');
    await noScript.getByRole('button', { name: 'Gửi bình luận' }).click();
    expect((await posted).status()).toBe(503);
    await expect(noScript.getByRole('heading', { level: 1, name: /tạm thời/ })).toBeVisible();
    await expect(noScript.getByText(/bấm .Quay lại./)).toBeVisible();

    // A signed-in editor is told the system is interrupted, not sent to the sign-in page.
    const dashboard = await editorPage.goto('/dashboard');
    expect(dashboard?.status()).toBe(503);
    await expect(editorPage.getByText(/tạm thời gián đoạn/).first()).toBeVisible();
    expect(editorPage.url()).not.toContain('/login');
  } finally {
    pgCtl(dir, ['start', '-D', dir, '-w', '-l', path.join(dir, 'server.log'), '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`]);
  }

  await expect.poll(async () => (await request.get('/api/health')).status(), { timeout: 20_000 }).toBe(200);
  await editorPage.goto('/dashboard');
  await expect(editorPage.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  expect(id).toBeGreaterThan(0);
});
