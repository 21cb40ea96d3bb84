import { expect, test } from '@playwright/test';

test('smoke: the registry answers', async ({ request }) => {
  const res = await request.get('/van-ban');
  expect(res.status()).toBe(200);
  const res2 = await request.get('/van-ban?loai=abc&nam=abc&trang=-1');
  expect(res2.status()).toBe(200);
});
