import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/pagination';
import { ARTICLE_STATUSES, listDashboardArticles, listAuthorOptions, listSectionOptions, type ArticleStatus } from '@/db/queries/dashboard-articles';
import { STATUS_LABELS } from '@/lib/article-status';
import { requireUser } from '@/lib/auth/session';
import { formatPublishTime } from '@/lib/dates';
import { pageParam } from '@/lib/validation';

export const metadata: Metadata = { title: 'Bài viết' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');
const idParam = (v: string) => (/^\d{1,9}$/.test(v) ? Number(v) : null);

export default async function ArticlesPage({ searchParams }: Props) {
  const user = await requireUser('articles:write-own', '/dashboard/articles');
  const params = await searchParams;
  const status = (ARTICLE_STATUSES as readonly string[]).includes(one(params.trang_thai)) ? (one(params.trang_thai) as ArticleStatus) : null;
  const filter = {
    status,
    sectionId: idParam(one(params.chuyen_muc)),
    authorId: idParam(one(params.tac_gia)),
    q: one(params.q).normalize('NFC').trim().slice(0, 200),
  };
  const page = pageParam.parse(one(params.trang) || 1);
  const [{ rows, total, pages }, sections, authors] = await Promise.all([
    listDashboardArticles(user, filter, page),
    listSectionOptions(user),
    listAuthorOptions(user),
  ]);
  const query = (p: number) =>
    `/dashboard/articles?${new URLSearchParams({
      ...(filter.status ? { trang_thai: filter.status } : {}),
      ...(filter.sectionId ? { chuyen_muc: String(filter.sectionId) } : {}),
      ...(filter.authorId ? { tac_gia: String(filter.authorId) } : {}),
      ...(filter.q ? { q: filter.q } : {}),
      trang: String(p),
    })}`;
  return (
    <>
      <div className="page-head">
        <h1>Bài viết</h1>
        <Link href="/dashboard/articles/new" className="button">
          Viết bài mới
        </Link>
      </div>
      <form method="get" className="filters" role="search">
        <label htmlFor="loc-q">Tìm theo tiêu đề</label>
        <input id="loc-q" name="q" type="search" defaultValue={filter.q} maxLength={200} />
        <label htmlFor="loc-trang-thai">Trạng thái</label>
        <select id="loc-trang-thai" name="trang_thai" defaultValue={filter.status ?? ''}>
          <option value="">Tất cả</option>
          {ARTICLE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <label htmlFor="loc-chuyen-muc">Chuyên mục</label>
        <select id="loc-chuyen-muc" name="chuyen_muc" defaultValue={filter.sectionId ?? ''}>
          <option value="">Tất cả</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <label htmlFor="loc-tac-gia">Tác giả</label>
        <select id="loc-tac-gia" name="tac_gia" defaultValue={filter.authorId ?? ''}>
          <option value="">Tất cả</option>
          {authors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button--small">
          Lọc
        </button>
      </form>
      <p>{total.toLocaleString('vi-VN')} bài viết</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Tiêu đề</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Chuyên mục</th>
            <th scope="col">Tác giả</th>
            <th scope="col">Cập nhật</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id}>
              <td>
                <Link href={`/dashboard/articles/${a.id}`}>{a.title}</Link>
              </td>
              <td>
                {STATUS_LABELS[a.status]}
                {a.status === 'scheduled' && a.publishedAt ? ` (${formatPublishTime(a.publishedAt)})` : ''}
              </td>
              <td>{a.sectionName ?? '—'}</td>
              <td>{a.authorName ?? a.ownerName ?? '—'}</td>
              <td>{formatPublishTime(a.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={page} pages={pages} href={query} />
    </>
  );
}
