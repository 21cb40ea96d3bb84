'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/field';
import type { ActionState } from '@/lib/auth/action';
import type { DocumentTermKind } from '@/lib/document-form';
import { createDocumentTermAction, deleteDocumentTermAction, moveDocumentTermAction, renameDocumentTermAction } from './actions';

type Item = { id: number; name: string; slug: string; used: number };

export function CreateTermForm({ kind, label }: { kind: DocumentTermKind; label: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(createDocumentTermAction, {});
  const fieldId = `dm-${kind}-moi`;
  const error = state.fieldErrors?.name?.[0] ?? '';
  return (
    <form action={action} className="inline-form" key={state.ok ? state.message : 'f'}>
      <input type="hidden" name="kind" value={kind} />
      <label htmlFor={fieldId}>Thêm vào “{label}”</label>
      <input id={fieldId} name="name" maxLength={200} defaultValue={state.ok ? '' : state.values?.name} aria-invalid={error ? true : undefined} aria-describedby={`${fieldId}-loi`} />
      <button type="submit" className="button--small" disabled={pending}>
        Thêm
      </button>
      <span id={`${fieldId}-loi`} className="field__error" aria-live="polite">
        {error}
      </span>
      <FormMessage ok={state.ok} message={error ? undefined : state.message} />
    </form>
  );
}

export function TermRow({ kind, item, first, last }: { kind: DocumentTermKind; item: Item; first: boolean; last: boolean }) {
  const [renamed, rename, renaming] = useActionState<ActionState, FormData>(renameDocumentTermAction, {});
  const [moved, move, moving] = useActionState<ActionState, FormData>(moveDocumentTermAction, {});
  const [removed, remove, removing] = useActionState<ActionState, FormData>(deleteDocumentTermAction, {});
  const fieldId = `dm-${kind}-${item.id}`;
  return (
    <li className="taxonomy-item">
      <form action={rename} className="inline-form">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={item.id} />
        <label htmlFor={fieldId} className="visually-hidden">
          Tên của {item.name}
        </label>
        <input id={fieldId} name="name" defaultValue={item.name} maxLength={200} />
        <button type="submit" className="button--small" disabled={renaming} aria-label={`Đổi tên ${item.name}`}>
          Đổi tên
        </button>
        <span className="taxonomy-item__count">{item.used.toLocaleString('vi-VN')} văn bản</span>
        <FormMessage ok={renamed.ok} message={renamed.message} />
      </form>
      <form action={move} className="inline-form">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={item.id} />
        <button type="submit" name="direction" value="up" className="button--small button--secondary" disabled={first || moving} aria-label={`Đưa ${item.name} lên`}>
          ↑
        </button>
        <button type="submit" name="direction" value="down" className="button--small button--secondary" disabled={last || moving} aria-label={`Đưa ${item.name} xuống`}>
          ↓
        </button>
        <FormMessage ok={moved.ok} message={moved.ok ? undefined : moved.message} />
      </form>
      <form action={remove} className="inline-form">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={item.id} />
        <button type="submit" className="button--small button--danger" disabled={removing} aria-label={`Xoá ${item.name}`}>
          Xoá
        </button>
        <FormMessage ok={removed.ok} message={removed.message} />
      </form>
    </li>
  );
}
