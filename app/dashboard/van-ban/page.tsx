import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/pagination';
import { listDashboardDocuments } from '@/db/queries/dashboard-documents';
import { MAX_DOCUMENT_QUERY } from '@/db/queries/document-search';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { formatCalendarDate, NO_TEXT_LAYER } from '@/lib/documents';
import { pageParam } from '@/lib/validation';
import { DOCUMENT_STATUS_LABELS } from './labels';

export const metadata: Metadata = { title: 'Văn bản' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export default async function DocumentsPage({ searchParams }: Props) {
  const user = await requireUser('documents:write-own', '/dashboard/van-ban');
  const params = await searchParams;
  const q = one(params.q).normalize('NFC').trim().slice(0, MAX_DOCUMENT_QUERY);
  const page = pageParam.parse(one(params.trang) || 1);
  const { rows, total, pages } = await listDashboardDocuments(user, q, page);
  const href = (p: number) => `/dashboard/van-ban?${new URLSearchParams({ ...(q ? { q } : {}), ...(p > 1 ? { trang: String(p) } : {}) })}`;
  return (
    <>
      <div className="page-head">
        <h1>Văn bản</h1>
        <Link href="/dashboard/van-ban/new" className="button">
          Thêm văn bản
        </Link>
        {can(user.role, 'documents:terms') ? <Link href="/dashboard/van-ban/danh-muc">Danh mục văn bản</Link> : null}
      </div>
      <form method="get" className="filters" role="search">
        <label htmlFor="vb-q">Tìm văn bản</label>
        <input id="vb-q" name="q" type="search" defaultValue={q} maxLength={MAX_DOCUMENT_QUERY} />
        <button type="submit" className="button--small">
          Tìm
        </button>
      </form>
      <p>{total.toLocaleString('vi-VN')} văn bản</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Số/Ký hiệu</th>
            <th scope="col">Loại văn bản</th>
            <th scope="col">Cơ quan ban hành</th>
            <th scope="col">Ngày ban hành</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Tệp</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id}>
              <td>
                <Link href={`/dashboard/van-ban/${d.id}`}>{d.number}</Link>
                <br />
                <span className="field__hint">{d.abstract.length > 140 ? `${d.abstract.slice(0, 140)}…` : d.abstract}</span>
              </td>
              <td>{d.typeName}</td>
              <td>{d.issuerName}</td>
              <td>{formatCalendarDate(d.issuedOn)}</td>
              <td>{DOCUMENT_STATUS_LABELS[d.status]}</td>
              <td>
                {d.files.toLocaleString('vi-VN')}
                {d.noText > 0 ? (
                  <>
                    <br />
                    <span className="badge badge--warning">{NO_TEXT_LAYER}</span>
                  </>
                ) : null}
                {d.pending > 0 ? (
                  <>
                    <br />
                    <span className="field__hint">{d.pending.toLocaleString('vi-VN')} tệp đang chờ trích xuất chữ</span>
                  </>
                ) : null}
                {d.failed > 0 ? (
                  <>
                    <br />
                    <span className="badge badge--warning">{d.failed.toLocaleString('vi-VN')} tệp không trích xuất được chữ</span>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p role="status">{q ? 'Không tìm thấy văn bản nào.' : 'Chưa có văn bản nào.'}</p> : null}
      <Pagination page={page} pages={pages} href={href} />
    </>
  );
}
