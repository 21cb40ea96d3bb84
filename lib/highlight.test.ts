import { describe, expect, it } from 'vitest';
import { highlight, queryTerms, snippet } from './highlight';

describe('highlight', () => {
  it('marks accent-insensitive matches in the original text', () => {
    const parts = highlight('Hỗ trợ Người Khuyết Tật tìm việc', queryTerms('nguoi khuyet tat'));
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['Người', 'Khuyết', 'Tật']);
    expect(parts.map((p) => p.text).join('')).toBe('Hỗ trợ Người Khuyết Tật tìm việc');
  });

  it('marks with an accented query too, and handles đ', () => {
    const parts = highlight('Đường Đỗ Xuân Hợp', queryTerms('đường'));
    expect(parts[0]).toEqual({ text: 'Đường', match: true });
  });

  it('never treats markup as anything but text', () => {
    const parts = highlight('<b>x</b> tin', ['tin']);
    expect(parts.map((p) => p.text).join('')).toBe('<b>x</b> tin');
  });
});

describe('queryTerms', () => {
  it('folds, dedupes and drops one-letter words', () => {
    expect(queryTerms('Người người a Khuyết')).toEqual(['khuyet', 'nguoi']);
  });
});

describe('snippet', () => {
  it('cuts a window around the first match on word boundaries', () => {
    const text = `${'mở đầu '.repeat(60)}người khuyết tật ${'kết thúc '.repeat(60)}`;
    const s = snippet(text, queryTerms('khuyet tat'), 80);
    expect(s).toContain('khuyết tật');
    expect(s.startsWith('… ')).toBe(true);
    expect(s.endsWith(' …')).toBe(true);
  });
});
