'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { takeRateLimit } from '@/db/writes/rate-limits';
import { LINK_ATTEMPTS_PER_HOUR } from '@/db/writes/sign-in';
import { addressHash } from '@/lib/address-hash';
import { setPasswordWithToken } from '@/db/writes/users';
import type { ActionState } from '@/lib/auth/action';
import { PASSWORD_MISMATCH, passwordSchema, samePassword, tooManyLinkAttempts } from '@/lib/auth/password-policy';
import { clientIp } from '@/lib/client-ip';
import { noteActionEntered } from '@/lib/request-note';

const SetPasswordSchema = z
  .object({ token: z.string().min(20).max(100), password: passwordSchema, confirmPassword: z.string() })
  .refine(samePassword('password'), PASSWORD_MISMATCH);

export async function setPasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  noteActionEntered();
  const parsed = SetPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const ip = clientIp(await headers());
  // Counted per address before the link is looked up: guessing links, or making the server
  // hash passwords, is bounded whatever the links are.
  const allowed = await takeRateLimit('set-password', addressHash(ip, process.env.AUTH_SECRET ?? ''), LINK_ATTEMPTS_PER_HOUR, 3600);
  if (!allowed.ok) return { ok: false, message: tooManyLinkAttempts(allowed.retryAfterSeconds) };
  const email = await setPasswordWithToken(parsed.data.token, parsed.data.password, ip);
  if (!email) return { ok: false, message: 'Liên kết không còn hiệu lực (đã dùng hoặc đã hết hạn). Hãy xin quản trị viên cấp liên kết mới.' };
  redirect('/login?da-dat-mat-khau=1');
}
