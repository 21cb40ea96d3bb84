'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { db } from '@/db';
import { createFirstAdmin } from '@/db/first-admin';
import type { ActionState } from '@/lib/auth/action';
import { passwordSchema } from '@/lib/auth/password-policy';
import { emailSchema } from '@/lib/email';
import { normalizeText } from '@/lib/vietnamese';

const SetupSchema = z
  .object({
    token: z.string().min(20).max(100),
    email: emailSchema,
    name: z.string().transform(normalizeText).pipe(z.string().min(1, 'Vui lòng nhập họ tên.').max(100, 'Họ tên tối đa 100 ký tự.')),
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'Mật khẩu nhập lại không khớp.' });

export async function setupFirstAdmin(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = { email: String(formData.get('email') ?? '').slice(0, 254), name: String(formData.get('name') ?? '').slice(0, 100) };
  const parsed = SetupSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const created = await createFirstAdmin(db, parsed.data.token, parsed.data);
  if (!created) return { ok: false, message: 'Liên kết thiết lập không còn hiệu lực hoặc đã có quản trị viên.', values };
  redirect('/login?da-thiet-lap=1');
}
