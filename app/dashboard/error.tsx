'use client';

export default function DashboardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert">
      <h1>Không tải được trang quản trị</h1>
      <p>
        Hệ thống tạm thời gián đoạn (có thể do cơ sở dữ liệu). Nội dung đang soạn vẫn được trình duyệt giữ lại; vui lòng thử lại sau
        ít phút.
      </p>
      <button type="button" onClick={reset}>
        Thử lại
      </button>
    </div>
  );
}
