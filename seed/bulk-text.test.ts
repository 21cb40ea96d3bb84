import { describe, expect, it } from 'vitest';
import { bulkBylines, bulkTagNames, createRandom, formatNumberVi, generateArticle, generateComment, BULK_SECTIONS } from './bulk-text';
import { sanitizeArticleHtml } from '../lib/sanitize';
import { slugify, stripDiacritics } from '../lib/vietnamese';

const VIETNAMESE = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i;

describe('bulk text', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const run = (seed: string) => {
      const random = createRandom(seed);
      return Array.from({ length: 20 }, () => [generateArticle(random, 2024), generateComment(random)]);
    };
    expect(run('a')).toEqual(run('a'));
    expect(run('a')).not.toEqual(run('b'));
  });

  it('writes bodies the sanitiser keeps byte for byte, in NFC, with headings and paragraphs', () => {
    const random = createRandom('sanitiser');
    let lists = 0;
    let quotes = 0;
    for (let i = 0; i < 300; i++) {
      const a = generateArticle(random, 2020 + (i % 6));
      expect(sanitizeArticleHtml(a.bodyHtml)).toBe(a.bodyHtml);
      for (const text of [a.title, a.lead, a.bodyHtml]) expect(text.normalize('NFC')).toBe(text);
      expect(a.bodyHtml).toMatch(/^<p>/);
      expect(a.bodyHtml).toContain('<h2>');
      expect(a.title).toMatch(VIETNAMESE);
      expect(a.lead).toMatch(VIETNAMESE);
      expect(a.title).not.toMatch(/[{}]/);
      expect(a.bodyHtml).not.toMatch(/[{}]/);
      expect(a.title.charAt(0)).toBe(a.title.charAt(0).toUpperCase());
      expect(a.tagNames.length).toBeGreaterThan(0);
      expect(BULK_SECTIONS.map((s) => s.slug)).toContain(a.sectionSlug);
      if (/<(ul|ol)>/.test(a.bodyHtml)) lists++;
      if (a.bodyHtml.includes('<blockquote>')) quotes++;
    }
    expect(lists).toBeGreaterThan(50);
    expect(quotes).toBeGreaterThan(50);
  });

  it('varies titles: places, people and numbers change from one article to the next', () => {
    const random = createRandom('variety');
    const titles = new Set(Array.from({ length: 1000 }, (_, i) => generateArticle(random, 2020 + (i % 6)).title));
    expect(titles.size).toBeGreaterThan(900);
  });

  it('writes comments within the comment form limits', () => {
    const random = createRandom('comments');
    for (let i = 0; i < 200; i++) {
      const c = generateComment(random);
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.title.length).toBeLessThanOrEqual(200);
      expect(c.content.length).toBeLessThanOrEqual(5000);
      expect(c.content).not.toMatch(/[{}<>]/);
    }
  });

  it('names tags and bylines that slugify to distinct, non-empty slugs', () => {
    const tagSlugs = bulkTagNames().map((n) => slugify(n, 60));
    expect(new Set(tagSlugs).size).toBe(tagSlugs.length);
    expect(tagSlugs.every(Boolean)).toBe(true);
    const bylines = bulkBylines(createRandom('x'));
    expect(new Set(bylines.map((n) => slugify(n, 80))).size).toBe(bylines.length);
    expect(stripDiacritics('Phường Đông Xuyên')).toBe('Phuong Dong Xuyen');
  });

  it('formats numbers the Vietnamese way', () => {
    expect(formatNumberVi(1234567)).toBe('1.234.567');
    expect(formatNumberVi(999)).toBe('999');
  });
});
