import type { Metadata } from 'next';
import { Pagination } from '@/components/pagination';
import { listAuditActions, listAuditEntries } from '@/db/queries/audit';
import { requireUser } from '@/lib/auth/session';
import { formatPublishTime } from '@/lib/dates';
import { pageParam } from '@/lib/validation';

export const metadata: Metadata = { title: 'Nhật ký hệ thống' };

const ACTION_LABELS: Record<string, string> = {
  'auth.sign_in': 'Đăng nhập',
  'auth.sign_in_failed': 'Đăng nhập thất bại',
  'auth.sign_in_locked': 'Đăng nhập bị tạm khóa',
  'auth.sign_in_rate_limited': 'Đăng nhập bị giới hạn',
  'auth.sign_out': 'Đăng xuất',
  'user.create': 'Tạo tài khoản',
  'user.role_change': 'Đổi vai trò',
  'user.disable': 'Khóa tài khoản',
  'user.enable': 'Mở khóa tài khoản',
  'user.reset_link': 'Cấp liên kết đặt lại mật khẩu',
  'user.password_set': 'Đặt mật khẩu qua liên kết',
  'user.password_change': 'Đổi mật khẩu',
  'user.password_change_failed': 'Đổi mật khẩu: sai mật khẩu hiện tại',
  'user.password_change_locked': 'Đổi mật khẩu bị tạm khóa',
  'user.name_change': 'Đổi họ tên',
  'comment.approve': 'Duyệt bình luận',
  'comment.reject': 'Từ chối bình luận',
  'comment.spam': 'Đánh dấu bình luận rác',
  'article.publish': 'Xuất bản bài',
  'article.unpublish': 'Gỡ bài',
  'article.schedule': 'Hẹn giờ xuất bản',
  'article.restore': 'Khôi phục phiên bản',
  'article.delete': 'Xóa bài',
  'article.correction.add': 'Thêm đính chính',
  'article.correction.edit': 'Sửa đính chính',
  'comment.delete': 'Xóa bình luận',
  // Issue 16, personal-data requests.
  'data_request.create': 'Nhận yêu cầu dữ liệu cá nhân',
  'data_request.acknowledge': 'Xác nhận yêu cầu dữ liệu',
  'data_request.extend': 'Gia hạn yêu cầu dữ liệu',
  'data_request.complete': 'Hoàn thành yêu cầu dữ liệu',
  'data_request.export': 'Xuất dữ liệu bình luận theo yêu cầu',
  'data_request.erase': 'Xóa dữ liệu bình luận theo yêu cầu',
  'public_holiday.add': 'Thêm ngày nghỉ lễ',
  'public_holiday.remove': 'Xóa ngày nghỉ lễ',
  'section.create': 'Tạo chuyên mục',
  'section.rename': 'Đổi tên chuyên mục',
  'section.reorder': 'Đổi thứ tự chuyên mục',
  'section.delete': 'Xóa chuyên mục',
  'tag.create': 'Tạo thẻ',
  'tag.rename': 'Đổi tên thẻ',
  'tag.delete': 'Xóa thẻ',
  'document.create': 'Tạo văn bản',
  'document.update': 'Sửa văn bản',
  'document.publish': 'Xuất bản văn bản',
  'document.unpublish': 'Gỡ văn bản',
  'document.restore': 'Khôi phục phiên bản văn bản',
  'document_file.upload': 'Tải lên tệp văn bản',
  'document_term.create': 'Thêm mục danh mục văn bản',
  'document_term.rename': 'Đổi tên mục danh mục văn bản',
  'document_term.move': 'Đổi thứ tự danh mục văn bản',
  'document_term.delete': 'Xóa mục danh mục văn bản',
  'media.upload': 'Tải lên ảnh',
  'privacy_policy.publish': 'Xuất bản phiên bản chính sách bảo vệ dữ liệu cá nhân',
  // Personal data: retention (issue 16).
  'privacy_retention.update': 'Đổi thời hạn lưu trữ dữ liệu cá nhân',
  'privacy_retention.run': 'Xoá dữ liệu cá nhân quá hạn',
};

type Props = { searchParams: Promise<{ hanh_dong?: string; trang?: string }> };

export default async function AuditPage({ searchParams }: Props) {
  const user = await requireUser('audit:view', '/dashboard/audit');
  const params = await searchParams;
  const actions = await listAuditActions(user);
  const action = typeof params.hanh_dong === 'string' && actions.includes(params.hanh_dong) ? params.hanh_dong : null;
  const page = pageParam.parse(params.trang ?? 1);
  const { rows, pages, total } = await listAuditEntries(user, action, page);
  const href = (p: number) => `/dashboard/audit?${new URLSearchParams({ ...(action ? { hanh_dong: action } : {}), trang: String(p) })}`;
  return (
    <>
      <h1>Nhật ký hệ thống</h1>
      <form method="get" className="filters">
        <label htmlFor="hanh_dong">Hành động</label>
        <select id="hanh_dong" name="hanh_dong" defaultValue={action ?? ''}>
          <option value="">Tất cả</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {ACTION_LABELS[a] ?? a}
            </option>
          ))}
        </select>
        <button type="submit" className="button--small">
          Lọc
        </button>
      </form>
      <p>{total.toLocaleString('vi-VN')} mục</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Thời gian</th>
            <th scope="col">Người thực hiện</th>
            <th scope="col">Hành động</th>
            <th scope="col">Đối tượng</th>
            <th scope="col">Chi tiết</th>
            <th scope="col">IP</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{formatPublishTime(r.createdAt)}</td>
              <td>{r.actorEmail ?? '—'}</td>
              <td>{ACTION_LABELS[r.action] ?? r.action}</td>
              <td>{r.entityType ? `${r.entityType} ${r.entityId ?? ''}` : '—'}</td>
              <td>
                <code>{Object.keys(r.details).length ? JSON.stringify(r.details) : ''}</code>
              </td>
              <td>{r.ip ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={page} pages={pages} href={href} />
    </>
  );
}
