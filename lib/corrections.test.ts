import { describe, expect, it } from 'vitest';
import {
  cleanCorrectionText,
  correctionBodySchema,
  correctionReasonSchema,
  correctionsFeedText,
  feedCorrectionFields,
  lastModified,
  wasEdited,
} from './corrections';

describe('corrections', () => {
  it('cleans typed text: NFC, line breaks kept (one blank line at most), controls and extra spaces dropped', () => {
    expect(cleanCorrectionText('  Ông\u00a0A   là\r\nPhó Chủ tịch\r\n\r\n\r\n\r\nkhông phải\u0007 Chủ tịch  ')).toBe('Ông A là\nPhó Chủ tịch\n\nkhông phải Chủ tịch');
    // Decomposed Vietnamese (as some keyboards send it) is stored composed.
    expect(cleanCorrectionText('Vie\u0302\u0323t Nam')).toBe('Việt Nam');
  });

  it('bounds the text and requires it, and the edit reason, with Vietnamese messages', () => {
    expect(correctionBodySchema.safeParse('  \n ').error?.issues[0]?.message).toBe('Vui lòng nhập nội dung đính chính.');
    expect(correctionBodySchema.safeParse(undefined).error?.issues[0]?.message).toBe('Vui lòng nhập nội dung đính chính.');
    expect(correctionBodySchema.safeParse('a'.repeat(2001)).error?.issues[0]?.message).toBe('Nội dung đính chính tối đa 2.000 ký tự.');
    expect(correctionBodySchema.parse(`${'a'.repeat(2000)}   `)).toHaveLength(2000);
    expect(correctionReasonSchema.safeParse('').error?.issues[0]?.message).toBe('Vui lòng nhập lý do sửa.');
    expect(correctionReasonSchema.safeParse('x'.repeat(501)).error?.issues[0]?.message).toBe('Lý do sửa tối đa 500 ký tự.');
  });

  it('dates the page by its latest change, a correction edited included', () => {
    const saved = new Date('2026-04-06T08:00:00Z');
    const added = { createdAt: new Date('2026-04-06T09:00:00Z'), updatedAt: new Date('2026-04-06T09:00:00Z') };
    const edited = { createdAt: new Date('2026-04-06T07:00:00Z'), updatedAt: new Date('2026-04-06T10:00:00Z') };
    expect(lastModified(saved, [])).toBe(saved);
    expect(lastModified(saved, [added, edited])).toEqual(edited.updatedAt);
    expect(wasEdited(added)).toBe(false);
    expect(wasEdited(edited)).toBe(true);
  });

  it('writes a feed item\u2019s corrections, newest first, in Vietnam time, three at most', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 3, 6, h, 31));
    const items = [4, 3, 2].map((h) => ({ body: `Sửa ${h}\ndòng hai`, createdAt: at(h) }));
    expect(correctionsFeedText(items.slice(0, 1))).toBe('Đính chính (11:31 06/04/2026): Sửa 4 dòng hai');
    expect(correctionsFeedText(items, 5).split('\n')).toEqual([
      'Đính chính (11:31 06/04/2026): Sửa 4 dòng hai',
      'Đính chính (10:31 06/04/2026): Sửa 3 dòng hai',
      'Đính chính (09:31 06/04/2026): Sửa 2 dòng hai',
      '(và 2 đính chính khác trong bài)',
    ]);
    expect(feedCorrectionFields(undefined)).toEqual({});
    expect(feedCorrectionFields({ total: 1, latestChange: at(5), items: items.slice(0, 1) })).toEqual({ updatedAt: at(5), notice: 'Đính chính (11:31 06/04/2026): Sửa 4 dòng hai' });
  });
});
