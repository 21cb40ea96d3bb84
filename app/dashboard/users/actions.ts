'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { personNameSchema } from '@/lib/validation';
import { changeRole, createUser, issueResetLink, setDisabled, UserError, RESET_LINK_HOURS, SETUP_LINK_HOURS } from '@/db/writes/users';
import { authorizedAction, type ActionState } from '@/lib/auth/action';
import { CacheTag, invalidate } from '@/lib/cache-tags';
import { passwordSchema } from '@/lib/auth/password-policy';
import { ROLES } from '@/lib/auth/permissions';
import { clientIp } from '@/lib/client-ip';
import { emailSchema } from '@/lib/email';
import { sendMail } from '@/lib/mailer';
import { site, siteUrl } from '@/lib/site';

const roleSchema = z.enum(ROLES, { error: 'Vui lòng chọn vai trò.' });
const userIdSchema = z.uuid({ error: 'Tài khoản không hợp lệ.' });

const CreateUserSchema = z
  .object({
    email: emailSchema,
    name: personNameSchema,
    role: roleSchema,
    mode: z.enum(['link', 'password']).default('link'),
    password: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.mode !== 'password') return;
    const checked = passwordSchema.safeParse(value.password ?? '');
    if (!checked.success) ctx.addIssue({ code: 'custom', path: ['password'], message: checked.error.issues[0]?.message ?? 'Mật khẩu không hợp lệ.' });
  });

const ip = async () => clientIp(await headers());
const link = (token: string) => `${siteUrl()}/dat-mat-khau?token=${token}`;

function failure(error: unknown): ActionState {
  if (error instanceof UserError) {
    return { ok: false, message: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : undefined };
  }
  throw error;
}

/** Hands a one-time link over: by e-mail when SMTP_URL is set, else shown to the admin once. */
async function deliver(email: string, token: string, hours: number, subject: string): Promise<Record<string, string>> {
  const url = link(token);
  const sent = await sendMail(email, subject, `Mở liên kết sau để đặt mật khẩu (hiệu lực ${hours} giờ, dùng một lần):\n${url}\n\n${site.name}`);
  return sent ? { sentTo: email } : { link: url, hours: String(hours) };
}

export const createUserAction = authorizedAction('users:manage', CreateUserSchema, async (input, user) => {
  try {
    const created = await createUser(
      { email: input.email, name: input.name, role: input.role, password: input.mode === 'password' ? input.password : undefined },
      { id: user.id, email: user.email },
      await ip(),
    );
    invalidate(CacheTag.dashboardUsers);
    const data = created.setupToken
      ? await deliver(input.email, created.setupToken, SETUP_LINK_HOURS, `Tài khoản quản trị ${site.shortName}`)
      : undefined;
    return { ok: true, message: `Đã tạo tài khoản ${input.email}.`, data };
  } catch (error) {
    return failure(error);
  }
});

export const changeRoleAction = authorizedAction('users:manage', z.object({ userId: userIdSchema, role: roleSchema }), async (input, user) => {
  try {
    await changeRole(input.userId, input.role, { id: user.id, email: user.email }, await ip());
  } catch (error) {
    return failure(error);
  }
  invalidate(CacheTag.dashboardUsers);
  return { ok: true, message: 'Đã đổi vai trò.' };
});

export const setDisabledAction = authorizedAction(
  'users:manage',
  z.object({ userId: userIdSchema, disabled: z.enum(['1', '0']) }),
  async (input, user) => {
    const disabled = input.disabled === '1';
    try {
      await setDisabled(input.userId, disabled, { id: user.id, email: user.email }, await ip());
    } catch (error) {
      return failure(error);
    }
    invalidate(CacheTag.dashboardUsers);
    return { ok: true, message: disabled ? 'Đã khóa tài khoản.' : 'Đã mở khóa tài khoản.' };
  },
);

export const issueResetLinkAction = authorizedAction('users:manage', z.object({ userId: userIdSchema }), async (input, user) => {
  try {
    const { token, email } = await issueResetLink(input.userId, { id: user.id, email: user.email }, await ip());
    const data = await deliver(email, token, RESET_LINK_HOURS, `Đặt lại mật khẩu ${site.shortName}`);
    return { ok: true, message: `Đã tạo liên kết đặt lại mật khẩu cho ${email}.`, data };
  } catch (error) {
    return failure(error);
  }
});
