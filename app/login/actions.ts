'use server';

import { AuthError } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/auth';
import type { ActionState } from '@/lib/auth/action';
import { noteActionEntered } from '@/lib/request-note';

const LoginSchema = z.object({
  email: z.string().trim().min(1, 'Vui lòng nhập email.').max(254, 'Email quá dài.'),
  password: z.string().min(1, 'Vui lòng nhập mật khẩu.').max(128, 'Mật khẩu không được dài quá 128 ký tự.'),
  next: z.string().max(500).optional(),
});

const MESSAGES: Record<string, string> = {
  // One message for an unknown e-mail and a wrong password: it must not tell them apart.
  invalid: 'Email hoặc mật khẩu không đúng.',
  locked: 'Đăng nhập sai quá nhiều lần. Tài khoản tạm khóa đăng nhập từ địa chỉ này, vui lòng thử lại sau ít phút.',
  'rate-limited': 'Có quá nhiều lần đăng nhập từ địa chỉ này. Vui lòng thử lại sau.',
};

/** Only same-site dashboard paths may be returned to after signing in. */
function safeNext(next: string | undefined): string {
  return next && /^\/dashboard(\/[\w\-/?=&%.]*)?$/.test(next) ? next : '/dashboard';
}

export async function login(_previous: ActionState, formData: FormData): Promise<ActionState> {
  noteActionEntered();
  const parsed = LoginSchema.safeParse(Object.fromEntries(formData));
  const values = { email: String(formData.get('email') ?? '').slice(0, 254) };
  if (!parsed.success) {
    return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  }
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeNext(parsed.data.next),
    });
  } catch (error) {
    // Success is a thrown redirect; only Auth.js errors are failures to report.
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? 'invalid';
      return { ok: false, message: MESSAGES[code] ?? MESSAGES.invalid, values };
    }
    throw error;
  }
  return { ok: true };
}

export async function logout(): Promise<void> {
  noteActionEntered();
  const { signOut } = await import('@/auth');
  await signOut({ redirectTo: '/login' });
}
