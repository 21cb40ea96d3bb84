'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/field';
import type { ActionState } from '@/lib/auth/action';
import { moderateAction } from './actions';

export type ModerationRow = {
  id: number;
  name: string;
  phone: string | null;
  title: string;
  content: string;
  status: string;
  flags: string[];
  createdAt: string;
  articleSlug: string;
  articleTitle: string;
};

const STATUS_LABELS: Record<string, string> = { pending: 'Chờ duyệt', approved: 'Đã duyệt', rejected: 'Đã từ chối', spam: 'Spam' };
const OPS = [
  ['approve', 'Duyệt'],
  ['reject', 'Từ chối'],
  ['spam', 'Spam'],
  ['delete', 'Xóa'],
] as const;

/** The queue as one form: row buttons act on one comment, the bar on the ticked ones. */
export function ModerationForm({ rows }: { rows: ModerationRow[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(moderateAction, {});
  return (
    <form action={action}>
      <FormMessage ok={state.ok} message={state.message} />
      <div className="bulk-bar" role="group" aria-label="Thao tác với bình luận đã chọn">
        {OPS.map(([op, label]) => (
          <button key={op} type="submit" name="op" value={`${op}:selected`} className="button--small button--secondary" disabled={pending}>
            {label} mục đã chọn
          </button>
        ))}
      </div>
      <ul className="moderation-list">
        {rows.map((c) => (
          <li key={c.id} className="moderation-item" data-comment-id={c.id}>
            <div className="moderation-item__select">
              <input type="checkbox" name="ids" value={c.id} id={`chon-${c.id}`} aria-label={`Chọn bình luận “${c.title}” của ${c.name}`} />
            </div>
            <div className="moderation-item__body">
              <p className="comment__meta">
                <strong>{c.name}</strong>
                {c.phone ? <> · ĐT: {c.phone}</> : null} · {c.createdAt} · {STATUS_LABELS[c.status] ?? c.status}
                {c.flags.includes('links') ? <> · <span className="flag">Nhiều liên kết</span></> : null}
              </p>
              <p className="comment__title">{c.title}</p>
              <p className="comment__content">{c.content}</p>
              <p className="comment__meta">
                Bài: <Link href={`/bai-viet/${c.articleSlug}`}>{c.articleTitle}</Link>
              </p>
            </div>
            <div className="moderation-item__actions">
              {OPS.map(([op, label]) => (
                <button
                  key={op}
                  type="submit"
                  name="op"
                  value={`${op}:${c.id}`}
                  className={op === 'delete' ? 'button--small button--danger' : 'button--small'}
                  disabled={pending}
                  aria-label={`${label}: ${c.title}`}
                >
                  {label}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </form>
  );
}
