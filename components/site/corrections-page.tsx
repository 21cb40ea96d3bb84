import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { pageHref } from '@/components/site/archive-view';
import { Pagination } from '@/components/pagination';
import { listCorrectionsPage } from '@/db/queries/corrections';
import { CorrectionTime } from '@/components/site/article-corrections';
import { pageParam } from '@/lib/validation';

export const CORRECTIONS_PATH = '/dinh-chinh';

/**
 * The page of `/dinh-chinh` asked for: the first page, or page N of the static route
 * `/dinh-chinh/trang/N` (reached by `?trang=N`; any other `trang` is the first page). A page
 * past the end, or N written otherwise (`/trang/02`), is a 404.
 */
async function load(rawPage: string | undefined) {
  const page = rawPage === undefined ? 1 : pageParam.parse(rawPage);
  if (rawPage !== undefined && String(page) !== rawPage) notFound();
  const result = await listCorrectionsPage(page);
  if (page > result.pages) notFound();
  return result;
}

export async function correctionsMetadata(rawPage?: string): Promise<Metadata> {
  const { page } = await load(rawPage);
  return {
    title: page > 1 ? `Đính chính - Trang ${page}` : 'Đính chính',
    description: 'Các đính chính của ban biên tập đối với bài đã đăng, mới nhất trước.',
    alternates: { canonical: pageHref(CORRECTIONS_PATH, page) },
  };
}

/** `/dinh-chinh`: every correction of a published article, newest first, 20 a page. */
export async function CorrectionsPage({ page: rawPage }: { page?: string }) {
  const { items, page, pages, total } = await load(rawPage);
  return (
    <>
      {page > 1 ? <link rel="prev" href={pageHref(CORRECTIONS_PATH, page - 1)} /> : null}
      {page < pages ? <link rel="next" href={pageHref(CORRECTIONS_PATH, page + 1)} /> : null}
      <header className="archive__header">
        <h1>Đính chính</h1>
        <p className="archive__description">
          Ban biên tập đính chính thông tin chưa chính xác trong các bài đã đăng. Mỗi đính chính cũng được hiển thị ở đầu bài
          liên quan.
        </p>
        <p className="archive__count">
          {total.toLocaleString('vi-VN')} đính chính{pages > 1 ? ` · Trang ${page}/${pages}` : ''}
        </p>
      </header>
      {items.length === 0 ? <p>Chưa có đính chính nào.</p> : null}
      <ol className="corrections-list">
        {items.map((c) => (
          <li key={c.id}>
            <p className="corrections-list__time">
              <CorrectionTime correction={c} />
            </p>
            <h2 className="corrections-list__title">
              <Link href={`/bai-viet/${c.articleSlug}`}>{c.articleTitle}</Link>
            </h2>
            <p className="corrections-list__text">{c.body}</p>
          </li>
        ))}
      </ol>
      <Pagination page={page} pages={pages} href={(p) => pageHref(CORRECTIONS_PATH, p)} />
    </>
  );
}
