'use server';

import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { z } from 'zod';
import { personNameSchema } from '@/lib/validation';
import { signIn } from '@/auth';
import { changeOwnPassword, updateOwnName } from '@/db/writes/users';
import { authorizedAction } from '@/lib/auth/action';
import { CacheTag, invalidate } from '@/lib/cache-tags';
import { PASSWORD_MISMATCH, passwordSchema, samePassword } from '@/lib/auth/password-policy';
import { clientIp } from '@/lib/client-ip';

export const updateNameAction = authorizedAction(
  'dashboard:view',
  z.object({
    name: personNameSchema,
  }),
  async (input, user) => {
    await updateOwnName(user.id, input.name, clientIp(await headers()));
    // The name is shown in the dashboard's navigation only: readers see bylines (authors), not accounts.
    invalidate(CacheTag.dashboard);
    return { ok: true, message: 'Đã lưu họ tên.' };
  },
);

const PasswordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, 'Vui lòng nhập mật khẩu hiện tại.').max(128),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine(samePassword('newPassword'), PASSWORD_MISMATCH);

export const changePasswordAction = authorizedAction('dashboard:view', PasswordChangeSchema, async (input, user) => {
  const result = await changeOwnPassword(user.id, input.currentPassword, input.newPassword, clientIp(await headers()));
  if (!result.ok) {
    if (result.reason === 'wrong-current') return { ok: false, fieldErrors: { currentPassword: ['Mật khẩu hiện tại không đúng.'] } };
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    const message =
      result.reason === 'locked'
        ? `Nhập sai mật khẩu hiện tại quá nhiều lần. Đổi mật khẩu tạm khóa từ địa chỉ này, vui lòng thử lại sau ${minutes} phút.`
        : `Có quá nhiều lần thử mật khẩu từ địa chỉ này. Vui lòng thử lại sau ${minutes} phút.`;
    return { ok: false, fieldErrors: { currentPassword: [message] } };
  }
  // Every session ended with the password change, this one included: sign in again here with
  // the new password so the person who changed it stays signed in.
  try {
    await signIn('credentials', { email: user.email, password: input.newPassword, redirectTo: '/dashboard/account?da-doi-mat-khau=1' });
  } catch (error) {
    if (error instanceof AuthError) return { ok: true, message: 'Đã đổi mật khẩu. Vui lòng đăng nhập lại.' };
    throw error;
  }
  return { ok: true, message: 'Đã đổi mật khẩu.' };
});
