import { describe, expect, it } from 'vitest';
import { isFiltered, parseRegistryParams, registryHref } from './document-registry';

describe('parseRegistryParams', () => {
  it('reads the contract’s parameters', () => {
    expect(parseRegistryParams({ q: ' 67  kh ubnd ', loai: 'ke-hoach', 'co-quan': 'ubnd-quan', 'linh-vuc': 'xa-hoi', nam: '2026', trang: '3' }, 100)).toEqual({
      q: '67 kh ubnd',
      loai: 'ke-hoach',
      coQuan: 'ubnd-quan',
      linhVuc: 'xa-hoi',
      nam: 2026,
      trang: 3,
    });
  });

  it('ignores every bad value instead of failing', () => {
    const bad = parseRegistryParams({ q: ['a', 'b'], loai: ['ke-hoach', 'x'], 'co-quan': 'UBND; drop', 'linh-vuc': 'x'.repeat(10_000), nam: 'abc', trang: '-1' }, 100);
    expect(bad).toEqual({ q: '', loai: null, coQuan: null, linhVuc: null, nam: null, trang: 1 });
    expect(parseRegistryParams({ nam: '20261', trang: '101' }, 100)).toMatchObject({ nam: null, trang: 1 });
    expect(parseRegistryParams({ trang: '1e3' }, 100).trang).toBe(1);
    expect(parseRegistryParams({ q: 'đ'.repeat(10_000) }, 100).q).toHaveLength(200);
    expect(parseRegistryParams({ q: 'a\0b' }, 100).q).toBe('ab');
  });
});

describe('registryHref', () => {
  it('writes only what is set, page 1 without trang', () => {
    const params = parseRegistryParams({ q: 'người khuyết tật', loai: 'ke-hoach', nam: '2026' }, 100);
    expect(registryHref(params)).toBe('/van-ban?q=ng%C6%B0%E1%BB%9Di+khuy%E1%BA%BFt+t%E1%BA%ADt&loai=ke-hoach&nam=2026');
    expect(registryHref(params, 2)).toMatch(/&trang=2$/);
    expect(registryHref(parseRegistryParams({}, 100))).toBe('/van-ban');
    expect(isFiltered(parseRegistryParams({ trang: '2' }, 100))).toBe(false);
    expect(isFiltered(params)).toBe(true);
  });
});
