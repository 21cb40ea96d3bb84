import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RevisionDiff } from '@/components/dashboard/revision-diff';
import { getDocumentForEdit, getDocumentRevision, listDocumentRevisions, listDocumentTermOptions } from '@/db/queries/dashboard-documents';
import { mayEditDocument } from '@/db/writes/documents';
import { requireUser } from '@/lib/auth/session';
import { formatPublishTime } from '@/lib/dates';
import { compareTexts } from '@/lib/revision-diff';
import { BIG_ID_MAX, parseId } from '@/lib/validation';
import { DOCUMENT_STATUS_LABELS } from '../../labels';
import { describeChanges, fieldChanged, fieldText, SNAPSHOT_LABELS, type ComparedFields, type Names } from '../../revision-fields';
import { RestoreDocumentForm } from './restore-form';

export const metadata: Metadata = { title: 'Lịch sử phiên bản văn bản' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ xem?: string }> };

export default async function DocumentRevisionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser('documents:write-own', `/dashboard/van-ban/${id}/lich-su`);
  const documentId = parseId(id);
  if (documentId === null) notFound();
  const document = await getDocumentForEdit(user, documentId);
  if (!document) notFound();
  const revisionId = parseId((await searchParams).xem, BIG_ID_MAX);
  const [revisions, terms, revision] = await Promise.all([
    listDocumentRevisions(user, documentId),
    listDocumentTermOptions(user),
    revisionId === null ? Promise.resolve(null) : getDocumentRevision(user, documentId, revisionId),
  ]);

  const termNames = new Map([...terms.type, ...terms.issuer, ...terms.field].map((t) => [t.id, t.name]));
  const current: ComparedFields = {
    number: document.number,
    typeId: document.typeId,
    issuerId: document.issuerId,
    signer: document.signer,
    issuedOn: document.issuedOn,
    effectiveOn: document.effectiveOn,
    expiresOn: document.expiresOn,
    fieldId: document.fieldId,
    abstract: document.abstract,
    fileIds: document.files.map((f) => f.id),
    replacesId: document.replaces?.id ?? null,
    status: document.status,
  };
  const currentNames: Names = { terms: termNames, files: new Map(document.files.map((f) => [f.id, f.originalName])), replaces: document.replaces?.number ?? null };
  const revisionNames: Names | null = revision ? { terms: termNames, files: revision.fileNames, replaces: revision.replacesNumber } : null;

  return (
    <>
      <h1>Lịch sử phiên bản</h1>
      <p>
        <Link href={`/dashboard/van-ban/${document.id}`}>‹ Về văn bản {document.number}</Link> · Phiên bản hiện tại: {document.version} (
        {DOCUMENT_STATUS_LABELS[document.status]})
      </p>
      {revision && revisionNames ? (
        <section aria-labelledby="phien-ban" className="revision">
          <h2 id="phien-ban">
            Phiên bản {revision.version} — {formatPublishTime(revision.createdAt)}
            {revision.authorName ? `, ${revision.authorName}` : ''}
          </h2>
          {revision.version === document.version ? (
            <p>Đây là phiên bản hiện tại.</p>
          ) : mayEditDocument(user, document) ? (
            <>
              <p className="field__hint">
                Khôi phục lưu các trường của phiên bản này thành một phiên bản mới; trạng thái của văn bản giữ nguyên
                {document.status === 'published' ? ' (văn bản vẫn công khai, với nội dung được khôi phục)' : ''}.
              </p>
              <RestoreDocumentForm documentId={document.id} revisionId={revision.id} version={document.version} />
            </>
          ) : null}
          <table className="data-table">
            <caption>So sánh phiên bản {revision.version} với bản hiện tại</caption>
            <thead>
              <tr>
                <th scope="col">Trường</th>
                <th scope="col">Phiên bản {revision.version}</th>
                <th scope="col">Bản hiện tại</th>
                <th scope="col">Khác nhau</th>
              </tr>
            </thead>
            <tbody>
              {SNAPSHOT_LABELS.map(([key, label]) => {
                const changed = fieldChanged(key, revision.snapshot, current);
                return (
                  <tr key={key} className={changed ? 'revision__changed' : undefined}>
                    <th scope="row">{label}</th>
                    <td>{fieldText(key, revision.snapshot, revisionNames)}</td>
                    <td>{fieldText(key, current, currentNames)}</td>
                    <td>{changed ? <strong>Đã đổi</strong> : 'Như nhau'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {fieldChanged('abstract', revision.snapshot, current) ? (
            <>
              <h3>Trích yếu: khác biệt từng từ</h3>
              <p className="field__hint">
                <del>Gạch ngang</del>: có trong phiên bản này, không còn trong bản hiện tại; <ins>gạch dưới</ins>: có trong bản hiện tại.
              </p>
              <RevisionDiff comparison={compareTexts(revision.snapshot.abstract, document.abstract)} />
            </>
          ) : null}
        </section>
      ) : revisionId !== null ? (
        <p role="status">Không tìm thấy phiên bản này.</p>
      ) : (
        <p>Chọn một phiên bản để so sánh với bản hiện tại và khôi phục nếu cần.</p>
      )}
      <table className="data-table">
        <caption>Các phiên bản, mới nhất trước</caption>
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
                <Link href={`/dashboard/van-ban/${document.id}/lich-su?xem=${r.id}`} aria-current={r.id === revision?.id ? 'page' : undefined}>
                  Phiên bản {r.version}
                </Link>
              </td>
              <td>{formatPublishTime(r.createdAt)}</td>
              <td>{r.authorName ?? '—'}</td>
              <td>{DOCUMENT_STATUS_LABELS[r.snapshot.status as keyof typeof DOCUMENT_STATUS_LABELS] ?? r.snapshot.status}</td>
              <td>{describeChanges(r.version, r.snapshot, revisions[i + 1]?.snapshot)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
