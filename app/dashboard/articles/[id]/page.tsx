import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getArticleForEdit, listAuthorOptions, listMediaOptions, listSectionOptions } from '@/db/queries/dashboard-articles';
import { STATUS_LABELS } from '@/lib/article-status';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { formatPublishTime, toVietnamLocalInput } from '@/lib/dates';
import { parseId } from '@/lib/validation';
import { ArticleForm } from '../article-form';
import { CorrectionsSection } from './corrections-section';

export const metadata: Metadata = { title: 'Sửa bài viết' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ 'da-luu'?: string }> };

const SAVED: Record<string, string> = {
  draft: 'Đã lưu bản nháp.',
  review: 'Đã gửi duyệt.',
  scheduled: 'Đã hẹn giờ xuất bản.',
  published: 'Đã lưu; bài đang hiển thị với bạn đọc.',
  unpublished: 'Đã gỡ bài.',
};

export default async function EditArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser('articles:write-own', `/dashboard/articles/${id}`);
  const articleId = parseId(id);
  if (articleId === null) notFound();
  const article = await getArticleForEdit(user, articleId);
  if (!article) notFound();
  const [sections, authors, media] = await Promise.all([listSectionOptions(user), listAuthorOptions(user), listMediaOptions(user)]);
  const saved = (await searchParams)['da-luu'];
  const editable = can(user.role, 'articles:write-any') || article.status === 'draft' || article.status === 'review';
  return (
    <>
      <h1>Sửa bài viết</h1>
      {saved && SAVED[saved] ? (
        <p className="form-message form-message--ok" role="status">
          {SAVED[saved]}
        </p>
      ) : null}
      <p>
        Trạng thái: <strong>{STATUS_LABELS[article.status]}</strong>
        {article.publishedAt ? ` · Xuất bản: ${formatPublishTime(article.publishedAt)}` : ''} · Phiên bản {article.version} · Cập nhật{' '}
        {formatPublishTime(article.updatedAt)} · <Link href={`/dashboard/articles/${article.id}/revisions`}>Lịch sử phiên bản</Link> ·{' '}
        <a href={`/api/preview?id=${article.id}`} target="_blank" rel="noopener">
          Xem trước
        </a>
        {article.status === 'published' ? (
          <>
            {' · '}
            <Link href={`/bai-viet/${article.slug}`}>Xem trên trang</Link>
          </>
        ) : null}
      </p>
      {editable ? (
        <ArticleForm
          initial={{
            id: article.id,
            version: article.version,
            title: article.title,
            slug: article.slug,
            lead: article.lead,
            bodyHtml: article.bodyHtml,
            sectionId: article.sectionId ? String(article.sectionId) : '',
            tags: article.tagNames.join(', '),
            documents: article.documents,
            authorName: article.authorName,
            publishedAt: article.publishedAt ? toVietnamLocalInput(article.publishedAt) : '',
            coverMediaId: article.coverMediaId ? String(article.coverMediaId) : '',
            coverAlt: article.coverAlt,
            status: article.status,
          }}
          sections={sections}
          authors={authors}
          media={media}
          canPublish={can(user.role, 'articles:publish')}
        />
      ) : (
        <p role="status">Bài đã rời khỏi bản nháp; chỉ biên tập viên mới sửa được.</p>
      )}
      {can(user.role, 'articles:correct') ? <CorrectionsSection user={user} article={article} /> : null}
    </>
  );
}
