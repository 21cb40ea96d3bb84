import { Pagination } from '@/components/pagination';
import { ArticleCard } from '@/components/site/article-card';
import type { ArticlePage } from '@/db/queries/articles';

type Props = {
  /** e.g. "Chuyên mục", "Thẻ", "Tác giả" */
  kind: string;
  title: string;
  description?: string;
  basePath: string;
  result: ArticlePage;
  feed?: string;
};

export function pageHref(basePath: string, page: number): string {
  return page <= 1 ? basePath : `${basePath}?trang=${page}`;
}

/** A section, tag or author page: heading, the page's articles, and paging with rel=prev/next. */
export function ArchiveView({ kind, title, description, basePath, result, feed }: Props) {
  const { items, page, pages, total } = result;
  return (
    <>
      {page > 1 ? <link rel="prev" href={pageHref(basePath, page - 1)} /> : null}
      {page < pages ? <link rel="next" href={pageHref(basePath, page + 1)} /> : null}
      <header className="archive__header">
        <p className="archive__kind">{kind}</p>
        <h1>{title}</h1>
        {description ? <p className="archive__description">{description}</p> : null}
        <p className="archive__count">
          {total.toLocaleString('vi-VN')} bài viết{pages > 1 ? ` · Trang ${page}/${pages}` : ''}
          {feed ? (
            <>
              {' · '}
              <a href={feed}>RSS</a>
            </>
          ) : null}
        </p>
      </header>
      {items.length === 0 ? <p>Chưa có bài viết nào.</p> : null}
      <div className="card-list">
        {items.map((a) => (
          <ArticleCard key={a.id} article={a} headingLevel={2} />
        ))}
      </div>
      <Pagination page={page} pages={pages} href={(p) => pageHref(basePath, p)} />
    </>
  );
}
