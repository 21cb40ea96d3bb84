import { expect, test } from '@playwright/test';
import { createUser, e2eSql, signInAs } from './fixtures';

test.describe('sign-in', () => {
  test('an unknown e-mail and a wrong password get the same answer; the right one gets in', async ({ page }) => {
    const editor = await createUser('editor');
    const attempt = async (email: string, password: string) => {
      await page.goto('/login');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Mật khẩu').fill(password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await expect(page.locator('.form-message')).not.toBeEmpty();
      return page.locator('.form-message').textContent();
    };
    const unknown = await attempt('khong-ton-tai@e2e.example', 'mot mat khau bat ky');
    const wrong = await attempt(editor.email, 'sai mat khau roi nhe');
    expect(unknown).toBe('Email hoặc mật khẩu không đúng.');
    expect(wrong).toBe(unknown);
    await signInAs(page, editor);
    await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  });

  test('the sixth attempt after five wrong passwords is refused even with the right password', async ({ page }) => {
    const reporter = await createUser('reporter', 'khoa');
    for (let i = 0; i < 5; i++) {
      await page.goto('/login');
      await page.getByLabel('Email').fill(reporter.email);
      await page.getByLabel('Mật khẩu').fill(`sai mat khau lan ${i}`);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await expect(page.locator('.form-message')).toHaveText('Email hoặc mật khẩu không đúng.');
    }
    await page.goto('/login');
    await page.getByLabel('Email').fill(reporter.email);
    await page.getByLabel('Mật khẩu').fill(reporter.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.locator('.form-message')).toContainText('tạm khóa');
    expect(page.url()).toContain('/login');
  });

  test('shows field errors in Vietnamese and keeps the typed e-mail', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('ai-do@e2e.example');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.locator('#f-password-loi')).toHaveText('Vui lòng nhập mật khẩu.');
    await expect(page.getByLabel('Email')).toHaveValue('ai-do@e2e.example');
  });
});

