import type { Metadata } from 'next';
import Link from 'next/link';
import { listDocumentTermsForAdmin } from '@/db/queries/dashboard-documents';
import { requireUser } from '@/lib/auth/session';
import { DOCUMENT_TERM_KINDS, DOCUMENT_TERM_LABELS } from '@/lib/document-form';
import { CreateTermForm, TermRow } from './term-forms';

export const metadata: Metadata = { title: 'Danh mục văn bản' };

export default async function DocumentTermsPage() {
  const user = await requireUser('documents:terms', '/dashboard/van-ban/danh-muc');
  const lists = await listDocumentTermsForAdmin(user);
  return (
    <>
      <h1>Danh mục văn bản</h1>
      <p>
        <Link href="/dashboard/van-ban">← Văn bản</Link>. Chỉ xoá được mục chưa có văn bản nào dùng; đổi tên không làm đổi đường dẫn bộ lọc.
      </p>
      {DOCUMENT_TERM_KINDS.map((kind) => (
        <section key={kind} aria-labelledby={`dm-${kind}`}>
          <h2 id={`dm-${kind}`}>{DOCUMENT_TERM_LABELS[kind]}</h2>
          <CreateTermForm kind={kind} label={DOCUMENT_TERM_LABELS[kind]} />
          {lists[kind].length === 0 ? (
            <p>Chưa có mục nào.</p>
          ) : (
            <ol className="taxonomy-list">
              {lists[kind].map((item, i) => (
                <TermRow key={item.id} kind={kind} item={item} first={i === 0} last={i === lists[kind].length - 1} />
              ))}
            </ol>
          )}
        </section>
      ))}
    </>
  );
}
