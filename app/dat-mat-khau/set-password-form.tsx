'use client';

import { useActionState } from 'react';
import { Field, FormMessage } from '@/components/forms/field';
import type { ActionState } from '@/lib/auth/action';
import { setPasswordAction } from './actions';

export function SetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(setPasswordAction, {});
  return (
    <form action={action} className="form" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="token" value={token} />
      <Field
        name="password"
        label="Mật khẩu mới"
        type="password"
        autoComplete="new-password"
        maxLength={128}
        hint="8–128 ký tự; nên dùng một câu dễ nhớ. Mật khẩu phổ biến sẽ bị từ chối."
        errors={state.fieldErrors?.password}
      />
      <Field name="confirmPassword" label="Nhập lại mật khẩu" type="password" autoComplete="new-password" maxLength={128} errors={state.fieldErrors?.confirmPassword} />
      <button type="submit" disabled={pending}>
        Đặt mật khẩu
      </button>
    </form>
  );
}
