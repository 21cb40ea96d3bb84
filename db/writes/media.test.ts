import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/testing/database';
import { processImage } from '@/lib/media';
import { closeAppSql } from '@/db/client';

// storeImage() against a real, migrated PostgreSQL database of its own.
describe('storeImage', () => {
  let database: TestDatabase;
  let m: typeof import('./media');
  const people: { id: string; email: string }[] = [];
  const IP = '203.0.113.9';

  const png = (seed: number) =>
    sharp({ create: { width: 400 + seed, height: 300, channels: 3, background: { r: seed % 256, g: 60, b: 90 } } }).png().toBuffer();
  const rows = (hash: string) =>
    database.sql<{ id: number; alt: string; uploaded_by: string | null }[]>`
      select id, alt, uploaded_by from media where storage_key like ${`%/${hash}-%`} order by id`;

  beforeAll(async () => {
    process.env.MEDIA_DIR = mkdtempSync(path.join(os.tmpdir(), 'newsroom-media-test-'));
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    m = await import('./media');
    for (const name of ['phong-vien-a', 'phong-vien-b']) {
      const email = `${name}@binhminh.example`;
      const [row] = await database.sql<{ id: string }[]>`
        insert into users (email, name, role) values (${email}, ${name}, 'reporter') returning id`;
      people.push({ id: row!.id, email });
    }
  });

  afterAll(async () => {
    await closeAppSql();
    await database?.drop();
  });

  it('stores a new image once, with its alt text and uploader', async () => {
    const image = await processImage(await png(1));
    const stored = await m.storeImage(image, 'Cầu Bình Minh lúc hoàng hôn', 'cau.png', people[0]!, IP);
    expect(stored).toMatchObject({ created: true, alt: 'Cầu Bình Minh lúc hoàng hôn' });
    expect(await rows(image.hash)).toEqual([{ id: stored.id, alt: 'Cầu Bình Minh lúc hoàng hôn', uploaded_by: people[0]!.id }]);
  });

  it('the same bytes uploaded again, by someone else, keep the first alt text and say the image exists', async () => {
    const bytes = await png(2);
    const first = await m.storeImage(await processImage(bytes), 'Chợ Bến Thành sáng sớm', 'cho.png', people[0]!, IP);
    const again = await m.storeImage(await processImage(bytes), 'ảnh linh tinh', 'copy.png', people[1]!, IP);
    expect(again).toEqual({ id: first.id, created: false, alt: 'Chợ Bến Thành sáng sớm' });
    // One row, its alt and uploader as they were.
    expect(await rows((await processImage(bytes)).hash)).toEqual([{ id: first.id, alt: 'Chợ Bến Thành sáng sớm', uploaded_by: people[0]!.id }]);
    // Nothing changed, so nothing is written to the audit trail for the second upload.
    const audit = await database.sql`select actor_email from audit_log where action = 'media.upload' and entity_id = ${String(first.id)}`;
    expect(audit.map((r) => r.actor_email)).toEqual([people[0]!.email]);
  });

  it('two people uploading the same new bytes at once get one row', async () => {
    const image = await processImage(await png(3));
    const [a, b] = await Promise.all([
      m.storeImage(image, 'Mô tả của A', 'a.png', people[0]!, IP),
      m.storeImage(image, 'Mô tả của B', 'b.png', people[1]!, IP),
    ]);
    expect(a.id).toBe(b.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const [row] = await rows(image.hash);
    expect((await rows(image.hash)).length).toBe(1);
    // Whoever came second is told the alt text that stayed.
    expect(a.alt).toBe(row!.alt);
    expect(b.alt).toBe(row!.alt);
  });
});