test.describe('roles and accounts', () => {
  test('an admin disables a signed-in editor: the editor’s next click lands on /login', async ({ browser }) => {
    const admin = await createUser('admin');
    const editor = await createUser('editor', 'bi-khoa');
    const adminPage = await (await browser.newContext()).newPage();
    const editorPage = await (await browser.newContext()).newPage();
    await signInAs(editorPage, editor);
    await signInAs(adminPage, admin);

    await adminPage.goto('/dashboard/users');
    const row = adminPage.locator(`tr[data-email="${editor.email}"]`);
    await row.getByRole('button', { name: 'Khóa' }).click();
    await expect(row.getByRole('button', { name: 'Mở khóa' })).toBeVisible();

    await editorPage.getByRole('link', { name: 'Tài khoản của tôi' }).click();
    await expect(editorPage).toHaveURL(/\/login/);
    const [audit] = await e2eSql()`select count(*)::int as n from audit_log where action = 'user.disable' and entity_id = ${editor.id}`;
    expect(audit?.n).toBe(1);
  });

  test('a reporter cannot reach the accounts page', async ({ page }) => {
    const reporter = await createUser('reporter');
    await signInAs(page, reporter);
    await expect(page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Người dùng' })).toHaveCount(0);
    const response = await page.goto('/dashboard/users');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Không có quyền truy cập' })).toBeVisible();
    expect((await page.goto('/dashboard/audit'))?.status()).toBe(403);
  });

  test('the last active admin can be neither disabled nor demoted', async ({ page }) => {
    const admin = await createUser('admin', 'cuoi-cung');
    await e2eSql()`update users set disabled = true where role = 'admin' and id <> ${admin.id}`;
    await signInAs(page, admin);
    await page.goto('/dashboard/users');
    const row = page.locator(`tr[data-email="${admin.email}"]`);
    const disableForm = row.locator('form', { has: page.getByRole('button', { name: 'Khóa' }) });
    await disableForm.getByRole('button', { name: 'Khóa' }).click();
    await expect(disableForm.getByRole('status')).toContainText('quản trị viên cuối cùng');
    const roleForm = row.locator('form', { has: page.getByRole('button', { name: 'Đổi vai trò' }) });
    await roleForm.getByLabel(/Vai trò của/).selectOption('editor');
    await roleForm.getByRole('button', { name: 'Đổi vai trò' }).click();
    await expect(roleForm.getByRole('status')).toContainText('quản trị viên cuối cùng');
    const [me] = await e2eSql()`select role, disabled from users where id = ${admin.id}`;
    expect(me).toMatchObject({ role: 'admin', disabled: false });
  });

  test('an admin creates an account with a one-time link; the link sets the password once', async ({ page, browser }) => {
    const admin = await createUser('admin');
    await signInAs(page, admin);
    await page.goto('/dashboard/users');
    const email = `moi-${Date.now()}@e2e.example`;
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Họ tên').fill('Phóng viên Mới');
    await page.getByLabel('Vai trò', { exact: true }).selectOption('reporter');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect(page.locator('.form-message--ok').first()).toContainText(email);
    const link = await page.getByRole('textbox', { name: 'Liên kết đặt mật khẩu' }).inputValue();
    expect(link).toContain('/dat-mat-khau?token=');

    const other = await (await browser.newContext()).newPage();
    await other.goto(new URL(link).pathname + new URL(link).search);
    await other.getByLabel('Mật khẩu mới').fill('12345678');
    await other.getByLabel('Nhập lại mật khẩu').fill('12345678');
    await other.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await expect(other.locator('#f-password-loi')).toContainText('phổ biến');
    await other.getByLabel('Mật khẩu mới').fill('bau troi mua thu xanh ngat');
    await other.getByLabel('Nhập lại mật khẩu').fill('bau troi mua thu xanh ngat');
    await other.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await expect(other).toHaveURL(/\/login\?da-dat-mat-khau=1/);
    await signInAs(other, { email, password: 'bau troi mua thu xanh ngat' });

    const reused = await (await browser.newContext()).newPage();
    await reused.goto(new URL(link).pathname + new URL(link).search);
    await expect(reused.getByText('Liên kết không còn hiệu lực')).toBeVisible();
  });
});

test.describe('no data for anonymous clients, whatever the headers', () => {
  const tricks: Record<string, string>[] = [
    { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
    { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
    { RSC: '1' },
    { RSC: '1', 'Next-Router-Prefetch': '1' },
    { 'Next-Router-State-Tree': '%5B%22%22%5D', RSC: '1' },
    { Purpose: 'prefetch', 'Sec-Purpose': 'prefetch' },
    { Cookie: 'authjs.session-token=forged.value.here' },
  ];
  for (const path of ['/dashboard', '/dashboard/users', '/dashboard/audit?_rsc=abc', '/dashboard/account']) {
    for (const [index, headers] of tricks.entries()) {
      test(`${path} with ${Object.keys(headers).join('+')} (#${index + 1})`, async ({ request }) => {
        const response = await request.get(path, { headers, maxRedirects: 0 });
        expect([301, 302, 303, 307, 308, 401, 403]).toContain(response.status());
        if (response.status() >= 300 && response.status() < 400) expect(response.headers().location).toContain('/login');
        const body = await response.text();
        expect(body).not.toContain('@e2e.example');
        expect(body).not.toContain('bientap@demo');
        // Markers that only a rendered, data-bearing dashboard page contains.
        expect(body).not.toContain('data-email=');
        expect(body).not.toContain('Đăng nhập gần nhất');
        expect(body).not.toContain('Xin chào');
      });
    }
  }
});

test('security headers are sent on public and dashboard responses', async ({ request }) => {
  for (const path of ['/', '/login', '/dashboard']) {
    const response = await request.get(path, { maxRedirects: 0 });
    const h = response.headers();
    expect(h['content-security-policy']).toContain("object-src 'none'");
    expect(h['content-security-policy']).toContain("base-uri 'none'");
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBeTruthy();
  }
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
  await signInAs(page, await createUser('reporter'));
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');
});

test.describe('sessions and password changes', () => {
  test('signing out ends that session on the server: a copied cookie no longer opens /dashboard, the same account on another device stays in', async ({ page, context, browser }) => {
    const editor = await createUser('editor', 'dang-xuat');
    // The same editor is also signed in on the office computer.
    const office = await browser.newContext();
    const officePage = await office.newPage();
    await signInAs(officePage, editor);
    await signInAs(page, editor);
    const copied = await context.cookies();
    expect(copied.some((c) => c.name.endsWith('authjs.session-token'))).toBe(true);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(page).toHaveURL(/\/login/);

    // Someone who kept a copy of the cookie (a shared computer, a stolen backup) replays it.
    const replay = await browser.newContext();
    await replay.addCookies(copied);
    const response = await replay.request.get('/dashboard', { maxRedirects: 0 });
    expect([302, 303, 307]).toContain(response.status());
    expect(response.headers().location).toContain('/login');
    const replayPage = await replay.newPage();
    await replayPage.goto('/dashboard');
    await expect(replayPage).toHaveURL(/\/login/);
    await replay.close();

    // Signing out on one device does not sign the editor out of the other.
    await officePage.goto('/dashboard');
    await expect(officePage).toHaveURL(/\/dashboard$/);
    await expect(officePage.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
    await office.close();

    const [audit] = await e2eSql()`select count(*)::int as n from audit_log where action = 'auth.sign_out' and entity_id = ${editor.id}`;
    expect(audit?.n).toBe(1);
  });

  test('five wrong guesses at the current password lock the change, even with the right one next; each is audited', async ({ page }) => {
    const editor = await createUser('editor', 'doi-mat-khau');
    await signInAs(page, editor);
    await page.goto('/dashboard/account');
    const change = async (current: string) => {
      // React empties the form once the previous answer is in; typing before that would be lost.
      await expect(page.getByLabel('Mật khẩu hiện tại')).toHaveValue('');
      await page.getByLabel('Mật khẩu hiện tại').fill(current);
      await page.getByLabel('Mật khẩu mới', { exact: true }).fill('con duong ve nha rat dai');
      await page.getByLabel('Nhập lại mật khẩu mới').fill('con duong ve nha rat dai');
      // Wait for the action's answer: the error text of one wrong guess looks like the last one's.
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/dashboard/account'),
        page.getByRole('button', { name: 'Đổi mật khẩu' }).click(),
      ]);
    };
    for (let i = 0; i < 5; i++) {
      await change(`doan sai lan thu ${i}`);
      await expect(page.locator('#f-currentPassword-loi')).toHaveText('Mật khẩu hiện tại không đúng.');
    }
    await change(editor.password);
    await expect(page.locator('#f-currentPassword-loi')).toContainText('tạm khóa');
    const [row] = await e2eSql()`select password_hash from users where id = ${editor.id}`;
    const { verifyPassword } = await import('../lib/password');
    expect(await verifyPassword(String(row?.password_hash), editor.password)).toBe(true);
    const audits = await e2eSql()`select action from audit_log where entity_id = ${editor.id} and action like 'user.password_change%' order by id`;
    expect(audits.map((a) => a.action)).toEqual([...Array(5).fill('user.password_change_failed'), 'user.password_change_locked']);
  });
});
