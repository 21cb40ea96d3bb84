import { describe, expect, it } from 'vitest';
import { archivePageRoute } from './archive-pages';

describe('archivePageRoute', () => {
  it('maps ?trang=N (N > 1) on sections, tags and authors to the static page route', () => {
    expect(archivePageRoute('/chuyen-muc/thoi-su?trang=2')).toBe('/chuyen-muc/thoi-su/trang/2');
    expect(archivePageRoute('/the/giao-thong?trang=12&utm_source=x')).toBe('/the/giao-thong/trang/12?utm_source=x');
    expect(archivePageRoute('/tac-gia/nguyen-an/?trang=003')).toBe('/tac-gia/nguyen-an/trang/3');
  });

  it('leaves everything else alone', () => {
    for (const url of ['/chuyen-muc/thoi-su', '/chuyen-muc/thoi-su?trang=1', '/chuyen-muc/thoi-su?trang=0', '/chuyen-muc/thoi-su?trang=-2',
      '/chuyen-muc/thoi-su?trang=abc', '/chuyen-muc/thoi-su?trang=999999', '/bai-viet/x?trang=2', '/chuyen-muc/A?trang=2', '/chuyen-muc/x/trang/2?trang=3']) {
      expect(archivePageRoute(url), url).toBeNull();
    }
  });
});
