import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findPersonComments, getDataRequest } from '@/db/queries/data-requests';
import { requireUser } from '@/lib/auth/session';
import { DATA_REQUEST_KIND_LABELS, DATA_REQUEST_STATUS_LABELS, isOverdue } from '@/lib/data-requests';
import { formatPublishTime } from '@/lib/dates';
import { parsePersonQuery } from '@/lib/person-query';
import { parseId } from '@/lib/validation';
import { formatCalendarDay, vietnamDay } from '@/lib/working-days';
import { AcknowledgeForm, CompleteForm, EraseForm, ExtendForm } from './request-forms';

export const metadata: Metadata = { title: 'Yêu cầu dữ liệu cá nhân' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ sdt?: string; ten?: string }> };

export default async function DataRequestPage({ params, searchParams }: Props) {
  const rawId = (await params).id;
  const user = await requireUser('privacy:manage', `/dashboard/yeu-cau/${encodeURIComponent(rawId)}`);
  const id = parseId(rawId);
  const request = id === null ? null : await getDataRequest(user, id);
  if (!request) notFound();
  const search = await searchParams;
  // The search starts from what the person gave; the admin may widen or narrow it.
  const sdt = typeof search.sdt === 'string' ? search.sdt.slice(0, 40) : (request.phone ?? '');
  const ten = typeof search.ten === 'string' ? search.ten.slice(0, 200) : request.name;
  const query = parsePersonQuery(sdt, ten);
  const found = await findPersonComments(user, query);
  const overdue = isOverdue(request, vietnamDay(new Date()));
  const qs = new URLSearchParams({ sdt, ten }).toString();
  return (
    <>
      <p>
        <Link href="/dashboard/yeu-cau">‹ Yêu cầu dữ liệu</Link>
      </p>
      <h1>Yêu cầu {request.code}</h1>
      <dl className="request-detail">
        <dt>Tình trạng</dt>
        <dd data-testid="tinh-trang">
          {DATA_REQUEST_STATUS_LABELS[request.status]}
          {overdue ? (
            <>
              {' '}
              <strong className="badge badge--danger">Quá hạn</strong>
            </>
          ) : null}
        </dd>
        <dt>Loại yêu cầu</dt>
        <dd>{DATA_REQUEST_KIND_LABELS[request.kind]}</dd>
        <dt>Họ tên</dt>
        <dd>{request.name}</dd>
        <dt>Số điện thoại</dt>
        <dd>{request.phone ?? '—'}</dd>
        <dt>Email</dt>
        <dd>{request.email ?? '—'}</dd>
        <dt>Nội dung</dt>
        <dd style={{ whiteSpace: 'pre-wrap' }}>{request.content}</dd>
        <dt>Ngày nhận</dt>
        <dd>{formatPublishTime(request.receivedAt)}</dd>
        <dt>Hạn xác nhận</dt>
        <dd>{formatCalendarDay(request.acknowledgeBy)}</dd>
        <dt>Hạn hoàn thành</dt>
        <dd data-testid="han-hoan-thanh">
          {formatCalendarDay(request.extendedUntil ?? request.dueBy)}
          {request.extendedUntil ? ` (gia hạn từ ${formatCalendarDay(request.dueBy)}: ${request.extensionReason ?? ''})` : ''}
        </dd>
        {request.acknowledgedAt ? (
          <>
            <dt>Đã xác nhận lúc</dt>
            <dd>{formatPublishTime(request.acknowledgedAt)}</dd>
          </>
        ) : null}
        {request.doneAt ? (
          <>
            <dt>Hoàn thành lúc</dt>
            <dd>{formatPublishTime(request.doneAt)}</dd>
            <dt>Trả lời</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{request.reply}</dd>
          </>
        ) : null}
        {request.handledByName ? (
          <>
            <dt>Người xử lý</dt>
            <dd>{request.handledByName}</dd>
          </>
        ) : null}
      </dl>

      {request.status === 'received' ? (
        <section aria-labelledby="xac-nhan">
          <h2 id="xac-nhan">Xác nhận đã nhận</h2>
          <AcknowledgeForm requestId={request.id} />
        </section>
      ) : null}
      {request.status !== 'done' && !request.extendedUntil ? (
        <section aria-labelledby="gia-han">
          <h2 id="gia-han">Gia hạn (một lần)</h2>
          <ExtendForm requestId={request.id} />
        </section>
      ) : null}
      {request.status !== 'done' ? (
        <section aria-labelledby="hoan-thanh">
          <h2 id="hoan-thanh">Hoàn thành</h2>
          <CompleteForm requestId={request.id} />
        </section>
      ) : null}

      <section aria-labelledby="binh-luan">
        <h2 id="binh-luan">Bình luận của người này</h2>
        <form method="get" className="form form--inline">
          <div className="field">
            <label htmlFor="tim-sdt">Số điện thoại</label>
            <input id="tim-sdt" name="sdt" type="tel" maxLength={20} defaultValue={sdt} aria-describedby="tim-sdt-loi" />
            <p id="tim-sdt-loi" className="field__error" aria-live="polite">
              {query.phoneInvalid ? 'Số điện thoại không hợp lệ; chỉ tìm theo họ tên.' : ''}
            </p>
          </div>
          <div className="field">
            <label htmlFor="tim-ten">Họ tên (không phân biệt hoa thường, dấu)</label>
            <input id="tim-ten" name="ten" maxLength={100} defaultValue={ten} />
          </div>
          <button type="submit" className="button--secondary">
            Tìm bình luận
          </button>
        </form>
        <p>
          Tìm thấy {found.rows.length.toLocaleString('vi-VN')} bình luận{found.more ? ' (chỉ hiện 200 bình luận mới nhất; thu hẹp tìm kiếm để xem thêm)' : ''}.
        </p>
        {found.rows.length > 0 ? (
          <p>
            <a href={`/dashboard/yeu-cau/${request.id}/xuat?dinh-dang=json&${qs}`} download>
              Xuất JSON
            </a>{' '}
            ·{' '}
            <a href={`/dashboard/yeu-cau/${request.id}/xuat?dinh-dang=csv&${qs}`} download>
              Xuất CSV
            </a>
          </p>
        ) : null}
        {/* Always mounted, so its message ("Đã xóa…") stays after the list empties. */}
        <EraseForm
          requestId={request.id}
          query={{ sdt, ten }}
          comments={found.rows.map((c) => ({
            id: c.id,
            name: c.name,
            phone: c.phone,
            title: c.title,
            content: c.content,
            createdAt: formatPublishTime(c.createdAt),
            articleTitle: c.articleTitle,
          }))}
        />
      </section>
    </>
  );
}
