'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { findPersonComments, loadWorkingCalendar } from '@/db/queries/data-requests';
import { acknowledgeDataRequest, completeDataRequest, ERASE_MODES, erasePersonComments, extendDataRequest, type RequestStepResult } from '@/db/writes/data-requests';
import { authorizedAction, type ActionState } from '@/lib/auth/action';
import { CacheTag, invalidate } from '@/lib/cache-tags';
import { clientIp } from '@/lib/client-ip';
import { parsePersonQuery } from '@/lib/person-query';
import { bigIdSchema, idSchema } from '@/lib/validation';
import { normalizeText } from '@/lib/vietnamese';
import { formatCalendarDay, MAX_EXTENSION_DAYS } from '@/lib/working-days';
import { PERSON_COMMENTS_LIMIT } from '@/db/queries/data-requests';

const requestId = idSchema('Yêu cầu không hợp lệ.');
const ip = async () => clientIp(await headers());
const text = (max: number, required: string, tooLong: string) =>
  z
    .string({ error: required })
    .transform((v) => normalizeText(v.replace(/\u0000/g, '')))
    .pipe(z.string().min(1, required).max(max, tooLong));

const REFUSED: Record<Exclude<RequestStepResult, { ok: true }>['reason'], string> = {
  not_found: 'Không tìm thấy yêu cầu.',
  already_acknowledged: 'Yêu cầu này đã được xác nhận.',
  already_extended: 'Yêu cầu này đã được gia hạn một lần; không thể gia hạn thêm.',
  done: 'Yêu cầu này đã hoàn thành.',
};

function answer(result: RequestStepResult, message: string): ActionState {
  if (!result.ok) return { ok: false, message: REFUSED[result.reason] };
  invalidate(CacheTag.dashboard);
  return { ok: true, message };
}

/** `Xác nhận`: the request is acknowledged (once). */
export const acknowledgeRequestAction = authorizedAction('privacy:manage', z.object({ requestId }), async (input, user) =>
  answer(await acknowledgeDataRequest(input.requestId, { id: user.id, email: user.email }, await ip()), 'Đã xác nhận yêu cầu.'),
);

const ExtendSchema = z.object({
  requestId,
  days: z
    .string({ error: 'Vui lòng nhập số ngày gia hạn.' })
    .regex(/^\d{1,2}$/, `Số ngày gia hạn từ 1 đến ${MAX_EXTENSION_DAYS}.`)
    .transform(Number)
    .pipe(z.number().int().min(1, `Số ngày gia hạn từ 1 đến ${MAX_EXTENSION_DAYS}.`).max(MAX_EXTENSION_DAYS, `Gia hạn tối đa ${MAX_EXTENSION_DAYS} ngày.`)),
  reason: text(1000, 'Vui lòng nhập lý do gia hạn.', 'Lý do tối đa 1.000 ký tự.'),
});

/** `Gia hạn`: once, 1–15 days, with a reason; the new due date comes back in the message. */
export const extendRequestAction = authorizedAction('privacy:manage', ExtendSchema, async (input, user) => {
  const result = await extendDataRequest(input.requestId, input, (dueBy) => loadWorkingCalendar(dueBy), { id: user.id, email: user.email }, await ip());
  return answer(result, result.ok && result.until ? `Đã gia hạn đến ${formatCalendarDay(result.until)}.` : '');
});

const CompleteSchema = z.object({
  requestId,
  reply: text(10_000, 'Vui lòng nhập nội dung trả lời.', 'Trả lời tối đa 10.000 ký tự.'),
});

/** `Hoàn thành` with the reply the person reads on the status page. */
export const completeRequestAction = authorizedAction('privacy:manage', CompleteSchema, async (input, user) =>
  answer(await completeDataRequest(input.requestId, input.reply, { id: user.id, email: user.email }, await ip()), 'Đã hoàn thành yêu cầu.'),
);

const commentId = bigIdSchema('Mã bình luận không hợp lệ.');
const EraseSchema = z.object({
  requestId,
  mode: z.enum(ERASE_MODES, { error: 'Vui lòng chọn cách xóa.' }),
  ids: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(commentId).min(1, 'Chưa chọn bình luận nào.').max(PERSON_COMMENTS_LIMIT, `Chọn tối đa ${PERSON_COMMENTS_LIMIT} bình luận một lần.`),
  ),
  sdt: z.string().max(40).optional(),
  ten: z.string().max(200).optional(),
});

/**
 * Erases the ticked comments of the person: only those the same search (`sdt`, `ten`) finds
 * again, so a forged id cannot reach another reader's comment through this form.
 */
export const eraseCommentsAction = authorizedAction('privacy:manage', EraseSchema, async (input, user) => {
  const query = parsePersonQuery(input.sdt, input.ten);
  const found = await findPersonComments(user, query);
  const allowed = new Set(found.rows.map((c) => c.id));
  const ids = [...new Set(input.ids)].filter((id) => allowed.has(id));
  if (ids.length === 0) return { ok: false, message: 'Không có bình luận nào của người này trong các mục đã chọn.' };
  const result = await erasePersonComments(input.requestId, ids, input.mode, { id: user.id, email: user.email }, await ip());
  if (!result) return { ok: false, message: REFUSED.not_found };
  // The article pages show approved comments (and their count); the dashboard lists them.
  invalidate(...result.slugs.map(CacheTag.article), CacheTag.dashboard);
  return { ok: true, message: input.mode === 'delete' ? `Đã xóa hẳn ${result.count} bình luận.` : `Đã ẩn danh ${result.count} bình luận.` };
});
