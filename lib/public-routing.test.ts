import { describe, expect, it } from 'vitest';
import { createRedirectLookup } from '@/db/redirect-map';
import { routePublic } from './public-routing';

const MOVED = new Map([
  ['/bai-viet/ten-cu', '/bai-viet/ten-moi'],
  ['/chuyen-muc/giao-duc', '/chuyen-muc/giao-duc-dao-tao'],
  ['/the/xe-buyt', '/the/xe-bus'],
  ['/tac-gia/nguyen-an', '/tac-gia/an-nguyen'],
]);
const lookup = async (path: string) => MOVED.get(path) ?? null;

describe('routePublic', () => {
  it('sends a renamed article, section or tag to its current address with 301, keeping the query', async () => {
    expect(await routePublic('/bai-viet/ten-cu', '', lookup)).toEqual({ redirect: '/bai-viet/ten-moi' });
    expect(await routePublic('/bai-viet/ten-cu', '?utm_source=zalo', lookup)).toEqual({ redirect: '/bai-viet/ten-moi?utm_source=zalo' });
    expect(await routePublic('/chuyen-muc/giao-duc', '?trang=3', lookup)).toEqual({ redirect: '/chuyen-muc/giao-duc-dao-tao?trang=3' });
    // Page N of a renamed archive, by its static route, goes to the new address's ?trang=N.
    expect(await routePublic('/the/xe-buyt/trang/4', '', lookup)).toEqual({ redirect: '/the/xe-bus?trang=4' });
  });

  it('rewrites ?trang=N on archives to the static route, and leaves everything else alone', async () => {
    expect(await routePublic('/chuyen-muc/thoi-su', '?trang=2', lookup)).toEqual({ rewrite: '/chuyen-muc/thoi-su/trang/2' });
    expect(await routePublic('/tac-gia/nguyen-an', '?trang=2', lookup)).toEqual({ rewrite: '/tac-gia/nguyen-an/trang/2' });
    for (const [path, search] of [
      ['/bai-viet/ten-moi', ''],
      ['/bai-viet/ten-cu/them', ''],
      ['/chuyen-muc/thoi-su', ''],
      ['/chuyen-muc/thoi-su/trang/2', ''],
      ['/', ''],
      ['/tim-kiem', '?q=ten-cu'],
      ['/dashboard', ''],
    ] as const) {
      expect(await routePublic(path, search, lookup), path).toBeNull();
    }
  });
});

describe('createRedirectLookup', () => {
  it('loads once for concurrent first lookups, then reloads in the background, keeping the last map on failure', async () => {
    let loads = 0;
    let fail = false;
    let release: () => void = () => {};
    const lookupOf = createRedirectLookup(async () => {
      loads += 1;
      if (loads > 1) await new Promise<void>((resolve) => (release = resolve));
      if (fail) throw new Error('database down');
      return new Map([['/bai-viet/a', `/bai-viet/b${loads}`]]);
    }, 20);
    expect(await Promise.all([lookupOf('/bai-viet/a'), lookupOf('/bai-viet/a')])).toEqual(['/bai-viet/b1', '/bai-viet/b1']);
    expect(loads).toBe(1);
    await new Promise((r) => setTimeout(r, 30));
    // Stale: a reload starts, and the lookup answers from the map it has without waiting.
    expect(await lookupOf('/bai-viet/a')).toBe('/bai-viet/b1');
    expect(loads).toBe(2);
    release();
    await new Promise((r) => setTimeout(r, 5));
    expect(await lookupOf('/bai-viet/a')).toBe('/bai-viet/b2');
    fail = true;
    await new Promise((r) => setTimeout(r, 30));
    await lookupOf('/bai-viet/a');
    release();
    await new Promise((r) => setTimeout(r, 5));
    expect(await lookupOf('/bai-viet/a')).toBe('/bai-viet/b2');
    expect(await lookupOf('/bai-viet/khong-co')).toBeNull();
  });
});
