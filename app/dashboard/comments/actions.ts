'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { MODERATION_OPS, moderateComments } from '@/db/writes/comments';
import { authorizedAction } from '@/lib/auth/action';
import { clientIp } from '@/lib/client-ip';

// One form drives both the per-row buttons (`approve:12`) and the bulk ones (`approve:selected`).
const ModerationSchema = z
  .object({
    op: z.string().regex(new RegExp(`^(${MODERATION_OPS.join('|')}):(selected|\\d{1,18})$`), 'Thao tác không hợp lệ.'),
    ids: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .transform(({ op, ids }) => {
    const [action, target] = op.split(':') as [(typeof MODERATION_OPS)[number], string];
    const selected = (Array.isArray(ids) ? ids : ids ? [ids] : []).filter((id) => /^\d{1,18}$/.test(id)).map(Number);
    return { action, ids: target === 'selected' ? [...new Set(selected)].slice(0, 500) : [Number(target)] };
  });

const DONE: Record<(typeof MODERATION_OPS)[number], string> = {
  approve: 'Đã duyệt',
  reject: 'Đã từ chối',
  spam: 'Đã đánh dấu spam',
  delete: 'Đã xóa',
};

export const moderateAction = authorizedAction('comments:moderate', ModerationSchema, async ({ action, ids }, user) => {
  if (ids.length === 0) return { ok: false, message: 'Chưa chọn bình luận nào.' };
  const slugs = await moderateComments(ids, action, { id: user.id, email: user.email }, clientIp(await headers()));
  // The article pages show approved comments: refresh every one touched.
  for (const slug of slugs) revalidatePath(`/bai-viet/${slug}`);
  revalidatePath('/dashboard/comments');
  revalidatePath('/dashboard', 'layout');
  return { ok: true, message: `${DONE[action]} ${ids.length} bình luận.` };
});
