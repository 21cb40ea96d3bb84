import Link from 'next/link';
import type { ArticleCard } from '@/db/queries/articles';
import { formatDate, toVietnamIso } from '@/lib/dates';

/** A titled list of article links with their dates, e.g. "Các bài mới đăng". */
export function ArticleList({ title, articles }: { title: string; articles: ArticleCard[] }) {
  const id = `ds-${title.length}-${articles[0]?.id ?? 0}`;
  return (
    <section aria-labelledby={id} className="article-list">
      <h2 id={id} className="block-title">
        {title}
      </h2>
      <ul>
        {articles.map((a) => (
          <li key={a.id}>
            <Link href={`/bai-viet/${a.slug}`}>{a.title}</Link>{' '}
            <time dateTime={toVietnamIso(a.publishedAt)} className="article-list__date">
              ({formatDate(a.publishedAt)})
            </time>
          </li>
        ))}
      </ul>
    </section>
  );
}
