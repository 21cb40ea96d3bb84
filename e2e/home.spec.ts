import { expect, test } from '@playwright/test';
import { seedSections } from '../seed/seed-data';

test('the home page lists the seeded articles, in Vietnamese', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page).toHaveTitle(/Quận Bình Minh/);
  await expect(page.getByRole('heading', { name: 'Tin mới nhất' })).toBeVisible();
  const articleLinks = page.locator('main a[href^="/bai-viet/"]');
  expect(await articleLinks.count()).toBeGreaterThanOrEqual(12);
  // Every seeded section is in the menu (specs that ran earlier may have added their own).
  const menu = page.getByRole('navigation', { name: 'Chuyên mục' });
  for (const section of seedSections) await expect(menu.getByRole('link', { name: section.name, exact: true })).toHaveAttribute('href', `/chuyen-muc/${section.slug}`);
  // Published times are shown as HH:mm dd/MM/yyyy.
  await expect(page.locator('main time').first()).toHaveText(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
});

test('the health check reports the database', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', db: 'ok' });
});
