import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getArticleForEdit, getRevision, listRevisions } from '@/db/queries/dashboard-articles';
import { STATUS_LABELS } from '@/lib/article-status';
import { requireUser } from '@/lib/auth/session';
import { formatPublishTime } from '@/lib/dates';
import { BIG_ID_MAX, parseId } from '@/lib/validation';
import { RevisionDiff as Diff } from '@/components/dashboard/revision-diff';
import { compareParagraphs, compareTexts, htmlToParagraphs } from '@/lib/revision-diff';
import { RestoreForm } from './restore-form';

export const metadata: Metadata = { title: 'Lịch sử phiên bản' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ xem?: string }> };

export default async function RevisionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser('articles:write-own', `/dashboard/articles/${id}/revisions`);
  const articleId = parseId(id);
  if (articleId === null) notFound();
  const [article, revisions] = await Promise.all([getArticleForEdit(user, articleId), listRevisions(user, articleId)]);
  if (!article || !revisions) notFound();
  const shown = (await searchParams).xem;
  const revisionId = parseId(shown, BIG_ID_MAX);
  const revision = revisionId === null ? null : await getRevision(user, articleId, revisionId);
  return (
    <>
      <h1>Lịch sử phiên bản</h1>
      <p>
        <Link href={`/dashboard/articles/${articleId}`}>‹ Về bài “{article.title}”</Link> · Phiên bản hiện tại: {article.version}
      </p>
      {revision ? (
        <section aria-labelledby="phien-ban" className="revision">
          <h2 id="phien-ban">
            Phiên bản {revision.version} — {formatPublishTime(revision.createdAt)}
            {revision.savedBy ? `, ${revision.savedBy}` : ''}
          </h2>
          {revision.version !== article.version ? (
            <RestoreForm articleId={articleId} revisionId={revision.id} version={article.version} />
          ) : null}
          <h3>Khác biệt so với bản hiện tại</h3>
          <p className="field__hint">
            <del>Gạch ngang</del>: có trong phiên bản này, không còn trong bản hiện tại; <ins>gạch dưới</ins>: có trong bản hiện tại.
          </p>
          <h4>Tiêu đề</h4>
          <Diff comparison={compareTexts(revision.title, article.title)} />
          <h4>Tóm tắt</h4>
          <Diff comparison={compareTexts(revision.lead, article.lead)} />
          <h4>Nội dung</h4>
          <Diff comparison={compareParagraphs(htmlToParagraphs(revision.bodyHtml), htmlToParagraphs(article.bodyHtml))} />
        </section>
      ) : null}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Phiên bản</th>
            <th scope="col">Thời gian</th>
            <th scope="col">Người lưu</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Tiêu đề</th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.id}>
              <td>
                <Link href={`/dashboard/articles/${articleId}/revisions?xem=${r.id}`}>Phiên bản {r.version}</Link>
              </td>
              <td>{formatPublishTime(r.createdAt)}</td>
              <td>{r.authorName ?? '—'}</td>
              <td>{STATUS_LABELS[r.status] ?? r.status}</td>
              <td>{r.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
