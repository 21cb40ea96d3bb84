// Images on an S3-compatible store (a real s3rver started here) with a real PostgreSQL: an
// upload through the dashboard action is served by the media route from the bucket, with
// ranges and validators; with the store down the route answers 503 and an upload writes no
// row; once the store is back the same upload goes through. Only the Next/Auth.js runtime
// around the action is replaced (as in app/dashboard/actions-matrix.test.ts).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ActionState } from '@/lib/auth/action';
import { createTestDatabase, type TestDatabase } from '@/testing/database';
import { startTestS3, type TestS3 } from '@/testing/s3';

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; role: 'editor' } }));
vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: vi.fn(async () => session.user),
  sessionLostToOutage: vi.fn(async () => false),
  requireUser: vi.fn(async () => {
    throw new Error('not expected in an action');
  }),
}));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));
vi.mock('next/headers', () => ({ headers: vi.fn(async () => new Headers({ 'x-newsroom-client-ip': '203.0.113.9' })) }));

type Route = typeof import('./route');
type Actions = typeof import('@/app/dashboard/media/actions');

describe('images on an S3-compatible store', () => {
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-media-s3-'));
  let database: TestDatabase;
  let s3: TestS3;
  let route: Route;
  let actions: Actions;
  let storage: typeof import('@/lib/storage');

  beforeAll(async () => {
    s3 = await startTestS3();
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    // MEDIA_DIR is set too, to show that nothing lands there while S3_URL is set.
    process.env.MEDIA_DIR = mediaDir;
    Object.assign(process.env, s3.env);
    route = await import('./route');
    actions = await import('@/app/dashboard/media/actions');
    storage = await import('@/lib/storage');
    const [user] = await database.sql<{ id: string }[]>`
      insert into users (email, name, role) values ('bientap@binhminh.example', 'Biên tập viên', 'editor') returning id`;
    session.user = { id: user!.id, email: 'bientap@binhminh.example', name: 'Biên tập viên', role: 'editor' };
  });

  afterAll(async () => {
    const close = (globalThis as Record<symbol, unknown>)[Symbol.for('newsroom.db.close')];
    if (typeof close === 'function') await (close as () => Promise<void>)();
    await database?.drop();
    await s3?.destroy();
    rmSync(mediaDir, { recursive: true, force: true });
    for (const name of Object.keys(s3?.env ?? {})) delete process.env[name];
  });

  const get = (key: string, headers: Record<string, string> = {}) =>
    route.GET(new Request(`http://localhost/media/${key}`, { headers }), { params: Promise.resolve({ key: key.split('/') }) });

  const png = (seed: number) => sharp({ create: { width: 700, height: 400, channels: 3, background: { r: seed % 256, g: 120, b: 30 } } }).png().toBuffer();

  const upload = async (bytes: Buffer, alt: string): Promise<ActionState> => {
    const form = new FormData();
    form.append('file', new File([new Uint8Array(bytes)], 'cau-rong.png', { type: 'image/png' }));
    form.append('alt', alt);
    return actions.uploadMediaAction({}, form);
  };

  const counts = async () => {
    const [row] = await database.sql<{ media: number; audit: number }[]>`
      select (select count(*)::int from media) as media, (select count(*)::int from audit_log where action = 'media.upload') as audit`;
    return row!;
  };

  const variantsOf = async (id: string) => {
    const [row] = await database.sql<{ variants: { width: number; key: string }[] }[]>`select variants from media where id = ${Number(id)}`;
    return row!.variants;
  };

  it('the storage chosen from the environment is the object store', () => {
    expect(storage.storage().kind).toBe('s3');
  });

  it('an uploaded image is stored in the bucket and served from it: whole, a range, 304', async () => {
    const state = await upload(await png(1), 'Cầu Rồng về đêm');
    expect(state).toMatchObject({ ok: true, message: expect.stringContaining('Đã tải ảnh lên') });
    const variants = await variantsOf(/mã (\d+)/.exec(state.message ?? '')![1]!);
    expect(variants.length).toBeGreaterThan(0);
    const client = (storage.storage() as ReturnType<typeof import('@/lib/storage/s3').s3Storage>).client;
    for (const variant of variants) {
      const response = await get(variant.key);
      expect({ key: variant.key, status: response.status }).toEqual({ key: variant.key, status: 200 });
      expect(response.headers.get('content-type')).toBe('image/webp');
      expect(response.headers.get('cache-control')).toContain('immutable');
      const served = Buffer.from(await response.arrayBuffer());
      expect(await sharp(served).metadata()).toMatchObject({ format: 'webp', width: variant.width });
      // The very bytes in the bucket.
      const object = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: variant.key }));
      expect(Buffer.from(await object.Body!.transformToByteArray()).equals(served)).toBe(true);
    }
    // Nothing was written to the media folder.
    expect(readdirSync(mediaDir)).toEqual([]);

    const key = variants[0]!.key;
    const whole = Buffer.from(await (await get(key)).arrayBuffer());
    const part = await get(key, { range: 'bytes=10-19' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${whole.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(whole.subarray(10, 20))).toBe(true);
    const suffix = await get(key, { range: 'bytes=-5' });
    expect(Buffer.from(await suffix.arrayBuffer()).equals(whole.subarray(-5))).toBe(true);
    const past = await get(key, { range: `bytes=${whole.length}-` });
    expect([past.status, past.headers.get('content-range')]).toEqual([416, `bytes */${whole.length}`]);
    const etag = (await get(key)).headers.get('etag')!;
    expect((await get(key, { 'if-none-match': etag })).status).toBe(304);
    // A range asked "if still this version" of another version gets the whole image.
    const stale = await get(key, { range: 'bytes=0-9', 'if-range': '"another-version"' });
    expect([stale.status, Buffer.from(await stale.arrayBuffer()).length]).toEqual([200, whole.length]);
  });

  it('a key that is not in the bucket is 404, as before', async () => {
    const response = await get('2026/11/0123456789abcdef0123-640.webp');
    expect([response.status, await response.text()]).toEqual([404, 'Không tìm thấy ảnh.']);
  });

  it('with the store down: the route answers 503 with Retry-After; an upload says so and writes no row', async () => {
    const state = await upload(await png(2), 'Cầu Rồng phun lửa');
    const [key] = (await variantsOf(/mã (\d+)/.exec(state.message ?? '')![1]!)).map((v) => v.key);
    const before = await counts();
    await s3.stop();
    try {
      const started = performance.now();
      const response = await get(key!);
      console.log(`media route with the store down answered ${response.status} after ${Math.round(performance.now() - started)} ms`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('30');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).toBe('Kho ảnh tạm thời không truy cập được. Vui lòng thử lại sau ít phút.');

      const refused = await upload(await png(3), 'Ảnh tải lên khi kho tắt');
      expect(refused).toEqual({ ok: false, message: storage.STORAGE_UNAVAILABLE, values: { alt: 'Ảnh tải lên khi kho tắt' } });
      expect(await counts()).toEqual(before);
    } finally {
      await s3.start();
    }
    // Back: the image is served again, and the same upload now goes through.
    expect((await get(key!)).status).toBe(200);
    const retried = await upload(await png(3), 'Ảnh tải lên khi kho tắt');
    expect(retried).toMatchObject({ ok: true, message: expect.stringContaining('Đã tải ảnh lên') });
    expect(await counts()).toEqual({ media: before.media + 1, audit: before.audit + 1 });
  });
});
