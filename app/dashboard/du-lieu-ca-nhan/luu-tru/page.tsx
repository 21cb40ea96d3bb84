import type { Metadata } from 'next';
import Link from 'next/link';
import { getRetentionSettings, listRetentionRuns } from '@/db/queries/privacy-retention';
import { requireUser } from '@/lib/auth/session';
import { formatDate, formatPublishTime } from '@/lib/dates';
import { RETENTION_COUNT_LABELS, type RetentionCounts } from '@/lib/privacy-retention';
import { RetentionForm } from './retention-form';

export const metadata: Metadata = { title: 'Thời hạn lưu trữ dữ liệu cá nhân' };

const COUNT_KEYS = Object.keys(RETENTION_COUNT_LABELS) as (keyof RetentionCounts)[];

function runState(run: { finishedAt: Date | null; stalled: boolean }): string {
  if (run.finishedAt) return `Xong lúc ${formatPublishTime(run.finishedAt)}`;
  return run.stalled ? 'Bị gián đoạn' : 'Đang chạy';
}

export default async function RetentionPage() {
  const user = await requireUser('privacy:manage', '/dashboard/du-lieu-ca-nhan/luu-tru');
  const [settings, runs] = await Promise.all([getRetentionSettings(user), listRetentionRuns(user)]);
  return (
    <>
      <h1>Thời hạn lưu trữ dữ liệu cá nhân</h1>
      <p>
        <Link href="/dashboard/du-lieu-ca-nhan">← Dữ liệu cá nhân</Link>. Mỗi ngày một lần, hệ thống xoá hẳn khỏi cơ sở dữ liệu số điện thoại và mã địa
        chỉ (mã băm địa chỉ IP) của các bình luận đã quá hạn, và xoá các bình luận bị từ chối hoặc bị đánh dấu rác đã quá hạn. Việc xoá không thể hoàn tác.
      </p>
      <RetentionForm settings={settings} />
      <h2>Các lần chạy gần đây</h2>
      {runs.length === 0 ? (
        <p>Chưa chạy lần nào.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Bắt đầu</th>
              <th scope="col">Ngày</th>
              <th scope="col">Cách chạy</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Thời hạn áp dụng</th>
              {COUNT_KEYS.map((key) => (
                <th scope="col" key={key}>
                  {RETENTION_COUNT_LABELS[key]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <td>{formatPublishTime(run.startedAt)}</td>
                <td>{formatDate(new Date(`${run.runDate}T12:00:00+07:00`))}</td>
                <td>{run.trigger === 'schedule' ? 'Hằng ngày' : 'Chạy tay'}</td>
                <td>{runState(run)}</td>
                <td>
                  {run.phoneMonths} tháng / {run.rejectedDays} ngày
                </td>
                {COUNT_KEYS.map((key) => (
                  <td key={key}>{run[key].toLocaleString('vi-VN')}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
