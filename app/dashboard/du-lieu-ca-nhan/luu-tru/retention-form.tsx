'use client';

import { useActionState } from 'react';
import { Field, FormMessage } from '@/components/forms/field';
import type { ActionState } from '@/lib/auth/action';
import { PHONE_MONTHS, REJECTED_DAYS, RETENTION_LABELS, type RetentionSettings } from '@/lib/privacy-retention';
import { updateRetentionSettingsAction } from './actions';

/** The two retention periods; a real form post, so it works before (or without) JavaScript. */
export function RetentionForm({ settings }: { settings: RetentionSettings }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updateRetentionSettingsAction, {});
  // Text fields rather than type=number: whatever was typed comes back as typed, beside its error.
  return (
    <form action={action} className="form" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <Field
        name="phoneMonths"
        label={RETENTION_LABELS.phoneMonths}
        inputMode="numeric"
        maxLength={6}
        required
        hint={`Từ ${PHONE_MONTHS.min} đến ${PHONE_MONTHS.max} tháng, tính từ lúc gửi bình luận. Mặc định ${PHONE_MONTHS.default}.`}
        defaultValue={state.values?.phoneMonths ?? String(settings.phoneMonths)}
        errors={state.fieldErrors?.phoneMonths}
      />
      <Field
        name="rejectedDays"
        label={RETENTION_LABELS.rejectedDays}
        inputMode="numeric"
        maxLength={6}
        required
        hint={`Từ ${REJECTED_DAYS.min} đến ${REJECTED_DAYS.max} ngày, tính từ lúc bị từ chối hoặc đánh dấu rác. Mặc định ${REJECTED_DAYS.default}.`}
        defaultValue={state.values?.rejectedDays ?? String(settings.rejectedDays)}
        errors={state.fieldErrors?.rejectedDays}
      />
      <button type="submit" disabled={pending}>
        Lưu thời hạn lưu trữ
      </button>
    </form>
  );
}
