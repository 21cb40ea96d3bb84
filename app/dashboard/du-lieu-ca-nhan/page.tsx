import type { Metadata } from 'next';
import Link from 'next/link';
import { getCurrentPolicyForEditing, listPolicyHistory } from '@/db/queries/privacy-policy';
import { requireUser } from '@/lib/auth/session';
import { formatPublishTime } from '@/lib/dates';
import { POLICY_PATH, policyVersionPath } from '@/lib/privacy-policy';
import { PolicyForm } from './policy-form';

export const metadata: Metadata = { title: 'Dữ liệu cá nhân' };

export default async function PrivacyDashboardPage() {
  const user = await requireUser('privacy:manage', '/dashboard/du-lieu-ca-nhan');
  const [current, history] = await Promise.all([getCurrentPolicyForEditing(user), listPolicyHistory(user)]);
  return (
    <>
      <h1>Dữ liệu cá nhân</h1>
      <section aria-labelledby="chinh-sach">
        <h2 id="chinh-sach">Chính sách bảo vệ dữ liệu cá nhân</h2>
        <p>
          {current ? (
            <>
              Phiên bản hiện hành: <Link href={POLICY_PATH}>phiên bản {current.version}</Link>, xuất bản lúc {formatPublishTime(current.createdAt)}.{' '}
            </>
          ) : (
            'Chưa có phiên bản nào. '
          )}
          Mỗi lần lưu tạo một phiên bản mới; các phiên bản cũ không bị sửa và vẫn xem được. Mỗi bình luận ghi lại phiên bản người gửi đã đồng ý.
        </p>
        <PolicyForm
          current={{
            version: current?.version ?? null,
            organisationName: current?.organisationName ?? '',
            address: current?.address ?? '',
            contactPhone: current?.contactPhone ?? '',
            contactEmail: current?.contactEmail ?? '',
            collected: current?.collected ?? '',
            purposes: current?.purposes ?? '',
            retention: current?.retention ?? '',
            rights: current?.rights ?? '',
          }}
        />
      </section>
      <section aria-labelledby="lich-su">
        <h2 id="lich-su">Lịch sử phiên bản</h2>
        <table className="data-table">
          <caption className="visually-hidden">Các phiên bản của chính sách, mới nhất trước</caption>
          <thead>
            <tr>
              <th scope="col">Phiên bản</th>
              <th scope="col">Thời gian xuất bản</th>
              <th scope="col">Người xuất bản</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.version} data-version={h.version}>
                <td>
                  <a href={policyVersionPath(h.version)}>Phiên bản {h.version}</a>
                </td>
                <td>{formatPublishTime(h.createdAt)}</td>
                <td>{h.authorName ? `${h.authorName} (${h.authorEmail})` : 'Hệ thống (phiên bản mặc định)'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="thoi-han-luu-tru">
        <h2 id="thoi-han-luu-tru">Thời hạn lưu trữ</h2>
        <p>
          Số điện thoại, mã băm địa chỉ của người bình luận và các bình luận bị từ chối, thư rác được xóa khi hết thời hạn lưu trữ.{' '}
          <Link href="/dashboard/du-lieu-ca-nhan/luu-tru">Cài đặt thời hạn lưu trữ</Link>
        </p>
      </section>
    </>
  );
}
