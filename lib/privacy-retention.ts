// How long commenters' personal data is kept (issue 16, "Retention"): the bounds and defaults of
// the two settings, and the form's schema. The erasure itself is db/writes/privacy-retention.ts.
import { z } from 'zod';

export const PHONE_MONTHS = { min: 1, max: 120, default: 12 } as const;
export const REJECTED_DAYS = { min: 1, max: 365, default: 30 } as const;

export type RetentionSettings = { phoneMonths: number; rejectedDays: number };

export const DEFAULT_RETENTION: RetentionSettings = { phoneMonths: PHONE_MONTHS.default, rejectedDays: REJECTED_DAYS.default };

export const RETENTION_LABELS = {
  phoneMonths: 'Giữ số điện thoại và mã địa chỉ của người bình luận (tháng)',
  rejectedDays: 'Giữ bình luận bị từ chối và thư rác (ngày)',
} as const;

/** A whole number within bounds, typed into a text field: anything else gets `message`. */
const wholeNumber = (bounds: { min: number; max: number }, message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(bounds.min, message).max(bounds.max, message));

/** The settings form (/dashboard/du-lieu-ca-nhan/luu-tru). */
export const RetentionSettingsSchema = z.object({
  phoneMonths: wholeNumber(PHONE_MONTHS, `Nhập số tháng là số nguyên từ ${PHONE_MONTHS.min} đến ${PHONE_MONTHS.max}.`),
  rejectedDays: wholeNumber(REJECTED_DAYS, `Nhập số ngày là số nguyên từ ${REJECTED_DAYS.min} đến ${REJECTED_DAYS.max}.`),
});

/** What one run erased; the names are those of the audit entry's details. */
export type RetentionCounts = {
  phonesErased: number;
  addressHashesErased: number;
  commentsDeleted: number;
  rateLimitHitsDeleted: number;
  viewReadersDeleted: number;
};

export const RETENTION_COUNT_LABELS: Record<keyof RetentionCounts, string> = {
  phonesErased: 'Số điện thoại đã xoá',
  addressHashesErased: 'Mã địa chỉ đã xoá',
  commentsDeleted: 'Bình luận bị từ chối/rác đã xoá',
  rateLimitHitsDeleted: 'Bản ghi giới hạn truy cập đã xoá',
  viewReadersDeleted: 'Bản ghi lượt đọc đã xoá',
};
