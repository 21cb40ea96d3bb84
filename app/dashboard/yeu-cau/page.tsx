import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/pagination';
import { listDataRequests } from '@/db/queries/data-requests';
import { requireUser } from '@/lib/auth/session';
import { DATA_REQUEST_KIND_LABELS, DATA_REQUEST_STATUS_LABELS } from '@/lib/data-requests';
import { formatPublishTime } from '@/lib/dates';
import { pageParam } from '@/lib/validation';
import { formatCalendarDay, vietnamDay } from '@/lib/working-days';

export const metadata: Metadata = { title: 'Yêu cầu dữ liệu cá nhân' };

export default async function DataRequestsPage({ searchParams }: { searchParams: Promise<{ trang?: string }> }) {
  const user = await requireUser('privacy:manage', '/dashboard/yeu-cau');
  const page = pageParam.parse((await searchParams).trang);
  const today = vietnamDay(new Date());
  const { rows, total, pages } = await listDataRequests(user, today, page);
  return (
    <>
      <h1>Yêu cầu dữ liệu cá nhân</h1>
      <p>
        {total.toLocaleString('vi-VN')} yêu cầu. Yêu cầu quá hạn đứng đầu danh sách. <Link href="/dashboard/yeu-cau/ngay-nghi">Ngày nghỉ lễ</Link>
      </p>
      <table className="data-table">
        <caption className="visually-hidden">Danh sách yêu cầu dữ liệu cá nhân</caption>
        <thead>
          <tr>
            <th scope="col">Mã yêu cầu</th>
            <th scope="col">Người gửi</th>
            <th scope="col">Loại yêu cầu</th>
            <th scope="col">Ngày nhận</th>
            <th scope="col">Hạn xác nhận</th>
            <th scope="col">Hạn hoàn thành</th>
            <th scope="col">Tình trạng</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-code={r.code} className={r.overdue ? 'is-overdue' : undefined}>
              <td>
                <Link href={`/dashboard/yeu-cau/${r.id}`}>{r.code}</Link>
              </td>
              <td>{r.name}</td>
              <td>{DATA_REQUEST_KIND_LABELS[r.kind]}</td>
              <td>{formatPublishTime(r.receivedAt)}</td>
              <td>{formatCalendarDay(r.acknowledgeBy)}</td>
              <td>
                {formatCalendarDay(r.extendedUntil ?? r.dueBy)}
                {r.extendedUntil ? ' (đã gia hạn)' : ''}
              </td>
              <td>
                {DATA_REQUEST_STATUS_LABELS[r.status]}
                {r.overdue ? (
                  <>
                    {' '}
                    <strong className="badge badge--danger">Quá hạn</strong>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p>Chưa có yêu cầu nào.</p> : null}
      <Pagination page={page} pages={pages} href={(n) => (n === 1 ? '/dashboard/yeu-cau' : `/dashboard/yeu-cau?trang=${n}`)} />
    </>
  );
}
