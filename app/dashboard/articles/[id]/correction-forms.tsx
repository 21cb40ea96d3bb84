'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/field';
import { useResultKey } from '@/components/forms/use-result-key';
import type { ActionState } from '@/lib/auth/action';
import { CORRECTION_MAX_LENGTH, CORRECTION_REASON_MAX_LENGTH } from '@/lib/corrections';
import { addCorrectionAction, editCorrectionAction } from '../actions';

type TextFieldProps = {
  id: string;
  name: 'body' | 'reason';
  label: string;
  rows: number;
  maxLength: number;
  defaultValue: string;
  error: string;
  hint?: string;
};

/** A labelled textarea with its error beside it (aria-describedby, announced politely). */
function TextField({ id, name, label, rows, maxLength, defaultValue, error, hint }: TextFieldProps) {
  const hintId = hint ? `${id}-goi-y` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        required
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, `${id}-loi`].filter(Boolean).join(' ')}
      />
      <p id={`${id}-loi`} className="field__error" aria-live="polite">
        {error}
      </p>
    </div>
  );
}

/** `Nội dung đính chính` + `Thêm đính chính`: a plain form posted to a server action; works without JavaScript. */
export function AddCorrectionForm({ articleId }: { articleId: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(addCorrectionAction, {});
  const key = useResultKey(state);
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="form correction-form" noValidate key={key}>
      <input type="hidden" name="articleId" value={articleId} />
      <TextField
        id="dinh-chinh-moi"
        name="body"
        label="Nội dung đính chính"
        rows={4}
        maxLength={CORRECTION_MAX_LENGTH}
        defaultValue={values.body ?? ''}
        error={state.fieldErrors?.body?.[0] ?? ''}
        hint={`Văn bản thuần, tối đa ${CORRECTION_MAX_LENGTH.toLocaleString('vi-VN')} ký tự. Hiển thị ngay ở đầu bài, kèm thời điểm thêm.`}
      />
      <FormMessage ok={state.ok} message={state.message} />
      <button type="submit" disabled={pending}>
        Thêm đính chính
      </button>
    </form>
  );
}

/** Changing one correction: its new text and why; the old text stays in its history. */
export function EditCorrectionForm({ articleId, correctionId, version, body }: { articleId: number; correctionId: number; version: number; body: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(editCorrectionAction, {});
  const key = useResultKey(state);
  // After a successful edit the page re-renders with the new text and version (props).
  const values = state.ok ? {} : (state.values ?? {});
  const prefix = `dinh-chinh-${correctionId}`;
  // Kept open once it has answered, so its message, errors and what was typed stay in view, with or without JavaScript.
  return (
    <details open={state.message ? true : undefined}>
      <summary>Sửa đính chính này</summary>
      <form action={action} className="form correction-form" noValidate key={`${key}-${version}`}>
        <input type="hidden" name="articleId" value={articleId} />
        <input type="hidden" name="correctionId" value={correctionId} />
        <input type="hidden" name="version" value={values.version ?? version} />
        <TextField
          id={`${prefix}-noi-dung`}
          name="body"
          label="Nội dung sửa lại"
          rows={4}
          maxLength={CORRECTION_MAX_LENGTH}
          defaultValue={values.body ?? body}
          error={state.fieldErrors?.body?.[0] ?? ''}
        />
        <TextField
          id={`${prefix}-ly-do`}
          name="reason"
          label="Lý do sửa"
          rows={2}
          maxLength={CORRECTION_REASON_MAX_LENGTH}
          defaultValue={values.reason ?? ''}
          error={state.fieldErrors?.reason?.[0] ?? ''}
        />
        <FormMessage ok={state.ok} message={state.message} />
        <button type="submit" disabled={pending}>
          Lưu sửa đổi
        </button>
      </form>
    </details>
  );
}
