import Link from 'next/link';

export default function Forbidden() {
  return (
    <main id="noi-dung" className="container not-found">
      <h1>Không có quyền truy cập</h1>
      <p>Tài khoản của bạn không được phép xem trang này. Nếu cần quyền, hãy liên hệ quản trị viên.</p>
      <p>
        <Link href="/dashboard">Về trang quản trị</Link>
      </p>
    </main>
  );
}
