import type { Metadata } from 'next';
import Link from 'next/link';
import { listDocumentTermOptions } from '@/db/queries/dashboard-documents';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { MAX_FILES_PER_DOCUMENT } from '@/lib/documents';
import { env } from '@/lib/env';
import { DocumentForm } from '../document-form';

export const metadata: Metadata = { title: 'Thêm văn bản' };

export default async function NewDocumentPage() {
  const user = await requireUser('documents:write-own', '/dashboard/van-ban/new');
  const terms = await listDocumentTermOptions(user);
  return (
    <>
      <h1>Thêm văn bản</h1>
      {terms.issuer.length === 0 ? (
        <p className="notice" role="status">
          Danh mục cơ quan ban hành đang trống.{' '}
          {can(user.role, 'documents:terms') ? <Link href="/dashboard/van-ban/danh-muc">Thêm cơ quan ban hành</Link> : 'Vui lòng nhờ biên tập viên thêm cơ quan ban hành.'}
        </p>
      ) : null}
      <DocumentForm
        initial={{
          id: null,
          version: null,
          status: 'new',
          number: '',
          typeId: '',
          issuerId: '',
          signer: '',
          issuedOn: '',
          effectiveOn: '',
          expiresOn: '',
          fieldId: '',
          abstract: '',
        }}
        files={[]}
        terms={terms}
        canPublish={can(user.role, 'documents:publish')}
        replaces={null}
        maxBytes={env().DOCUMENT_MAX_BYTES}
        maxFiles={MAX_FILES_PER_DOCUMENT}
        justSaved={false}
      />
    </>
  );
}
