import type { Metadata } from 'next';
import { listUsers } from '@/db/queries/users';
import { formatPublishTime } from '@/lib/dates';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { CreateUserForm, DisableForm, ResetLinkForm, RoleForm } from './user-forms';

export const metadata: Metadata = { title: 'Tài khoản người dùng' };

export default async function UsersPage() {
  const me = await requireUser('users:manage', '/dashboard/users');
  const users = await listUsers(me);
  return (
    <>
      <h1>Tài khoản người dùng</h1>
      <table className="data-table">
        <caption className="visually-hidden">Danh sách tài khoản</caption>
        <thead>
          <tr>
            <th scope="col">Họ tên</th>
            <th scope="col">Email</th>
            <th scope="col">Vai trò</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Đăng nhập gần nhất</th>
            <th scope="col">Thao tác</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-email={u.email}>
              <td>
                {u.name}
                {u.id === me.id ? ' (bạn)' : ''}
              </td>
              <td>{u.email}</td>
              <td>
                <span className="visually-hidden">{ROLE_LABELS[u.role]}</span>
                <RoleForm userId={u.id} role={u.role} label={u.email} />
              </td>
              <td>{u.disabled ? 'Đã khóa' : u.hasPassword ? 'Hoạt động' : 'Chờ đặt mật khẩu'}</td>
              <td>{u.lastSignInAt ? formatPublishTime(u.lastSignInAt) : '—'}</td>
              <td className="actions">
                <DisableForm userId={u.id} disabled={u.disabled} />
                <ResetLinkForm userId={u.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Tạo tài khoản</h2>
      <CreateUserForm />
    </>
  );
}
