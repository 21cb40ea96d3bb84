import type { Metadata } from 'next';
import { DataRequestForm } from './request-form';

export const metadata: Metadata = {
  title: 'Yêu cầu về dữ liệu cá nhân',
  description: 'Gửi yêu cầu xem, xóa, rút lại đồng ý, hạn chế hoặc phản đối xử lý dữ liệu cá nhân của bạn.',
};

export default function DataRequestPage() {
  return (
    <div className="container">
      <h1>Yêu cầu về dữ liệu cá nhân</h1>
      <p>
        Theo Luật Bảo vệ dữ liệu cá nhân và Nghị định 356/2025/NĐ-CP, bạn có quyền yêu cầu xem, xóa, rút lại đồng ý, hạn chế
        hoặc phản đối việc xử lý dữ liệu cá nhân của mình (họ tên, số điện thoại đã gửi kèm bình luận). Ban biên tập xác nhận
        yêu cầu trong 2 ngày làm việc và hoàn thành trong 15 ngày.
      </p>
      <DataRequestForm />
    </div>
  );
}
