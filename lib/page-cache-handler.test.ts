import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import PageCacheHandler, { entryFiles, isErrorResponse } from './page-cache-handler.mjs';

type Handler = InstanceType<typeof PageCacheHandler>;
type Context = ConstructorParameters<typeof PageCacheHandler>[0];
type SetContext = Parameters<Handler['set']>[2];
type Value = Parameters<Handler['set']>[1];

const { nodeFs } = createRequire(import.meta.url)('next/dist/server/lib/node-fs-methods.js') as { nodeFs: Context['fs'] };
const SET = { cacheControl: { revalidate: 300, expire: 3600 }, isFallback: false, isRoutePPREnabled: false } as unknown as SetContext;
const runtimeKey = (route: string) => `/route-cache/APP_PAGE/abc/$${route}`;

function page(status: number, title: string): Value {
  return {
    kind: 'APP_PAGE',
    html: `<h1>${title}</h1>`,
    rscData: Buffer.from('rsc'),
    headers: { 'x-next-cache-tags': '_N_T_/layout' },
    postponed: undefined,
    status,
    segmentData: new Map([['/_tree', Buffer.from('tree')]]),
  } as unknown as Value;
}

const dirs: string[] = [];
function serverDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-page-cache-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'app'));
  return dir;
}
// No in-memory layer: what is asserted is what reaches the disk.
const handler = (dir: string) =>
  new PageCacheHandler({ fs: nodeFs, serverDistDir: dir, flushToDisk: true, revalidatedTags: [], _requestHeaders: {} } as unknown as Context);
const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the file-system page cache', () => {
  it('tells error responses from pages', () => {
    expect(isErrorResponse(page(404, 'x'))).toBe(true);
    expect(isErrorResponse({ kind: 'APP_ROUTE', status: 404, body: Buffer.from(''), headers: {} } as unknown as Value)).toBe(true);
    expect(isErrorResponse(page(200, 'x'))).toBe(false);
    expect(isErrorResponse(page(308, 'x'))).toBe(false);
    expect(isErrorResponse(null)).toBe(false);
  });

  it('stores nothing for 404s under new keys, and pages as Next does', async () => {
    const dir = serverDir();
    for (let i = 0; i < 50; i++) await handler(dir).set(runtimeKey(`/the/rac-${i}`), page(404, 'Không tìm thấy trang'), SET);
    expect(files(dir)).toBe(0);
    await handler(dir).set(runtimeKey('/the/that'), page(200, 'Thẻ thật'), SET);
    expect(files(dir)).toBeGreaterThan(2);
    expect((await handler(dir).get(runtimeKey('/the/that'), { kind: 'APP_PAGE', isFallback: false } as never))?.value).toMatchObject({ status: 200 });
  });

  it('lets a 404 replace a page it holds, runtime or prerendered at build', async () => {
    const dir = serverDir();
    const key = runtimeKey('/bai-viet/se-go');
    await handler(dir).set(key, page(200, 'Bài sẽ gỡ'), SET);
    await handler(dir).set(key, page(404, 'Không tìm thấy trang'), SET);
    expect((await handler(dir).get(key, { kind: 'APP_PAGE', isFallback: false } as never))?.value).toMatchObject({ status: 404 });

    // A build-time prerender (app/bai-viet/cu.html) is what Next serves for the runtime key.
    mkdirSync(path.join(dir, 'app', 'bai-viet'));
    writeFileSync(path.join(dir, 'app', 'bai-viet', 'cu.html'), '<h1>Bài cũ</h1>');
    expect(entryFiles(dir, runtimeKey('/bai-viet/cu'), 'APP_PAGE')).toContain(path.join(dir, 'app', 'bai-viet', 'cu.html'));
    const before = files(dir);
    await handler(dir).set(runtimeKey('/bai-viet/cu'), page(404, 'Không tìm thấy trang'), SET);
    expect(files(dir)).toBeGreaterThan(before);
  });
});
