'use server';

import { headers } from 'next/headers';
import { updateRetentionSettings } from '@/db/writes/privacy-retention';
import { authorizedAction } from '@/lib/auth/action';
import { clientIp } from '@/lib/client-ip';
import { RetentionSettingsSchema } from '@/lib/privacy-retention';

/**
 * Saves how long commenters' data is kept (admin). Nothing public shows these numbers (the policy
 * page states its own text), so no page is invalidated; the next daily run uses them.
 */
export const updateRetentionSettingsAction = authorizedAction('privacy:manage', RetentionSettingsSchema, async (input, user) => {
  await updateRetentionSettings(input, { id: user.id, email: user.email }, clientIp(await headers()));
  return {
    ok: true,
    message: `Đã lưu: số điện thoại và mã địa chỉ giữ ${input.phoneMonths} tháng, bình luận bị từ chối và thư rác giữ ${input.rejectedDays} ngày.`,
    values: { phoneMonths: String(input.phoneMonths), rejectedDays: String(input.rejectedDays) },
  };
});
