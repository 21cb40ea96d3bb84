'use client';

import { useActionState } from 'react';
import { Field, FormMessage } from '@/components/forms/field';
import type { ActionState } from '@/lib/auth/action';
import { changePasswordAction, updateNameAction } from './actions';

export function NameForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updateNameAction, {});
  return (
    <form action={action} className="form" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <Field name="name" label="Họ tên" required maxLength={100} defaultValue={state.values?.name ?? name} errors={state.fieldErrors?.name} />
      <button type="submit" disabled={pending}>
        Lưu họ tên
      </button>
    </form>
  );
}

export function PasswordForm({ changed }: { changed: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(changePasswordAction, {});
  return (
    <form action={action} className="form" noValidate>
      <FormMessage ok={state.ok ?? changed} message={state.message ?? (changed ? 'Đã đổi mật khẩu. Các phiên đăng nhập khác đã bị đăng xuất.' : undefined)} />
      <Field name="currentPassword" label="Mật khẩu hiện tại" type="password" autoComplete="current-password" maxLength={128} errors={state.fieldErrors?.currentPassword} />
      <Field
        name="newPassword"
        label="Mật khẩu mới"
        type="password"
        autoComplete="new-password"
        maxLength={128}
        hint="8–128 ký tự; nên dùng một câu dễ nhớ. Mật khẩu phổ biến sẽ bị từ chối."
        errors={state.fieldErrors?.newPassword}
      />
      <Field name="confirmPassword" label="Nhập lại mật khẩu mới" type="password" autoComplete="new-password" maxLength={128} errors={state.fieldErrors?.confirmPassword} />
      <button type="submit" disabled={pending}>
        Đổi mật khẩu
      </button>
    </form>
  );
}
