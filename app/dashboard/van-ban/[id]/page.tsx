import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDocumentForEdit, listDocumentRevisions, listDocumentTermOptions } from '@/db/queries/dashboard-documents';
import { mayEditDocument } from '@/db/writes/documents';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { formatPublishTime } from '@/lib/dates';
import { documentFileHref } from '@/lib/document-files';
import { DOCUMENT_FILE_TYPES, documentPath, formatCalendarDate, MAX_FILES_PER_DOCUMENT, type DocumentMimeType } from '@/lib/documents';
import { env } from '@/lib/env';
import { parseId } from '@/lib/validation';
import { DocumentForm } from '../document-form';
import { DOCUMENT_STATUS_LABELS } from '../labels';
import { describeChanges } from '../revision-fields';

export const metadata: Metadata = { title: 'Sửa văn bản' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ 'da-luu'?: string; 'khoi-phuc'?: string; 'thieu-tep'?: string }> };

const SAVED: Record<string, string> = {
  draft: 'Đã lưu bản nháp.',
  published: 'Đã lưu; văn bản đang công khai.',
  unpublished: 'Đã lưu; văn bản không hiển thị với bạn đọc.',
};

export default async function EditDocumentPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser('documents:write-own', `/dashboard/van-ban/${id}`);
  const documentId = parseId(id);
  if (documentId === null) notFound();
  const document = await getDocumentForEdit(user, documentId);
  if (!document) notFound();
  const [terms, revisions] = await Promise.all([listDocumentTermOptions(user), listDocumentRevisions(user, documentId)]);
  const query = await searchParams;
  const saved = query['da-luu'];
  const restoredFrom = parseId(query['khoi-phuc']);
  const filesLeftOut = parseId(query['thieu-tep']);
  const editable = mayEditDocument(user, document);
  const files = document.files.map((f) => ({
    id: f.id,
    name: f.originalName,
    size: f.bytes,
    label: DOCUMENT_FILE_TYPES[f.mimeType as DocumentMimeType]?.label ?? f.mimeType,
    textStatus: f.textStatus,
    href: documentFileHref(f),
  }));
  return (
    <>
      <h1>Sửa văn bản {document.number}</h1>
      {saved && SAVED[saved] ? (
        <p className="form-message form-message--ok" role="status">
          {SAVED[saved]}
        </p>
      ) : null}
      {restoredFrom !== null ? (
        <p className="form-message form-message--ok" role="status">
          Đã khôi phục phiên bản {restoredFrom} thành phiên bản {document.version}.
          {filesLeftOut !== null ? ` ${filesLeftOut} tệp của phiên bản đó đã thuộc văn bản khác nên không được gắn lại.` : ''}
        </p>
      ) : null}
      <p>
        Trạng thái: <strong>{DOCUMENT_STATUS_LABELS[document.status]}</strong>
        {document.publishedAt ? ` · Xuất bản lần đầu: ${formatPublishTime(document.publishedAt)}` : ''} · Phiên bản {document.version} · Cập nhật{' '}
        {formatPublishTime(document.updatedAt)}
        {document.status === 'published' ? (
          <>
            {' · '}
            <Link href={documentPath(document.slug)}>Xem trên trang</Link>
          </>
        ) : null}
        {document.replacedBy.length > 0 ? (
          <>
            {' · Bị thay thế bởi: '}
            {document.replacedBy.map((r, i) => (
              <span key={r.id}>
                {i > 0 ? ', ' : ''}
                <Link href={`/dashboard/van-ban/${r.id}`}>{r.number}</Link>
              </span>
            ))}
          </>
        ) : null}
      </p>
      {editable ? (
        <DocumentForm
          initial={{
            id: document.id,
            version: document.version,
            status: document.status,
            number: document.number,
            typeId: String(document.typeId),
            issuerId: String(document.issuerId),
            signer: document.signer,
            issuedOn: document.issuedOn,
            effectiveOn: document.effectiveOn ?? '',
            expiresOn: document.expiresOn ?? '',
            fieldId: document.fieldId === null ? '' : String(document.fieldId),
            abstract: document.abstract,
          }}
          files={files}
          terms={terms}
          canPublish={can(user.role, 'documents:publish')}
          replaces={document.replaces}
          maxBytes={env().DOCUMENT_MAX_BYTES}
          maxFiles={MAX_FILES_PER_DOCUMENT}
          justSaved={Boolean(saved) || restoredFrom !== null}
        />
      ) : (
        <>
          <p role="status">Chỉ biên tập viên mới sửa được văn bản này (phóng viên sửa bản nháp của mình).</p>
          <dl className="details">
            <dt>Ngày ban hành</dt>
            <dd>{formatCalendarDate(document.issuedOn)}</dd>
            <dt>Trích yếu</dt>
            <dd>{document.abstract}</dd>
            <dt>Tệp đính kèm</dt>
            <dd>
              {files.length === 0
                ? 'Không có'
                : files.map((f) => (
                    <span key={f.id}>
                      <a href={f.href}>{f.name}</a>{' '}
                    </span>
                  ))}
            </dd>
          </dl>
        </>
      )}
      <section aria-labelledby="lich-su">
        <h2 id="lich-su">Lịch sử phiên bản</h2>
        <p>
          <Link href={`/dashboard/van-ban/${document.id}/lich-su`}>So sánh và khôi phục phiên bản</Link>
        </p>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Phiên bản</th>
              <th scope="col">Thời gian</th>
              <th scope="col">Người lưu</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Thay đổi</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r, i) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/dashboard/van-ban/${document.id}/lich-su?xem=${r.id}`}>Phiên bản {r.version}</Link>
                </td>
                <td>{formatPublishTime(r.createdAt)}</td>
                <td>{r.authorName ?? '—'}</td>
                <td>{DOCUMENT_STATUS_LABELS[r.snapshot.status as keyof typeof DOCUMENT_STATUS_LABELS] ?? r.snapshot.status}</td>
                <td>{describeChanges(r.version, r.snapshot, revisions[i + 1]?.snapshot)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
