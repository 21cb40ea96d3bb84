import type { Metadata } from 'next';
import { Pagination } from '@/components/pagination';
import { listCommentsForModeration, type CommentStatus } from '@/db/queries/comments';
import { requireUser } from '@/lib/auth/session';
import { formatPublishTime } from '@/lib/dates';
import { pageParam, parseId } from '@/lib/validation';
import { ModerationForm } from './moderation-form';

export const metadata: Metadata = { title: 'Kiểm duyệt bình luận' };

const STATUSES: [CommentStatus, string][] = [
  ['pending', 'Chờ duyệt'],
  ['approved', 'Đã duyệt'],
  ['rejected', 'Đã từ chối'],
  ['spam', 'Spam'],
];

type Props = { searchParams: Promise<{ trang_thai?: string; bai?: string; trang?: string }> };

export default async function CommentsPage({ searchParams }: Props) {
  const user = await requireUser('comments:moderate', '/dashboard/comments');
  const params = await searchParams;
  const status = STATUSES.find(([s]) => s === params.trang_thai)?.[0] ?? (params.trang_thai === 'tat-ca' ? null : 'pending');
  const articleId = parseId(params.bai);
  const page = pageParam.parse(params.trang ?? 1);
  const { rows, total, pages } = await listCommentsForModeration(user, { status, articleId }, page);
  const href = (p: number) =>
    `/dashboard/comments?${new URLSearchParams({ trang_thai: status ?? 'tat-ca', ...(articleId ? { bai: String(articleId) } : {}), trang: String(p) })}`;
  return (
    <>
      <h1>Kiểm duyệt bình luận</h1>
      <form method="get" className="filters">
        <label htmlFor="trang_thai">Trạng thái</label>
        <select id="trang_thai" name="trang_thai" defaultValue={status ?? 'tat-ca'}>
          {STATUSES.map(([s, label]) => (
            <option key={s} value={s}>
              {label}
            </option>
          ))}
          <option value="tat-ca">Tất cả</option>
        </select>
        <label htmlFor="bai">Mã bài viết</label>
        <input id="bai" name="bai" inputMode="numeric" pattern="[0-9]*" defaultValue={articleId ?? ''} size={6} />
        <button type="submit" className="button--small">
          Lọc
        </button>
      </form>
      <p>{total.toLocaleString('vi-VN')} bình luận</p>
      {rows.length === 0 ? <p>Không có bình luận nào.</p> : null}
      <ModerationForm rows={rows.map((r) => ({ ...r, createdAt: formatPublishTime(r.createdAt) }))} />
      <Pagination page={page} pages={pages} href={href} />
    </>
  );
}
