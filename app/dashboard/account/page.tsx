import type { Metadata } from 'next';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { NameForm, PasswordForm } from './account-forms';

export const metadata: Metadata = { title: 'Tài khoản của tôi' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ searchParams }: Props) {
  const user = await requireUser('dashboard:view', '/dashboard/account');
  const changed = (await searchParams)['da-doi-mat-khau'] === '1';
  return (
    <>
      <h1>Tài khoản của tôi</h1>
      <p>
        {user.email} · {ROLE_LABELS[user.role]}
      </p>
      <h2>Họ tên</h2>
      <NameForm name={user.name} />
      <h2>Đổi mật khẩu</h2>
      <PasswordForm changed={changed} />
    </>
  );
}
