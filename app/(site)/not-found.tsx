import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="not-found">
      <h1>Không tìm thấy trang</h1>
      <p>Trang bạn tìm không tồn tại, đã bị gỡ hoặc đường dẫn chưa đúng.</p>
      <p>
        <Link href="/">Về trang chủ</Link> hoặc <Link href="/tim-kiem">tìm kiếm bài viết</Link>.
      </p>
    </div>
  );
}
