import type { Metadata } from 'next';
import Link from 'next/link';
import { isTokenUsable } from '@/db/writes/users';
import { site } from '@/lib/site';
import { SetPasswordForm } from './set-password-form';

export const metadata: Metadata = { title: 'Đặt mật khẩu', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function SetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const usable = typeof token === 'string' && token.length <= 100 && (await isTokenUsable(token));
  return (
    <main id="noi-dung" className="auth-page">
      <div className="auth-card">
        <p className="auth-card__site">{site.name}</p>
        <h1>Đặt mật khẩu</h1>
        {usable ? (
          <SetPasswordForm token={token} />
        ) : (
          <p role="status">
            Liên kết không còn hiệu lực (đã dùng hoặc đã hết hạn). Hãy xin quản trị viên cấp liên kết mới.{' '}
            <Link href="/login">Về trang đăng nhập</Link>
          </p>
        )}
      </div>
    </main>
  );
}
