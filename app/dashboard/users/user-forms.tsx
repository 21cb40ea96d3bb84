'use client';

import { useActionState, useState } from 'react';
import { Field, FormMessage } from '@/components/forms/field';
import { useResultKey } from '@/components/forms/use-result-key';
import type { ActionState } from '@/lib/auth/action';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/auth/permissions';
import { changeRoleAction, createUserAction, issueResetLinkAction, setDisabledAction } from './actions';

/** A one-time link, shown once to the admin to hand over (when no SMTP is configured). */
function OneTimeLink({ data }: { data?: Record<string, string> }) {
  if (data?.sentTo) return <p className="form-message form-message--ok">Liên kết đã được gửi tới {data.sentTo}.</p>;
  if (!data?.link) return null;
  return (
    <div className="one-time-link">
      <p>
        Liên kết dùng một lần, hiệu lực {data.hours} giờ. Hãy trao cho người dùng; liên kết sẽ không hiện lại:
      </p>
      <input readOnly value={data.link} aria-label="Liên kết đặt mật khẩu" onFocus={(e) => e.currentTarget.select()} />
    </div>
  );
}

export function CreateUserForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(createUserAction, {});
  const [mode, setMode] = useState(state.values?.mode ?? 'link');
  const formKey = useResultKey(state);
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="form form--wide" noValidate key={formKey}>
      <FormMessage ok={state.ok} message={state.message} />
      <OneTimeLink data={state.data} />
      <Field name="email" label="Email" type="email" required maxLength={254} defaultValue={v.email} errors={state.fieldErrors?.email} />
      <Field name="name" label="Họ tên" required maxLength={100} defaultValue={v.name} errors={state.fieldErrors?.name} />
      <div className="field">
        <label htmlFor="f-role">Vai trò</label>
        <select id="f-role" name="role" defaultValue={v.role ?? 'reporter'}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>Mật khẩu ban đầu</legend>
        <label className="choice">
          <input type="radio" name="mode" value="link" checked={mode === 'link'} onChange={() => setMode('link')} /> Gửi liên kết
          đặt mật khẩu dùng một lần (khuyến nghị)
        </label>
        <label className="choice">
          <input type="radio" name="mode" value="password" checked={mode === 'password'} onChange={() => setMode('password')} /> Đặt
          mật khẩu ban đầu
        </label>
      </fieldset>
      {mode === 'password' ? (
        <Field
          name="password"
          label="Mật khẩu ban đầu"
          type="password"
          autoComplete="new-password"
          maxLength={128}
          hint="8–128 ký tự; không dùng mật khẩu phổ biến."
          errors={state.fieldErrors?.password}
        />
      ) : null}
      <button type="submit" disabled={pending}>
        Tạo tài khoản
      </button>
    </form>
  );
}

export function RoleForm({ userId, role, label }: { userId: string; role: Role; label: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(changeRoleAction, {});
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={`role-${userId}`} className="visually-hidden">
        Vai trò của {label}
      </label>
      <select id={`role-${userId}`} name="role" defaultValue={role}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <button type="submit" className="button--small" disabled={pending}>
        Đổi vai trò
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}

export function DisableForm({ userId, disabled }: { userId: string; disabled: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(setDisabledAction, {});
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? '0' : '1'} />
      <button type="submit" className={disabled ? 'button--small' : 'button--small button--danger'} disabled={pending}>
        {disabled ? 'Mở khóa' : 'Khóa'}
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}

export function ResetLinkForm({ userId }: { userId: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(issueResetLinkAction, {});
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="button--small button--secondary" disabled={pending}>
        Đặt lại mật khẩu
      </button>
      <FormMessage ok={state.ok} message={state.ok ? undefined : state.message} />
      <OneTimeLink data={state.data} />
    </form>
  );
}
