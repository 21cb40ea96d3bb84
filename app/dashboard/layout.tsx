import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { logout } from '@/app/login/actions';
import { countPendingComments } from '@/db/queries/comments';
import { can, ROLE_LABELS } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { site } from '@/lib/site';

export const metadata: Metadata = {
  title: { default: 'Quản trị', template: `%s | Quản trị ${site.shortName}` },
  robots: { index: false, follow: false },
};

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Each page checks its own permission too; this only decides what the navigation shows.
  const user = await requireUser('dashboard:view');
  const pendingComments = can(user.role, 'comments:moderate') ? await countPendingComments(user) : null;
  return (
    <div className="dashboard">
      <a className="skip-link" href="#noi-dung">
        Bỏ qua, đến nội dung chính
      </a>
      <header className="dashboard__header">
        <Link href="/dashboard" className="dashboard__brand">
          Quản trị · {site.shortName}
        </Link>
        <nav aria-label="Quản trị">
          <ul>
            <li>
              <Link href="/dashboard">Tổng quan</Link>
            </li>
            <li>
              <Link href="/dashboard/articles">Bài viết</Link>
            </li>
            <li>
              <Link href="/dashboard/media">Thư viện ảnh</Link>
            </li>
            {can(user.role, 'documents:write-own') ? (
              <li>
                <Link href="/dashboard/van-ban">Văn bản</Link>
              </li>
            ) : null}
            {pendingComments !== null ? (
              <li>
                <Link href="/dashboard/comments">
                  Bình luận <span className="badge">{pendingComments.toLocaleString('vi-VN')}</span>
                  <span className="visually-hidden"> chờ duyệt</span>
                </Link>
              </li>
            ) : null}
            {can(user.role, 'taxonomy:manage') ? (
              <li>
                <Link href="/dashboard/taxonomy">Chuyên mục và thẻ</Link>
              </li>
            ) : null}
            {can(user.role, 'users:manage') ? (
              <li>
                <Link href="/dashboard/users">Người dùng</Link>
              </li>
            ) : null}
            {can(user.role, 'privacy:manage') ? (
              <li>
                <Link href="/dashboard/yeu-cau">Yêu cầu dữ liệu</Link>
              </li>
            ) : null}
            {can(user.role, 'privacy:manage') ? (
              <li>
                <Link href="/dashboard/du-lieu-ca-nhan">Dữ liệu cá nhân</Link>
              </li>
            ) : null}
            {can(user.role, 'audit:view') ? (
              <li>
                <Link href="/dashboard/audit">Nhật ký</Link>
              </li>
            ) : null}
            <li>
              <Link href="/dashboard/account">Tài khoản của tôi</Link>
            </li>
            <li>
              <Link href="/">Xem trang công khai</Link>
            </li>
          </ul>
        </nav>
        <div className="dashboard__user">
          <span>
            {user.name} ({ROLE_LABELS[user.role]})
          </span>
          <form action={logout}>
            <button type="submit" className="button--small button--secondary">
              Đăng xuất
            </button>
          </form>
        </div>
      </header>
      <main id="noi-dung" className="dashboard__main">
        {children}
      </main>
    </div>
  );
}
