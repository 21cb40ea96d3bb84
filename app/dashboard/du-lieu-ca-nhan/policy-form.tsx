'use client';

import { useActionState } from 'react';
import { Field, FormMessage } from '@/components/forms/field';
import { useResultKey } from '@/components/forms/use-result-key';
import type { ActionState } from '@/lib/auth/action';
import { POLICY_SECTION_TITLES, POLICY_TEXT_FIELDS, POLICY_TEXT_MAX, type PolicyTextField } from '@/lib/privacy-policy';
import { publishPrivacyPolicyAction } from './actions';

export type PolicyFormValues = {
  version: number | null;
  organisationName: string;
  address: string;
  contactPhone: string;
  contactEmail: string;
} & Record<PolicyTextField, string>;

const HINTS: Record<PolicyTextField, string> = {
  collected: 'Văn bản thường. Để trống một dòng giữa hai đoạn; dòng bắt đầu bằng “- ” là một mục danh sách.',
  purposes: 'Vì sao dữ liệu được xử lý.',
  retention: 'Mỗi loại dữ liệu được lưu bao lâu.',
  rights: 'Các quyền theo Luật Bảo vệ dữ liệu cá nhân và cách gửi yêu cầu.',
};

/** The policy's fields, filled from the current version; saving publishes the next version. */
export function PolicyForm({ current }: { current: PolicyFormValues }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(publishPrivacyPolicyAction, {});
  const formKey = useResultKey(state);
  // After an error, what was typed; after a publish (or on load), the version in force.
  const v: Record<string, string | undefined> = state.ok ? {} : (state.values ?? {});
  const value = (name: keyof PolicyFormValues) => v[name] ?? String(current[name] ?? '');
  const errors = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={action} className="form form--wide" noValidate key={formKey}>
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="basedOn" value={state.ok ? (state.data?.version ?? '') : (v.basedOn ?? String(current.version ?? ''))} />
      <Field name="organisationName" label="Tên tổ chức xử lý dữ liệu" required maxLength={200} defaultValue={value('organisationName')} errors={errors('organisationName')} />
      <Field name="address" label="Địa chỉ" required maxLength={300} defaultValue={value('address')} errors={errors('address')} />
      <Field name="contactPhone" label="Điện thoại liên hệ" type="tel" maxLength={30} defaultValue={value('contactPhone')} errors={errors('contactPhone')} hint="Cần ít nhất điện thoại hoặc thư điện tử." />
      <Field name="contactEmail" label="Thư điện tử liên hệ" type="email" maxLength={254} defaultValue={value('contactEmail')} errors={errors('contactEmail')} />
      {POLICY_TEXT_FIELDS.map((name) => {
        const error = errors(name)?.[0];
        return (
          <div className="field" key={name}>
            <label htmlFor={`f-${name}`}>{POLICY_SECTION_TITLES[name]}</label>
            <p id={`f-${name}-goi-y`} className="field__hint">
              {HINTS[name]}
            </p>
            <textarea
              id={`f-${name}`}
              name={name}
              rows={8}
              required
              maxLength={POLICY_TEXT_MAX}
              defaultValue={value(name)}
              aria-invalid={error ? true : undefined}
              aria-describedby={`f-${name}-goi-y f-${name}-loi`}
            />
            <p id={`f-${name}-loi`} className="field__error" aria-live="polite">
              {error ?? ''}
            </p>
          </div>
        );
      })}
      <p className="field__error" aria-live="polite">
        {errors('basedOn')?.[0] ?? ''}
      </p>
      <button type="submit" disabled={pending}>
        Xuất bản phiên bản mới
      </button>
    </form>
  );
}
