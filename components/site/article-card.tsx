import Link from 'next/link';
import type { ArticleCard as Card } from '@/db/queries/articles';
import { formatPublishTime, toVietnamIso } from '@/lib/dates';

type Props = { article: Card; showLead?: boolean; headingLevel?: 2 | 3 };

/** One article in a list: title link, time, section and (optionally) the lead. */
export function ArticleCard({ article, showLead = true, headingLevel = 3 }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="card">
      <Heading className="card__title">
        <Link href={`/bai-viet/${article.slug}`}>{article.title}</Link>
      </Heading>
      <p className="card__meta">
        <time dateTime={toVietnamIso(article.publishedAt)}>{formatPublishTime(article.publishedAt)}</time>
        {article.sectionName ? <> · {article.sectionName}</> : null}
      </p>
      {showLead && article.lead ? <p className="card__lead">{article.lead}</p> : null}
    </article>
  );
}
