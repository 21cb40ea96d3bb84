'use client';

import { useActionState } from 'react';
import { Field, FormMessage } from '@/components/forms/field';
import type { ActionState } from '@/lib/auth/action';
import { uploadMediaAction } from './actions';

export function UploadForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(uploadMediaAction, {});
  return (
    <form action={action} className="form" key={state.ok ? state.message : 'f'}>
      <FormMessage ok={state.ok} message={state.message} />
      <Field
        name="file"
        label="Tệp ảnh"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif"
        hint="JPEG, PNG, WebP hoặc AVIF, tối đa 10 MB."
        errors={state.fieldErrors?.file}
      />
      <Field name="alt" label="Mô tả ảnh" maxLength={300} hint="Bắt buộc: mô tả nội dung ảnh cho người khiếm thị." defaultValue={state.ok ? '' : state.values?.alt} errors={state.fieldErrors?.alt} />
      <button type="submit" disabled={pending}>
        {pending ? 'Đang tải lên…' : 'Tải ảnh lên'}
      </button>
    </form>
  );
}
