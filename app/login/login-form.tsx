'use client';

import { useActionState } from 'react';
import { Field, FormMessage } from '@/components/forms/field';
import type { ActionState } from '@/lib/auth/action';
import { login } from './actions';

export function LoginForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(login, {});
  return (
    <form action={action} className="form" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="next" value={next ?? ''} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        required
        maxLength={254}
        defaultValue={state.values?.email ?? ''}
        errors={state.fieldErrors?.email}
      />
      <Field
        name="password"
        label="Mật khẩu"
        type="password"
        autoComplete="current-password"
        required
        maxLength={128}
        errors={state.fieldErrors?.password}
      />
      <button type="submit" disabled={pending}>
        Đăng nhập
      </button>
    </form>
  );
}
