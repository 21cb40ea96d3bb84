'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { CaptchaField } from '@/components/forms/captcha-field';
import { useResultKey } from '@/components/forms/use-result-key';
import { DATA_REQUEST_KIND_LABELS, DATA_REQUEST_KINDS } from '@/lib/data-requests';
import { submitDataRequest, type DataRequestFormState } from './actions';

type FieldName = 'name' | 'phone' | 'email' | 'kind' | 'content' | 'captcha';

/** The request form: a plain form posted to a server action, so it works without JavaScript. */
export function DataRequestForm() {
  const [state, formAction, pending] = useActionState<DataRequestFormState, FormData>(submitDataRequest, {});
  const formKey = useResultKey(state);
  if (state.ok && state.receipt) {
    const { code, acknowledgeBy, dueBy } = state.receipt;
    return (
      <section className="request-receipt" aria-labelledby="da-nhan">
        <h2 id="da-nhan">{state.message}</h2>
        <dl>
          <dt>Mã yêu cầu</dt>
          <dd>
            <strong data-testid="ma-yeu-cau">{code}</strong>
          </dd>
          <dt>Hạn xác nhận</dt>
          <dd>{acknowledgeBy}</dd>
          <dt>Hạn hoàn thành</dt>
          <dd>{dueBy}</dd>
        </dl>
        <p>
          Hãy ghi lại mã yêu cầu. Bạn có thể xem tình trạng và trả lời tại{' '}
          <Link href={`/yeu-cau-du-lieu-ca-nhan/${code}`}>trang tình trạng yêu cầu</Link>.
        </p>
      </section>
    );
  }
  const values = state.values ?? {};
  const errorOf = (name: FieldName) => state.fieldErrors?.[name]?.[0] ?? '';
  const aria = (name: FieldName, hint?: string) => ({
    'aria-invalid': errorOf(name) ? true : undefined,
    'aria-describedby': [hint, `yeu-cau-${name}-loi`].filter(Boolean).join(' '),
  });
  const error = (name: FieldName) => (
    <p id={`yeu-cau-${name}-loi`} className="field__error" aria-live="polite">
      {errorOf(name)}
    </p>
  );
  return (
    <form action={formAction} className="form" noValidate key={formKey}>
      <p className="form-message form-message--error" role="status" aria-live="polite">
        {state.message ?? ''}
      </p>
      <div className="field">
        <label htmlFor="yeu-cau-name">Họ tên</label>
        <input id="yeu-cau-name" name="name" required maxLength={100} autoComplete="name" defaultValue={values.name ?? ''} {...aria('name')} />
        {error('name')}
      </div>
      <p className="field__hint" id="yeu-cau-lien-he">
        Nhập số điện thoại hoặc email (ít nhất một) để ban biên tập trả lời bạn.
      </p>
      <div className="field">
        <label htmlFor="yeu-cau-phone">Số điện thoại</label>
        <input id="yeu-cau-phone" name="phone" type="tel" maxLength={20} inputMode="tel" autoComplete="tel" defaultValue={values.phone ?? ''} {...aria('phone', 'yeu-cau-lien-he')} />
        {error('phone')}
      </div>
      <div className="field">
        <label htmlFor="yeu-cau-email">Email</label>
        <input id="yeu-cau-email" name="email" type="email" maxLength={254} autoComplete="email" defaultValue={values.email ?? ''} {...aria('email', 'yeu-cau-lien-he')} />
        {error('email')}
      </div>
      <div className="field">
        <label htmlFor="yeu-cau-kind">Loại yêu cầu</label>
        <select id="yeu-cau-kind" name="kind" required defaultValue={values.kind ?? ''} {...aria('kind')}>
          <option value="" disabled>
            — Chọn loại yêu cầu —
          </option>
          {DATA_REQUEST_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {DATA_REQUEST_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
        {error('kind')}
      </div>
      <div className="field">
        <label htmlFor="yeu-cau-content">Nội dung</label>
        <textarea id="yeu-cau-content" name="content" rows={6} required maxLength={5000} defaultValue={values.content ?? ''} {...aria('content')} />
        {error('content')}
      </div>
      <CaptchaField idPrefix="yeu-cau" version={state.captchaVersion ?? 0} error={errorOf('captcha')} />
      {/* Honeypot: hidden from people and assistive technology; bots fill it in. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="yeu-cau-website">Trang web</label>
        <input id="yeu-cau-website" name="website" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" disabled={pending}>
        Gửi yêu cầu
      </button>
    </form>
  );
}
