import type { PublicComment } from '@/db/queries/comments';
import { formatPublishTime, toVietnamIso } from '@/lib/dates';

/** Approved comments, oldest first, as plain text: React escapes every character. */
export function CommentList({ comments }: { comments: PublicComment[] }) {
  if (comments.length === 0) return <p>Chưa có bình luận nào.</p>;
  return (
    <ol className="comment-list">
      {comments.map((c) => (
        <li key={c.id} className="comment">
          <p className="comment__meta">
            <strong>{c.name}</strong> · <time dateTime={toVietnamIso(c.createdAt)}>{formatPublishTime(c.createdAt)}</time>
          </p>
          <p className="comment__title">{c.title}</p>
          <p className="comment__content">{c.content}</p>
        </li>
      ))}
    </ol>
  );
}
