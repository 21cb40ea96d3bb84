import Link from 'next/link';

// Outside the reader layout (unknown top-level paths): a plain page in the same words.
export default function NotFound() {
  return (
    <main id="noi-dung" className="container not-found">
      <h1>Không tìm thấy trang</h1>
      <p>Trang bạn tìm không tồn tại, đã bị gỡ hoặc đường dẫn chưa đúng.</p>
      <p>
        <Link href="/">Về trang chủ</Link>
      </p>
    </main>
  );
}
