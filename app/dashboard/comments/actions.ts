'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { MODERATION_OPS, moderateComments } from '@/db/writes/comments';
import { authorizedAction } from '@/lib/auth/action';
import { CacheTag, invalidate } from '@/lib/cache-tags';
import { clientIp } from '@/lib/client-ip';
import { bigIdSchema } from '@/lib/validation';

// One form drives both the per-row buttons (`approve:12`) and the bulk ones (`approve:selected`).
// Comment ids are bigserial: each is bounded (1 … 2^53 − 1) before it reaches SQL.
const commentId = bigIdSchema('Mã bình luận không hợp lệ.');
const ModerationSchema = z
  .object({
    op: z
      .string()
      .regex(new RegExp(`^(${MODERATION_OPS.join('|')}):(selected|\\d{1,16})$`), 'Thao tác không hợp lệ.')
      .transform((op, ctx) => {
        const [action, target] = op.split(':') as [(typeof MODERATION_OPS)[number], string];
        if (target === 'selected') return { action, target: null };
        const parsed = commentId.safeParse(target);
        if (!parsed.success) {
          ctx.addIssue({ code: 'custom', message: 'Thao tác không hợp lệ.' });
          return z.NEVER;
        }
        return { action, target: parsed.data };
      }),
    // A ticked checkbox is one value, several are an array.
    ids: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(commentId).max(500, 'Chọn tối đa 500 bình luận một lần.')),
  })
  .transform(({ op, ids }) => ({ action: op.action, ids: op.target === null ? [...new Set(ids)] : [op.target] }));

const DONE: Record<(typeof MODERATION_OPS)[number], string> = {
  approve: 'Đã duyệt',
  reject: 'Đã từ chối',
  spam: 'Đã đánh dấu spam',
  delete: 'Đã xóa',
};

export const moderateAction = authorizedAction('comments:moderate', ModerationSchema, async ({ action, ids }, user) => {
  if (ids.length === 0) return { ok: false, message: 'Chưa chọn bình luận nào.' };
  const slugs = await moderateComments(ids, action, { id: user.id, email: user.email }, clientIp(await headers()));
  // An article page shows its approved comments and their count: every article touched, and
  // the dashboard (the queue, and the pending count in its navigation).
  invalidate(...slugs.map(CacheTag.article), CacheTag.dashboard);
  return { ok: true, message: `${DONE[action]} ${ids.length} bình luận.` };
});
