import type { Metadata } from 'next';
import { db } from '@/db';
import { isSetupTokenValid } from '@/db/first-admin';
import { site } from '@/lib/site';
import { SetupForm } from './setup-form';

export const metadata: Metadata = { title: 'Thiết lập quản trị viên', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function SetupPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const valid = typeof token === 'string' && token.length <= 100 && (await isSetupTokenValid(db, token));
  return (
    <main id="noi-dung" className="auth-page">
      <div className="auth-card">
        <p className="auth-card__site">{site.name}</p>
        <h1>Thiết lập quản trị viên đầu tiên</h1>
        {valid ? <SetupForm token={token} /> : <p role="status">Liên kết thiết lập không còn hiệu lực hoặc hệ thống đã có quản trị viên.</p>}
      </div>
    </main>
  );
}
