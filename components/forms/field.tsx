import type { InputHTMLAttributes, ReactNode } from 'react';

type Props = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
};

/** A labelled input with its errors beside it, announced to screen readers. */
export function Field({ name, label, errors, hint, id, ...input }: Props) {
  const fieldId = id ?? `f-${name}`;
  const errorId = `${fieldId}-loi`;
  const hintId = hint ? `${fieldId}-goi-y` : undefined;
  const invalid = Boolean(errors?.length);
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <input
        id={fieldId}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
        {...input}
      />
      <p id={errorId} className="field__error" aria-live="polite">
        {errors?.[0] ?? ''}
      </p>
    </div>
  );
}

/** The form's overall message (success or failure), announced politely. */
export function FormMessage({ ok, message }: { ok?: boolean; message?: string }) {
  return (
    <p className={ok ? 'form-message form-message--ok' : 'form-message form-message--error'} role="status" aria-live="polite">
      {message ?? ''}
    </p>
  );
}
