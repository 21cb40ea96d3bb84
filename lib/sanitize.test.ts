import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeArticleHtml } from './sanitize';

describe('sanitizeArticleHtml', () => {
  it('keeps the editorial tags', () => {
    const html = '<h2>Tiêu đề</h2><p><strong>Đậm</strong> và <em>nghiêng</em></p><ul><li>Một</li></ul><blockquote>Trích</blockquote>';
    expect(sanitizeArticleHtml(html)).toBe(html);
  });

  it.each([
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<p onclick="alert(1)">x</p>', '<p>x</p>'],
    ['<a href="javascript:alert(1)">x</a>', 'x'],
    ['<img src="x" onerror="alert(1)">', '<img src="x" loading="lazy" alt="" />'],
    ['<svg><script>alert(1)</script></svg>', ''],
    ['<iframe src="https://evil.example"></iframe>', ''],
    ['<p style="background:url(javascript:alert(1))">x</p>', '<p>x</p>'],
  ])('strips %s', (input, expected) => {
    expect(sanitizeArticleHtml(input)).toBe(expected);
  });

  it('opens external links safely and leaves internal ones alone', () => {
    expect(sanitizeArticleHtml('<a href="https://a.example">a</a>')).toBe(
      '<a href="https://a.example" target="_blank" rel="noopener noreferrer nofollow">a</a>',
    );
    expect(sanitizeArticleHtml('<a href="/bai-viet/x">b</a>')).toBe('<a href="/bai-viet/x">b</a>');
  });

  it('is idempotent', () => {
    const once = sanitizeArticleHtml('<p>a <a href="https://x.example">b</a><img src="/m/1.webp" alt="c"></p>');
    expect(sanitizeArticleHtml(once)).toBe(once);
  });
});

describe('htmlToText', () => {
  it('drops markup and decodes the common entities', () => {
    expect(htmlToText('<p>Người &amp; việc</p>\n<p>làm</p>')).toBe('Người & việc làm');
  });
});
