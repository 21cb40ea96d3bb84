import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/pagination';
import { Fragment } from 'react';
import { searchArticles, type SearchResult } from '@/db/queries/search';
import { formatPublishTime, toVietnamIso } from '@/lib/dates';
import { highlight, queryTerms, snippet, type Part } from '@/lib/highlight';
import { htmlToText } from '@/lib/sanitize';
import { pageParam } from '@/lib/validation';
import { normalizeText } from '@/lib/vietnamese';

export const metadata: Metadata = { title: 'Tìm kiếm', robots: { index: false, follow: true } };

const MAX_QUERY = 200;

type Props = { searchParams: Promise<{ q?: string | string[]; trang?: string | string[] }> };

function Marked({ parts }: { parts: Part[] }) {
  return parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>));
}

function searchHref(q: string, page: number) {
  const params = new URLSearchParams({ q });
  if (page > 1) params.set('trang', String(page));
  return `/tim-kiem?${params}`;
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const raw = typeof params.q === 'string' ? params.q : Array.isArray(params.q) ? (params.q[0] ?? '') : '';
  const q = normalizeText(raw.replace(/\0/g, ''));
  const page = pageParam.parse(typeof params.trang === 'string' ? params.trang : 1);

  let message: string | null = null;
  let result: SearchResult | null = null;
  if (!q) message = 'Nhập từ khóa để tìm bài viết, ví dụ: người khuyết tật.';
  else if (q.length > MAX_QUERY) message = `Từ khóa quá dài. Vui lòng nhập tối đa ${MAX_QUERY} ký tự.`;
  else {
    try {
      result = await searchArticles(q, page);
    } catch {
      message = 'Chức năng tìm kiếm tạm thời gián đoạn. Vui lòng thử lại sau ít phút.';
    }
  }
  const terms = queryTerms(q);

  return (
    <>
      <h1>Tìm kiếm</h1>
      <form action="/tim-kiem" method="get" role="search" className="search-form">
        <label htmlFor="q">Từ khóa</label>
        <input id="q" name="q" type="search" defaultValue={q.slice(0, MAX_QUERY * 2)} maxLength={MAX_QUERY} />
        <button type="submit">Tìm kiếm</button>
      </form>
      {message ? (
        <p role="status" className="search-message">
          {message}
        </p>
      ) : null}
      {result ? (
        <>
          <p role="status" className="search-message">
            {result.total === 0
              ? `Không tìm thấy bài viết nào cho “${q}”. Hãy thử từ khóa khác hoặc ít từ hơn.`
              : result.more
                ? `Tìm thấy hơn ${result.total.toLocaleString('vi-VN')} bài viết cho “${q}”: đây là ${result.total.toLocaleString('vi-VN')} bài mới nhất, xếp theo mức độ phù hợp. Thêm từ khóa để thu hẹp kết quả.`
                : `Tìm thấy ${result.total.toLocaleString('vi-VN')} bài viết cho “${q}”.`}
          </p>
          <ol className="search-results" start={(result.page - 1) * 10 + 1}>
            {result.hits.map((hit) => {
              const body = htmlToText(hit.bodyText);
              const text = hit.lead || body;
              const leadHasMatch = highlight(text, terms).some((p) => p.match);
              return (
                <li key={hit.id} className="search-hit">
                  <h2 className="card__title">
                    <Link href={`/bai-viet/${hit.slug}`}>
                      <Marked parts={highlight(hit.title, terms)} />
                    </Link>
                  </h2>
                  <p className="card__meta">
                    <time dateTime={toVietnamIso(hit.publishedAt)}>{formatPublishTime(hit.publishedAt)}</time>
                    {hit.sectionName ? <> · {hit.sectionName}</> : null}
                  </p>
                  <p className="search-hit__snippet">
                    <Marked parts={highlight(snippet(leadHasMatch ? text : body, terms), terms)} />
                  </p>
                </li>
              );
            })}
          </ol>
          <Pagination page={result.page} pages={result.pages} href={(p) => searchHref(q, p)} />
        </>
      ) : null}
    </>
  );
}
