'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/field';
import { useResultKey } from '@/components/forms/use-result-key';
import type { ActionState } from '@/lib/auth/action';
import { acknowledgeRequestAction, completeRequestAction, eraseCommentsAction, extendRequestAction } from '../actions';

export function AcknowledgeForm({ requestId }: { requestId: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(acknowledgeRequestAction, {});
  return (
    <form action={action} className="form">
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="requestId" value={requestId} />
      <button type="submit" disabled={pending}>
        Xác nhận
      </button>
    </form>
  );
}

const err = (state: ActionState, name: string) => state.fieldErrors?.[name]?.[0] ?? '';

export function ExtendForm({ requestId }: { requestId: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(extendRequestAction, {});
  const key = useResultKey(state);
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="form" noValidate key={key}>
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="requestId" value={requestId} />
      <div className="field">
        <label htmlFor="gia-han-days">Số ngày gia hạn (tối đa 15)</label>
        <input id="gia-han-days" name="days" type="number" min={1} max={15} required defaultValue={v.days ?? '15'} aria-describedby="gia-han-days-loi" aria-invalid={err(state, 'days') ? true : undefined} />
        <p id="gia-han-days-loi" className="field__error" aria-live="polite">
          {err(state, 'days')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="gia-han-reason">Lý do gia hạn</label>
        <textarea id="gia-han-reason" name="reason" rows={3} required maxLength={1000} defaultValue={v.reason ?? ''} aria-describedby="gia-han-reason-loi" aria-invalid={err(state, 'reason') ? true : undefined} />
        <p id="gia-han-reason-loi" className="field__error" aria-live="polite">
          {err(state, 'reason')}
        </p>
      </div>
      <button type="submit" disabled={pending}>
        Gia hạn
      </button>
    </form>
  );
}

export function CompleteForm({ requestId }: { requestId: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(completeRequestAction, {});
  const key = useResultKey(state);
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="form" noValidate key={key}>
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="requestId" value={requestId} />
      <div className="field">
        <label htmlFor="hoan-thanh-reply">Trả lời người yêu cầu</label>
        <textarea id="hoan-thanh-reply" name="reply" rows={5} required maxLength={10000} defaultValue={v.reply ?? ''} aria-describedby="hoan-thanh-reply-loi" aria-invalid={err(state, 'reply') ? true : undefined} />
        <p id="hoan-thanh-reply-loi" className="field__error" aria-live="polite">
          {err(state, 'reply')}
        </p>
      </div>
      <button type="submit" disabled={pending}>
        Hoàn thành
      </button>
    </form>
  );
}

type FoundComment = { id: number; name: string; phone: string | null; title: string; content: string; createdAt: string; articleTitle: string };

/** The person's comments, each ticked, and the two ways to erase them. */
export function EraseForm({ requestId, query, comments }: { requestId: number; query: { sdt: string; ten: string }; comments: FoundComment[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(eraseCommentsAction, {});
  const key = useResultKey(state);
  return (
    <form action={action} className="form form--wide" key={key}>
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="sdt" value={query.sdt} />
      <input type="hidden" name="ten" value={query.ten} />
      {comments.length === 0 ? null : (
        <>
          <table className="data-table">
            <caption className="visually-hidden">Bình luận của người yêu cầu</caption>
            <thead>
              <tr>
                <th scope="col">Chọn</th>
                <th scope="col">Thời gian</th>
                <th scope="col">Họ tên</th>
                <th scope="col">Số điện thoại</th>
                <th scope="col">Bài viết</th>
                <th scope="col">Bình luận</th>
              </tr>
            </thead>
            <tbody>
              {comments.map((c) => (
                <tr key={c.id} data-comment-id={c.id}>
                  <td>
                    <input type="checkbox" name="ids" value={c.id} defaultChecked aria-label={`Chọn bình luận ${c.title}`} />
                  </td>
                  <td>{c.createdAt}</td>
                  <td>{c.name}</td>
                  <td>{c.phone ?? '—'}</td>
                  <td>{c.articleTitle}</td>
                  <td>
                    <strong>{c.title}</strong> {c.content.length > 200 ? `${c.content.slice(0, 200)}…` : c.content}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <fieldset className="field">
            <legend>Cách xóa</legend>
            <label className="choice">
              <input type="radio" name="mode" value="delete" defaultChecked={(state.values?.mode ?? 'delete') === 'delete'} /> Xóa hẳn bình luận
            </label>
            <label className="choice">
              <input type="radio" name="mode" value="anonymise" defaultChecked={state.values?.mode === 'anonymise'} /> Giữ nội dung, ẩn danh
              (họ tên thành “Ẩn danh”, xóa số điện thoại và dấu vết địa chỉ)
            </label>
            <p className="field__error" aria-live="polite">
              {err(state, 'mode') || err(state, 'ids')}
            </p>
          </fieldset>
          <button type="submit" disabled={pending}>
            Xóa dữ liệu đã chọn
          </button>
        </>
      )}
    </form>
  );
}
