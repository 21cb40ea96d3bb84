'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { setPasswordWithToken } from '@/db/writes/users';
import type { ActionState } from '@/lib/auth/action';
import { PASSWORD_MISMATCH, passwordSchema, samePassword } from '@/lib/auth/password-policy';
import { clientIp } from '@/lib/client-ip';

const SetPasswordSchema = z
  .object({ token: z.string().min(20).max(100), password: passwordSchema, confirmPassword: z.string() })
  .refine(samePassword('password'), PASSWORD_MISMATCH);

export async function setPasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = SetPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const email = await setPasswordWithToken(parsed.data.token, parsed.data.password, clientIp(await headers()));
  if (!email) return { ok: false, message: 'Liên kết không còn hiệu lực (đã dùng hoặc đã hết hạn). Hãy xin quản trị viên cấp liên kết mới.' };
  redirect('/login?da-dat-mat-khau=1');
}
