import type { Metadata } from 'next';
import Link from 'next/link';
import { listPublicHolidays } from '@/db/queries/data-requests';
import { requireUser } from '@/lib/auth/session';
import { formatCalendarDay, vietnamDay } from '@/lib/working-days';
import { AddHolidayForm, RemoveHolidayForm } from './holiday-forms';

export const metadata: Metadata = { title: 'Ngày nghỉ lễ' };

const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];

export default async function HolidaysPage() {
  const user = await requireUser('privacy:manage', '/dashboard/yeu-cau/ngay-nghi');
  // From January of last year: older days no longer move any deadline.
  const fromDay = `${Number(vietnamDay(new Date()).slice(0, 4)) - 1}-01-01`;
  const days = await listPublicHolidays(user, fromDay);
  return (
    <>
      <p>
        <Link href="/dashboard/yeu-cau">‹ Yêu cầu dữ liệu</Link>
      </p>
      <h1>Ngày nghỉ lễ</h1>
      <p>
        Hạn xác nhận yêu cầu (2 ngày làm việc) bỏ qua thứ bảy, chủ nhật và các ngày nghỉ dưới đây; ngày làm bù là ngày cuối
        tuần được tính là ngày làm việc. Hạn đã tính cho các yêu cầu đã nhận không thay đổi khi sửa danh sách.
      </p>
      <table className="data-table">
        <caption className="visually-hidden">Danh sách ngày nghỉ và ngày làm bù</caption>
        <thead>
          <tr>
            <th scope="col">Ngày</th>
            <th scope="col">Thứ</th>
            <th scope="col">Tên</th>
            <th scope="col">Loại</th>
            <th scope="col">Thao tác</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day} data-day={d.day}>
              <td>{formatCalendarDay(d.day)}</td>
              <td>{WEEKDAYS[new Date(`${d.day}T12:00:00Z`).getUTCDay()]}</td>
              <td>{d.name}</td>
              <td>{d.kind === 'holiday' ? 'Ngày nghỉ' : 'Ngày làm bù'}</td>
              <td>
                <RemoveHolidayForm day={d.day} label={formatCalendarDay(d.day)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Thêm ngày</h2>
      <AddHolidayForm />
    </>
  );
}
