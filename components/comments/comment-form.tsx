'use client';

import { useActionState } from 'react';
import type { CommentState } from '@/app/(site)/bai-viet/actions';
import { CaptchaField } from '@/components/forms/captcha-field';
import { CONSENT_LABEL_BEFORE_LINK, CONSENT_LINK_TEXT, POLICY_PATH } from '@/lib/privacy-policy';

type Props = {
  action: (previous: CommentState, formData: FormData) => Promise<CommentState>;
  /** The policy version in force when the page was rendered: what the reader consents to. */
  policyVersion: number | null;
};

type FieldName = 'name' | 'phone' | 'title' | 'content' | 'captcha' | 'consent';

/** `Viết bình luận`: a plain form posted to a server action; works without JavaScript. */
export function CommentForm({ action, policyVersion }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const values = state.ok ? {} : (state.values ?? {});
  const errorOf = (name: FieldName) => state.fieldErrors?.[name]?.[0] ?? '';
  const describedBy = (name: FieldName, hint?: string) => [hint, `binh-luan-${name}-loi`].filter(Boolean).join(' ');

  const input = (name: Exclude<FieldName, 'content' | 'captcha' | 'consent'>, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div className="field">
      <label htmlFor={`binh-luan-${name}`}>{label}</label>
      <input
        id={`binh-luan-${name}`}
        name={name}
        defaultValue={values[name] ?? ''}
        aria-invalid={errorOf(name) ? true : undefined}
        aria-describedby={describedBy(name, extra['aria-describedby'])}
        {...extra}
      />
      <p id={`binh-luan-${name}-loi`} className="field__error" aria-live="polite">
        {errorOf(name)}
      </p>
    </div>
  );

  return (
    <form action={formAction} className="form comment-form" noValidate key={state.ok ? `ok-${state.captchaVersion ?? 0}` : 'form'}>
      <h3 id="viet-binh-luan">Viết bình luận</h3>
      <p className="field__hint" id="binh-luan-luu-y">
        Họ tên và số điện thoại chỉ dùng để ban biên tập liên hệ khi cần và được xử lý theo quy định về bảo vệ dữ liệu cá
        nhân; số điện thoại không được công khai. Bình luận được hiển thị sau khi kiểm duyệt.
      </p>
      <p className={state.ok ? 'form-message form-message--ok' : 'form-message form-message--error'} role="status" aria-live="polite">
        {state.message ?? ''}
      </p>
      {input('name', 'Họ tên', { required: true, maxLength: 100, autoComplete: 'name' })}
      {input('phone', 'Số điện thoại', { type: 'tel', maxLength: 20, autoComplete: 'tel', inputMode: 'tel' })}
      {input('title', 'Tiêu đề', { required: true, maxLength: 200 })}
      <div className="field">
        <label htmlFor="binh-luan-content">Nội dung</label>
        <textarea
          id="binh-luan-content"
          name="content"
          rows={6}
          required
          maxLength={5000}
          defaultValue={values.content ?? ''}
          aria-invalid={errorOf('content') ? true : undefined}
          aria-describedby={describedBy('content')}
        />
        <p id="binh-luan-content-loi" className="field__error" aria-live="polite">
          {errorOf('content')}
        </p>
      </div>
      <CaptchaField idPrefix="binh-luan" version={state.captchaVersion ?? 0} error={errorOf('captcha')} />
      <div className="field comment-form__consent">
        {/* Never ticked on load (issue 16): consent is given by the reader, each time. */}
        <label className="choice" htmlFor="binh-luan-consent">
          <input
            type="checkbox"
            id="binh-luan-consent"
            name="consent"
            value="1"
            required
            defaultChecked={values.consent === '1'}
            aria-invalid={errorOf('consent') ? true : undefined}
            aria-describedby={describedBy('consent')}
          />
          <span>
            {CONSENT_LABEL_BEFORE_LINK}
            <a href={POLICY_PATH}>{CONSENT_LINK_TEXT}</a>
          </span>
        </label>
        <p id="binh-luan-consent-loi" className="field__error" aria-live="polite">
          {errorOf('consent')}
        </p>
        <input type="hidden" name="policyVersion" value={state.policyVersion ?? policyVersion ?? ''} />
      </div>
      {/* Honeypot: hidden from people and assistive technology; bots fill it in. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="binh-luan-website">Trang web</label>
        <input id="binh-luan-website" name="website" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" disabled={pending}>
        Gửi bình luận
      </button>
    </form>
  );
}
