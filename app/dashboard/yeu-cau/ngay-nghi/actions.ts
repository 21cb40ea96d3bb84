'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { addPublicHoliday, removePublicHoliday } from '@/db/writes/public-holidays';
import { authorizedAction } from '@/lib/auth/action';
import { CacheTag, invalidate } from '@/lib/cache-tags';
import { clientIp } from '@/lib/client-ip';
import { normalizeText } from '@/lib/vietnamese';
import { formatCalendarDay, isCalendarDay } from '@/lib/working-days';

// A date input sends 'YYYY-MM-DD'; years far from now are a typing slip, not a holiday.
const daySchema = z
  .string()
  .max(10, 'Ngày không hợp lệ.')
  .refine((v) => v.length > 0, 'Vui lòng chọn ngày.')
  .refine((v) => v.length === 0 || (isCalendarDay(v) && v >= '2020-01-01' && v <= '2100-12-31'), 'Ngày không hợp lệ (từ năm 2020 đến 2100).');

const AddHolidaySchema = z.object({
  day: daySchema,
  name: z
    .string()
    .transform(normalizeText)
    .pipe(z.string().min(1, 'Vui lòng nhập tên ngày nghỉ.').max(100, 'Tên tối đa 100 ký tự.')),
  kind: z.enum(['holiday', 'working_day'], { error: 'Vui lòng chọn loại ngày.' }),
});

/** Adds a day off (or a make-up working day) to the calendar request deadlines are counted in. */
export const addPublicHolidayAction = authorizedAction('privacy:manage', AddHolidaySchema, async (input, user) => {
  const added = await addPublicHoliday(input, { id: user.id, email: user.email }, clientIp(await headers()));
  if (!added) return { ok: false, message: 'Ngày này đã có trong danh sách.', fieldErrors: { day: ['Ngày này đã có trong danh sách.'] } };
  invalidate(CacheTag.dashboard);
  return { ok: true, message: `Đã thêm ngày ${formatCalendarDay(input.day)}.` };
});

/** Removes a listed day. */
export const removePublicHolidayAction = authorizedAction('privacy:manage', z.object({ day: daySchema }), async ({ day }, user) => {
  const removed = await removePublicHoliday(day, { id: user.id, email: user.email }, clientIp(await headers()));
  if (!removed) return { ok: false, message: 'Ngày này không có trong danh sách.' };
  invalidate(CacheTag.dashboard);
  return { ok: true, message: `Đã xóa ngày ${formatCalendarDay(day)}.` };
});
