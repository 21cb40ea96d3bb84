'use client';

import { useActionState } from 'react';
import { Field, FormMessage } from '@/components/forms/field';
import type { ActionState } from '@/lib/auth/action';
import { setupFirstAdmin } from './actions';

export function SetupForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(setupFirstAdmin, {});
  return (
    <form action={action} className="form" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="token" value={token} />
      <Field name="email" label="Email" type="email" maxLength={254} defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <Field name="name" label="Họ tên" maxLength={100} defaultValue={state.values?.name} errors={state.fieldErrors?.name} />
      <Field name="password" label="Mật khẩu" type="password" autoComplete="new-password" maxLength={128} hint="8–128 ký tự; mật khẩu phổ biến sẽ bị từ chối." errors={state.fieldErrors?.password} />
      <Field name="confirmPassword" label="Nhập lại mật khẩu" type="password" autoComplete="new-password" maxLength={128} errors={state.fieldErrors?.confirmPassword} />
      <button type="submit" disabled={pending}>
        Tạo tài khoản quản trị
      </button>
    </form>
  );
}
