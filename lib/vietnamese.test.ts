import { describe, expect, it } from 'vitest';
import { normalizeText, slugify, stripDiacritics } from './vietnamese';

describe('slugify', () => {
  it('drops accents and maps đ to d', () => {
    expect(slugify('Hỗ trợ người khuyết tật tìm việc làm')).toBe('ho-tro-nguoi-khuyet-tat-tim-viec-lam');
    expect(slugify('Đẩy mạnh chuyển đổi số ở Đồng Tháp')).toBe('day-manh-chuyen-doi-so-o-dong-thap');
  });

  it('handles decomposed input, punctuation and surrounding spaces', () => {
    expect(slugify('  Ủy ban: “Kế hoạch” 2026!  '.normalize('NFD'))).toBe('uy-ban-ke-hoach-2026');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('Thông báo '.repeat(30), 40);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.startsWith('thong-bao-thong-bao')).toBe(true);
  });

  it('gives an empty slug for text with no letters or digits', () => {
    expect(slugify('!!! ??')).toBe('');
  });
});

describe('stripDiacritics', () => {
  it('covers every Vietnamese vowel form and Đ', () => {
    expect(stripDiacritics('àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ')).toBe(
      'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd',
    );
    expect(stripDiacritics('ĐÀ NẴNG')).toBe('DA NANG');
  });
});

describe('normalizeText', () => {
  it('returns NFC, trimmed, with runs of spaces folded', () => {
    const decomposed = '  Người   khuyết tật  '.normalize('NFD');
    const out = normalizeText(decomposed);
    expect(out).toBe('Người khuyết tật');
    expect(out).toBe(out.normalize('NFC'));
  });
});
