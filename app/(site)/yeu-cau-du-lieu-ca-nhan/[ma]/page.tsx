import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getPublicRequestStatus } from '@/db/queries/data-requests';
import { formatPublishTime } from '@/lib/dates';
import { DATA_REQUEST_KIND_LABELS, DATA_REQUEST_STATUS_LABELS, parseRequestCode } from '@/lib/data-requests';
import { formatCalendarDay } from '@/lib/working-days';

// One page per secret code: rendered on each request, never cached or shared between codes.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Tình trạng yêu cầu dữ liệu cá nhân',
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

/** A request's state, dates and reply: nothing the person sent (name, phone, email, content). */
export default async function DataRequestStatusPage({ params }: { params: Promise<{ ma: string }> }) {
  const code = parseRequestCode((await params).ma);
  const request = code ? await getPublicRequestStatus(code) : null;
  if (!request) notFound();
  return (
    <div className="container">
      <h1>Tình trạng yêu cầu dữ liệu cá nhân</h1>
      <dl className="request-status">
        <dt>Mã yêu cầu</dt>
        <dd>{request.code}</dd>
        <dt>Loại yêu cầu</dt>
        <dd>{DATA_REQUEST_KIND_LABELS[request.kind]}</dd>
        <dt>Tình trạng</dt>
        <dd data-testid="tinh-trang">{DATA_REQUEST_STATUS_LABELS[request.status]}</dd>
        <dt>Ngày nhận</dt>
        <dd>{formatPublishTime(request.receivedAt)}</dd>
        <dt>Hạn xác nhận</dt>
        <dd>{formatCalendarDay(request.acknowledgeBy)}</dd>
        <dt>Hạn hoàn thành</dt>
        <dd>
          {formatCalendarDay(request.extendedUntil ?? request.dueBy)}
          {request.extendedUntil ? ` (đã gia hạn từ ${formatCalendarDay(request.dueBy)})` : ''}
        </dd>
        {request.doneAt ? (
          <>
            <dt>Ngày hoàn thành</dt>
            <dd>{formatPublishTime(request.doneAt)}</dd>
          </>
        ) : null}
      </dl>
      {request.reply ? (
        <section aria-labelledby="tra-loi">
          <h2 id="tra-loi">Trả lời của ban biên tập</h2>
          <p className="request-reply" data-testid="tra-loi" style={{ whiteSpace: 'pre-wrap' }}>
            {request.reply}
          </p>
        </section>
      ) : null}
    </div>
  );
}
