'use client';

// Unexpected failures on a reader page: a calm Vietnamese message, never a stack trace.
export default function SiteError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="not-found" role="alert">
      <h1>Trang tạm thời không hiển thị được</h1>
      <p>Hệ thống đang gặp sự cố tạm thời. Vui lòng thử lại sau ít phút.</p>
      <p>
        <button type="button" onClick={reset}>
          Thử lại
        </button>{' '}
        <a href="/">Về trang chủ</a>
      </p>
    </div>
  );
}
