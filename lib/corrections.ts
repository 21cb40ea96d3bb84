// Corrections (Đính chính, issue 16) as pure rules: how long a correction and its edit reason
// may be, how many an article and a correction may have, how typed text is cleaned, and the
// text a feed item carries. db/writes/corrections.ts and the forms share these.
import { z } from 'zod';
import { formatPublishTime } from './dates';

/** A correction's text: plain text, at most this many characters (the table's CHECK says the same). */
export const CORRECTION_MAX_LENGTH = 2000;
/** The reason given for an edit. */
export const CORRECTION_REASON_MAX_LENGTH = 500;
/** Corrections one article may carry: each is shown at its top, in its JSON-LD and its feed item. */
export const MAX_CORRECTIONS_PER_ARTICLE = 30;
/** Versions one correction may have (version 1 as added, then one per edit). */
export const MAX_CORRECTION_VERSIONS = 30;
/** Corrections a feed item carries, newest first (the article page shows them all). */
export const FEED_CORRECTIONS_PER_ITEM = 3;
/** `/dinh-chinh`: corrections a page. */
export const CORRECTIONS_PAGE_SIZE = 20;

export const CORRECTION_MESSAGES = {
  notPublished: 'Chỉ thêm hoặc sửa đính chính được khi bài đang xuất bản.',
  notFound: 'Không tìm thấy bài viết.',
  correctionNotFound: 'Không tìm thấy đính chính.',
  tooMany: `Mỗi bài có tối đa ${MAX_CORRECTIONS_PER_ARTICLE} đính chính.`,
  tooManyVersions: `Mỗi đính chính được sửa tối đa ${MAX_CORRECTION_VERSIONS - 1} lần.`,
  stale: 'Đính chính vừa được người khác sửa. Nội dung bạn gõ vẫn còn đây; hãy tải lại trang, đối chiếu rồi sửa lại.',
  unchanged: 'Nội dung đính chính không thay đổi.',
} as const;

/**
 * Typed text as stored: NFC, line breaks as `\n`, control characters dropped, spaces folded
 * within a line, at most one blank line in a row, trimmed.
 */
export function cleanCorrectionText(input: string): string {
  return input
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u2028\u2029\uFEFF]/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** `Nội dung đính chính`. */
export const correctionBodySchema = z
  .string({ error: 'Vui lòng nhập nội dung đính chính.' })
  .max(CORRECTION_MAX_LENGTH * 4, `Nội dung đính chính tối đa ${CORRECTION_MAX_LENGTH.toLocaleString('vi-VN')} ký tự.`)
  .transform(cleanCorrectionText)
  .pipe(
    z
      .string()
      .min(1, 'Vui lòng nhập nội dung đính chính.')
      .max(CORRECTION_MAX_LENGTH, `Nội dung đính chính tối đa ${CORRECTION_MAX_LENGTH.toLocaleString('vi-VN')} ký tự.`),
  );

/** `Lý do sửa`: required, so no edit is without its why. */
export const correctionReasonSchema = z
  .string({ error: 'Vui lòng nhập lý do sửa.' })
  .max(CORRECTION_REASON_MAX_LENGTH * 4, `Lý do sửa tối đa ${CORRECTION_REASON_MAX_LENGTH} ký tự.`)
  .transform(cleanCorrectionText)
  .pipe(z.string().min(1, 'Vui lòng nhập lý do sửa.').max(CORRECTION_REASON_MAX_LENGTH, `Lý do sửa tối đa ${CORRECTION_REASON_MAX_LENGTH} ký tự.`));

export type PublicCorrection = { id: number; body: string; createdAt: Date; updatedAt: Date };

/** The latest of an article's own update and its corrections' (when one was added or last edited). */
export function lastModified(updatedAt: Date, corrections: { updatedAt: Date }[]): Date {
  let latest = updatedAt;
  for (const c of corrections) if (c.updatedAt > latest) latest = c.updatedAt;
  return latest;
}

/** Whether a correction was edited after it was added (shown to readers as such). */
export function wasEdited(c: { createdAt: Date; updatedAt: Date }): boolean {
  return c.updatedAt.getTime() > c.createdAt.getTime();
}

/**
 * What a feed item says of its corrections, before its lead: `Đính chính (15:31 06/04/2026): …`
 * per correction, newest first, at most `FEED_CORRECTIONS_PER_ITEM`, then how many more there are.
 */
export function correctionsFeedText(corrections: { body: string; createdAt: Date }[], total = corrections.length): string {
  const shown = corrections.slice(0, FEED_CORRECTIONS_PER_ITEM);
  const lines = shown.map((c) => `Đính chính (${formatPublishTime(c.createdAt)}): ${c.body.replace(/\s*\n\s*/g, ' ')}`);
  const more = total - shown.length;
  if (more > 0) lines.push(`(và ${more} đính chính khác trong bài)`);
  return lines.join('\n');
}

/** A feed item's `updatedAt` and `notice` (lib/feeds.ts) from its article's corrections, if any. */
export function feedCorrectionFields(
  corrections: { total: number; latestChange: Date; items: { body: string; createdAt: Date }[] } | undefined,
): { updatedAt?: Date; notice?: string } {
  if (!corrections || corrections.total === 0) return {};
  return { updatedAt: corrections.latestChange, notice: correctionsFeedText(corrections.items, corrections.total) };
}
