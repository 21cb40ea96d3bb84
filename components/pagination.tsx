import Link from 'next/link';

type Props = { page: number; pages: number; href: (page: number) => string };

/** "‹ Trang trước · Trang N/M · Trang sau ›", with rel=prev/next; nothing for a single page. */
export function Pagination({ page, pages, href }: Props) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Phân trang" className="pagination">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ‹ Trang trước
        </Link>
      ) : null}
      <span aria-current="page">
        Trang {page}/{pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next">
          Trang sau ›
        </Link>
      ) : null}
    </nav>
  );
}
