'use client';

// Last resort when even the root layout failed: a complete page of its own, in Vietnamese.
export default function GlobalError() {
  return (
    <html lang="vi">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem', lineHeight: 1.6 }}>
        <h1>Hệ thống tạm thời gián đoạn</h1>
        <p>Vui lòng thử lại sau ít phút.</p>
        <p>
          <a href="/">Về trang chủ</a>
        </p>
      </body>
    </html>
  );
}
