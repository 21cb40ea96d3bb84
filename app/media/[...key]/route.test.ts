import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/database';
import { processImage } from '@/lib/media';
import { closeAppSql } from '@/db/client';

type Route = typeof import('./route');
type Writes = typeof import('@/db/writes/media');

// An upload's whole path: processed, stored (files + row) against a real PostgreSQL, then every
// variant recorded in the row fetched through the route readers' <img> tags point at.
describe('uploaded images are served at every size', () => {
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-media-'));
  let database: TestDatabase;
  let route: Route;
  let writes: Writes;
  let actorId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    process.env.MEDIA_DIR = mediaDir;
    route = await import('./route');
    writes = await import('@/db/writes/media');
    const [user] = await database.sql<{ id: string }[]>`
      insert into users (email, name, role) values ('anh@example.test', 'Phóng viên ảnh', 'editor') returning id`;
    actorId = user!.id;
  });

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  const fetchKey = (key: string) => route.GET(new Request(`http://localhost/media/${key}`), { params: Promise.resolve({ key: key.split('/') }) });

  // 1 × 1 (a pixel), 5 × 300 (a sliver), 9 px, and the ordinary sizes around the variant widths.
  it.each([
    [1, 1],
    [5, 300],
    [9, 9],
    [10, 40],
    [320, 200],
    [1300, 700],
  ])('%i × %i px: every variant answers 200 as WebP, none wider than the original', async (width, height) => {
    const png = await sharp({ create: { width, height, channels: 3, background: { r: width % 256, g: height % 256, b: 7 } } }).png().toBuffer();
    const image = await processImage(png);
    const { id } = await writes.storeImage(image, `Ảnh ${width} × ${height}`, 'anh.png', { id: actorId, email: 'anh@example.test' }, '203.0.113.9');
    const [row] = await database.sql<{ width: number; height: number; variants: { width: number; key: string }[] }[]>`
      select width, height, variants from media where id = ${id}`;
    expect(row).toMatchObject({ width, height });
    expect(row!.variants.length).toBeGreaterThan(0);
    for (const variant of row!.variants) {
      expect(variant.width).toBeLessThanOrEqual(width);
      const response = await fetchKey(variant.key);
      expect({ key: variant.key, status: response.status }).toEqual({ key: variant.key, status: 200 });
      expect(response.headers.get('content-type')).toBe('image/webp');
      const served = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect(served).toMatchObject({ format: 'webp', width: variant.width });
    }
  });

  it('still answers 404 for keys it never makes', async () => {
    for (const key of ['2026/11/0123456789abcdef0123-0.webp', '2026/11/0123456789abcdef0123-12345.webp', '2026/11/../../etc-1.webp', '2026/11/0123456789abcdef0123-640.png']) {
      expect((await fetchKey(key)).status).toBe(404);
    }
  });
});
