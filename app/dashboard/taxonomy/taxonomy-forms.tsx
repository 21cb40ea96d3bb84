'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/field';
import type { ActionState } from '@/lib/auth/action';
import { createTaxonomyAction, deleteTaxonomyAction, moveSectionAction, renameTaxonomyAction } from './actions';

type Item = { id: number; name: string; slug: string; description?: string; articles: number };
type Kind = 'section' | 'tag';

function ErrorText({ state, field }: { state: ActionState; field: string }) {
  const message = state.fieldErrors?.[field]?.[0];
  return message ? <span className="field__error">{message}</span> : null;
}

export function CreateForm({ kind }: { kind: Kind }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(createTaxonomyAction, {});
  const prefix = `tao-${kind}`;
  return (
    <form action={action} className="inline-form taxonomy-create" key={state.ok ? state.message : 'f'}>
      <input type="hidden" name="kind" value={kind} />
      <label htmlFor={`${prefix}-name`}>Tên</label>
      <input id={`${prefix}-name`} name="name" maxLength={100} defaultValue={state.ok ? '' : state.values?.name} />
      <label htmlFor={`${prefix}-slug`}>Đường dẫn</label>
      <input id={`${prefix}-slug`} name="slug" maxLength={120} placeholder="tự tạo từ tên" defaultValue={state.ok ? '' : state.values?.slug} />
      <button type="submit" className="button--small" disabled={pending}>
        {kind === 'section' ? 'Thêm chuyên mục' : 'Thêm thẻ'}
      </button>
      <ErrorText state={state} field="name" />
      <ErrorText state={state} field="slug" />
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}

export function ItemRow({ kind, item, first, last }: { kind: Kind; item: Item; first: boolean; last: boolean }) {
  const [state, rename, renaming] = useActionState<ActionState, FormData>(renameTaxonomyAction, {});
  const [moved, move, moving] = useActionState<ActionState, FormData>(moveSectionAction, {});
  const [removed, remove, removing] = useActionState<ActionState, FormData>(deleteTaxonomyAction, {});
  const prefix = `${kind}-${item.id}`;
  return (
    <li className="taxonomy-item" data-slug={item.slug}>
      <form action={rename} className="inline-form">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={item.id} />
        <label htmlFor={`${prefix}-name`} className="visually-hidden">
          Tên của {item.name}
        </label>
        <input id={`${prefix}-name`} name="name" defaultValue={item.name} maxLength={100} />
        <label htmlFor={`${prefix}-slug`} className="visually-hidden">
          Đường dẫn của {item.name}
        </label>
        <input id={`${prefix}-slug`} name="slug" defaultValue={item.slug} maxLength={120} />
        <button type="submit" className="button--small" disabled={renaming}>
          Đổi tên
        </button>
        <span className="taxonomy-item__count">{item.articles} bài</span>
        <ErrorText state={state} field="slug" />
        <FormMessage ok={state.ok} message={state.message} />
      </form>
      {kind === 'section' ? (
        <form action={move} className="inline-form">
          <input type="hidden" name="id" value={item.id} />
          <button type="submit" name="direction" value="up" className="button--small button--secondary" disabled={first || moving} aria-label={`Đưa ${item.name} lên`}>
            ↑
          </button>
          <button type="submit" name="direction" value="down" className="button--small button--secondary" disabled={last || moving} aria-label={`Đưa ${item.name} xuống`}>
            ↓
          </button>
          <FormMessage ok={moved.ok} message={moved.ok ? undefined : moved.message} />
        </form>
      ) : null}
      <form action={remove} className="inline-form">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={item.id} />
        <button type="submit" className="button--small button--danger" disabled={removing || item.articles > 0} aria-label={`Xóa ${item.name}`}>
          Xóa
        </button>
        <FormMessage ok={removed.ok} message={removed.message} />
      </form>
    </li>
  );
}
