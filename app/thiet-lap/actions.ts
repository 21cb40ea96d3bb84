'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { personNameSchema } from '@/lib/validation';
import { db } from '@/db';
import { createFirstAdmin } from '@/db/first-admin';
import { takeRateLimit } from '@/db/writes/rate-limits';
import { LINK_ATTEMPTS_PER_HOUR } from '@/db/writes/sign-in';
import { addressHash } from '@/lib/address-hash';
import type { ActionState } from '@/lib/auth/action';
import { PASSWORD_MISMATCH, passwordSchema, samePassword, tooManyLinkAttempts } from '@/lib/auth/password-policy';
import { clientIp } from '@/lib/client-ip';
import { noteActionEntered } from '@/lib/request-note';
import { emailSchema } from '@/lib/email';

const SetupSchema = z
  .object({
    token: z.string().min(20).max(100),
    email: emailSchema,
    name: personNameSchema,
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine(samePassword('password'), PASSWORD_MISMATCH);

export async function setupFirstAdmin(_previous: ActionState, formData: FormData): Promise<ActionState> {
  noteActionEntered();
  const values = { email: String(formData.get('email') ?? '').slice(0, 254), name: String(formData.get('name') ?? '').slice(0, 100) };
  const parsed = SetupSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  // Counted per address before the token is checked: guessing it, or making the server hash
  // passwords, is bounded.
  const allowed = await takeRateLimit('first-admin-setup', addressHash(clientIp(await headers()), process.env.AUTH_SECRET ?? ''), LINK_ATTEMPTS_PER_HOUR, 3600);
  if (!allowed.ok) return { ok: false, message: tooManyLinkAttempts(allowed.retryAfterSeconds), values };
  const created = await createFirstAdmin(db, parsed.data.token, parsed.data);
  if (!created) return { ok: false, message: 'Liên kết thiết lập không còn hiệu lực hoặc đã có quản trị viên.', values };
  redirect('/login?da-thiet-lap=1');
}
