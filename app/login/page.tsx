import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { site } from '@/lib/site';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Đăng nhập', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = params.next;
  const notice =
    params['da-dat-mat-khau'] === '1'
      ? 'Đã đặt mật khẩu. Vui lòng đăng nhập.'
      : params['da-thiet-lap'] === '1'
        ? 'Đã tạo tài khoản quản trị. Vui lòng đăng nhập.'
        : null;
  if (await getCurrentUser()) redirect('/dashboard');
  return (
    <main id="noi-dung" className="auth-page">
      <div className="auth-card">
        <p className="auth-card__site">{site.name}</p>
        <h1>Đăng nhập hệ thống quản trị</h1>
        {notice ? (
          <p className="form-message form-message--ok" role="status">
            {notice}
          </p>
        ) : null}
        <LoginForm next={typeof next === 'string' ? next.slice(0, 500) : undefined} />
      </div>
    </main>
  );
}
