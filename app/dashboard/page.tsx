import type { Metadata } from 'next';
import { getOverview } from '@/db/queries/dashboard';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Tổng quan' };

const STATUS_LABELS: Record<string, string> = {
  draft: 'Bản nháp',
  review: 'Chờ duyệt',
  scheduled: 'Hẹn giờ',
  published: 'Đã xuất bản',
  unpublished: 'Đã gỡ',
};

export default async function DashboardPage() {
  const user = await requireUser('dashboard:view');
  const overview = await getOverview(user);
  return (
    <>
      <h1>Tổng quan</h1>
      <p>Xin chào, {user.name}.</p>
      <h2>{can(user.role, 'articles:write-any') ? 'Bài viết' : 'Bài viết của bạn'}</h2>
      <dl className="stats">
        {Object.entries(STATUS_LABELS).map(([status, label]) => (
          <div key={status}>
            <dt>{label}</dt>
            <dd>{(overview.byStatus[status] ?? 0).toLocaleString('vi-VN')}</dd>
          </div>
        ))}
        {overview.pendingComments !== null ? (
          <div>
            <dt>Bình luận chờ duyệt</dt>
            <dd>{overview.pendingComments.toLocaleString('vi-VN')}</dd>
          </div>
        ) : null}
      </dl>
    </>
  );
}
