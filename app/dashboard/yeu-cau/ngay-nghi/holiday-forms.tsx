'use client';

import { useActionState } from 'react';
import { Field, FormMessage } from '@/components/forms/field';
import { useResultKey } from '@/components/forms/use-result-key';
import type { ActionState } from '@/lib/auth/action';
import { addPublicHolidayAction, removePublicHolidayAction } from './actions';

export function AddHolidayForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(addPublicHolidayAction, {});
  const formKey = useResultKey(state);
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="form" noValidate key={formKey}>
      <FormMessage ok={state.ok} message={state.message} />
      <Field name="day" label="Ngày" type="date" required defaultValue={v.day} errors={state.fieldErrors?.day} />
      <Field name="name" label="Tên" required maxLength={100} defaultValue={v.name} errors={state.fieldErrors?.name} />
      <div className="field">
        <label htmlFor="f-kind">Loại ngày</label>
        <select id="f-kind" name="kind" defaultValue={v.kind ?? 'holiday'}>
          <option value="holiday">Ngày nghỉ</option>
          <option value="working_day">Ngày làm bù (cuối tuần đi làm)</option>
        </select>
        <p className="field__error" aria-live="polite">
          {state.fieldErrors?.kind?.[0] ?? ''}
        </p>
      </div>
      <button type="submit" disabled={pending}>
        Thêm ngày
      </button>
    </form>
  );
}

export function RemoveHolidayForm({ day, label }: { day: string; label: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(removePublicHolidayAction, {});
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="day" value={day} />
      <button type="submit" className="button--small button--secondary" disabled={pending} aria-label={`Xóa ngày ${label}`}>
        Xóa
      </button>
      {state.ok === false ? (
        <span className="field__error" role="status">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
