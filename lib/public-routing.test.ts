import { describe, expect, it } from 'vitest';
import { createRedirectLookup } from '@/db/redirect-map';
import { archivePageRewrites, correctionPageRewrites, documentRegistryRewrites, privacyPolicyRewrites, redirectFor, TRANG_VALUE } from './public-routing.mjs';
import { parsePolicyVersion } from './privacy-policy';
import { REGISTRY_PARAMS } from './document-registry';

const MOVED = new Map([
  ['/bai-viet/ten-cu', '/bai-viet/ten-moi'],
  ['/chuyen-muc/giao-duc', '/chuyen-muc/giao-duc-dao-tao'],
  ['/the/xe-buyt', '/the/xe-bus'],
  ['/tac-gia/nguyen-an', '/tac-gia/an-nguyen'],
]);
const lookup = async (path: string) => MOVED.get(path) ?? null;

describe('redirectFor', () => {
  it('sends a renamed article, section or tag to its current address, keeping the query', async () => {
    expect(await redirectFor('/bai-viet/ten-cu', '', lookup)).toBe('/bai-viet/ten-moi');
    expect(await redirectFor('/bai-viet/ten-cu', '?utm_source=zalo', lookup)).toBe('/bai-viet/ten-moi?utm_source=zalo');
    expect(await redirectFor('/chuyen-muc/giao-duc', '?trang=3', lookup)).toBe('/chuyen-muc/giao-duc-dao-tao?trang=3');
    expect(await redirectFor('/chuyen-muc/giao-duc/', '', lookup)).toBe('/chuyen-muc/giao-duc-dao-tao');
    // Page N of a renamed archive, by its static route, goes to the new address's ?trang=N.
    expect(await redirectFor('/the/xe-buyt/trang/4', '', lookup)).toBe('/the/xe-bus?trang=4');
  });

  it('leaves every other address alone (author slugs have no history)', async () => {
    for (const [path, search] of [
      ['/bai-viet/ten-moi', ''],
      ['/bai-viet/ten-cu/them', ''],
      ['/tac-gia/nguyen-an', ''],
      ['/chuyen-muc/thoi-su', '?trang=2'],
      ['/chuyen-muc/thoi-su/trang/2', ''],
      ['/', ''],
      ['/tim-kiem', '?q=ten-cu'],
      ['/dashboard', ''],
    ] as const) {
      expect(await redirectFor(path, search, lookup), path).toBeNull();
    }
  });
});

describe('archivePageRewrites', () => {
  // Next matches a `has` value against the whole parameter (`^…$`) and hands its named groups
  // to the destination (next/dist/shared/lib/router/utils/prepare-destination.js, matchHas).
  // That Next applies the rule, under next dev and npm start alike, is proven by
  // scripts/public-routing-dev.test.ts and e2e/reader.spec.ts.
  const page = (value: string) => new RegExp(`^${TRANG_VALUE}$`).exec(value)?.groups?.page ?? null;

  it('takes ?trang=N for N from 2 to 99999, leading zeros ignored', () => {
    expect(page('2')).toBe('2');
    expect(page('12')).toBe('12');
    expect(page('003')).toBe('3');
    expect(page('00010')).toBe('10');
    expect(page('99999')).toBe('99999');
  });

  it('leaves the first page, zero, words, signs and more than five digits to the archive itself', () => {
    for (const value of ['', '1', '01', '0', '00', '-2', '+2', 'abc', '2abc', ' 2', '2.0', '123456', '000002']) {
      expect(page(value), value).toBeNull();
    }
  });

  it('applies to sections, tags and authors, by their static route', () => {
    expect(archivePageRewrites).toEqual([
      {
        source: '/:archive(chuyen-muc|the|tac-gia)/:slug([a-z0-9-]+)',
        has: [{ type: 'query', key: 'trang', value: TRANG_VALUE }],
        destination: '/:archive/:slug/trang/:page',
      },
    ]);
  });
});

describe('privacyPolicyRewrites', () => {
  // e2e/privacy-consent.spec.ts proves Next applies it (?phien-ban=1, bad values, an unknown version).
  const [rule] = privacyPolicyRewrites;
  // Next matches a `has` value as `^value$` (prepare-destination.js).
  const version = (value: string) => new RegExp(`^${rule!.has[0]!.value}$`).exec(value)?.groups?.version ?? null;

  it('sends a version number to the static route, and anything else to the current version', () => {
    expect(rule).toMatchObject({ source: '/bao-ve-du-lieu-ca-nhan', destination: '/bao-ve-du-lieu-ca-nhan/phien-ban/:version' });
    expect(version('1')).toBe('1');
    expect(version('123456789')).toBe('123456789');
    for (const value of ['', '0', '01', '-1', '+1', '1.5', '1e3', 'abc', ' 1', '1234567890']) expect(version(value), value).toBeNull();
    // Whatever it lets through, the route reads as a version (or answers 404 for an unknown one).
    for (const value of ['1', '42', '999999999']) expect(parsePolicyVersion(version(value))).toBe(Number(value));
  });
});

describe('correctionPageRewrites', () => {
  // e2e/corrections.spec.ts proves Next applies it under npm start.
  it('sends /dinh-chinh?trang=N to its static route, with the archives\' page values', () => {
    expect(correctionPageRewrites).toEqual([
      { source: '/dinh-chinh', has: [{ type: 'query', key: 'trang', value: TRANG_VALUE }], destination: '/dinh-chinh/trang/:page' },
    ]);
  });
});

describe('documentRegistryRewrites', () => {
  // e2e/documents.spec.ts proves Next applies them (filters, search and pages under npm start).
  it('sends /van-ban with any registry parameter, and only those, to the dynamic route', () => {
    expect(documentRegistryRewrites.map((r) => r.has[0]?.key)).toEqual([...REGISTRY_PARAMS]);
    for (const rule of documentRegistryRewrites) {
      expect(rule).toMatchObject({ source: '/van-ban', destination: '/van-ban/tra-cuu/ket-qua' });
      expect(rule.has).toHaveLength(1);
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
