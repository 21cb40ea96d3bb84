import type { Metadata } from 'next';
import Link from 'next/link';
import { draftMode } from 'next/headers';
import { notFound } from 'next/navigation';
import { postComment } from '@/app/(site)/bai-viet/actions';
import { CommentForm } from '@/components/comments/comment-form';
import { CommentList } from '@/components/comments/comment-list';
import { ArticleCorrections } from '@/components/site/article-corrections';
import { ArticleList } from '@/components/site/article-list';
import { TextSizeControl } from '@/components/site/text-size-control';
import { ViewBeacon } from '@/components/site/view-beacon';
import { getArticlePreview, getPublishedArticleBySlug, listCitedDocuments, listRecentSlugs, listSectionNeighbours } from '@/db/queries/articles';
import { listApprovedComments } from '@/db/queries/comments';
import { listArticleCorrections } from '@/db/queries/corrections';
import { getCurrentPolicyVersion } from '@/db/queries/privacy-policy';
import { getCurrentUser } from '@/lib/auth/session';
import { lastModified } from '@/lib/corrections';
import { formatPublishTime, toVietnamIso } from '@/lib/dates';
import { documentPath, formatCalendarDate } from '@/lib/documents';
import { htmlToText, sanitizeArticleHtml } from '@/lib/sanitize';
import { site, siteUrl } from '@/lib/site';
import { slugParam } from '@/lib/validation';
import { jsonLdScript } from '@/lib/xml-text';

// Regenerated statically: the newsroom's actions refresh a page at once; this interval only
// bounds how stale the view count may be.
export const revalidate = 120;
export const dynamicParams = true;

type Props = { params: Promise<{ slug: string }> };

export async function generateStaticParams() {
  // The most recent only: the build must not grow with the archive; the rest render on first request.
  return (await listRecentSlugs(50)).map((slug) => ({ slug }));
}

async function load(rawSlug: string) {
  const slug = slugParam.safeParse(rawSlug);
  if (!slug.success) notFound();
  // Preview: only with the draft-mode cookie (the page is then rendered per request, never
  // cached), and only for a signed-in member of the newsroom allowed to see that article.
  if ((await draftMode()).isEnabled) {
    const user = await getCurrentUser();
    const preview = user ? await getArticlePreview(user, slug.data) : null;
    if (preview) return { ...preview, preview: true };
  }
  const article = await getPublishedArticleBySlug(slug.data);
  if (article) return { ...article, preview: false };
  // A former slug never gets here under npm start: it answers 301 in front of Next
  // (lib/public-routing.mjs).
  notFound();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await load((await params).slug);
  const url = `/bai-viet/${article.slug}`;
  const description = article.lead || htmlToText(article.bodyHtml).slice(0, 200);
  const image = article.cover ? `/media/${article.cover.storageKey}` : undefined;
  const corrections = await listArticleCorrections(article.id);
  return {
    title: article.title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: 'article',
      url,
      title: article.title,
      description,
      siteName: site.name,
      locale: site.locale,
      publishedTime: toVietnamIso(article.publishedAt),
      modifiedTime: toVietnamIso(lastModified(article.updatedAt, corrections)),
      section: article.sectionName ?? undefined,
      authors: article.authorName ? [article.authorName] : undefined,
      tags: article.tags.map((t) => t.name),
      images: image ? [{ url: image, alt: article.coverAlt }] : undefined,
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const article = await load((await params).slug);
  const [newer, older, comments, cited, policyVersion, corrections] = await Promise.all([
    listSectionNeighbours(article.id, article.sectionId, article.publishedAt.toISOString(), 'newer', 5),
    listSectionNeighbours(article.id, article.sectionId, article.publishedAt.toISOString(), 'older', 8),
    listApprovedComments(article.id),
    listCitedDocuments(article.id),
    // A new policy version reaches cached pages by this page's revalidate; the comment write
    // accepts the version before it meanwhile (lib/privacy-policy.ts SUPERSEDED_GRACE_HOURS).
    getCurrentPolicyVersion(),
    listArticleCorrections(article.id),
  ]);
  const base = siteUrl();
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.lead,
    datePublished: toVietnamIso(article.publishedAt),
    // The page changed when it was last saved or last corrected, whichever is later.
    dateModified: toVietnamIso(lastModified(article.updatedAt, corrections)),
    mainEntityOfPage: { '@type': 'WebPage', '@id': `${base}/bai-viet/${article.slug}` },
    url: `${base}/bai-viet/${article.slug}`,
    inLanguage: 'vi-VN',
    articleSection: article.sectionName ?? undefined,
    keywords: article.tags.map((t) => t.name).join(', ') || undefined,
    author: article.authorName
      ? { '@type': 'Person', name: article.authorName, url: article.authorSlug ? `${base}/tac-gia/${article.authorSlug}` : undefined }
      : { '@type': 'Organization', name: site.publisher },
    publisher: { '@type': 'Organization', name: site.publisher, url: base },
    image: article.cover ? [`${base}/media/${article.cover.storageKey}`] : undefined,
    citation: cited.length
      ? cited.map((d) => ({ '@type': 'Legislation', name: `${d.number} — ${d.abstract}`, legislationIdentifier: d.number, url: `${base}${documentPath(d.slug)}` }))
      : undefined,
    correction: corrections.length
      ? corrections.map((c) => ({
          '@type': 'CorrectionComment',
          text: c.body,
          datePublished: toVietnamIso(c.createdAt),
          dateModified: c.updatedAt > c.createdAt ? toVietnamIso(c.updatedAt) : undefined,
        }))
      : undefined,
  };

  return (
    <>
      {article.preview ? (
        <p className="notice no-print" role="status">
          Bản xem trước — chỉ bạn thấy trang này. <a href="/api/preview/exit">Thoát xem trước</a>
        </p>
      ) : null}
      <article className="article" aria-labelledby="tieu-de">
        <script
          type="application/ld+json"
          // JSON-LD must be raw JSON: jsonLdScript escapes `<`, `>` and `&` so no text can close the
          // script element or open a comment, and drops characters no document may hold.
          dangerouslySetInnerHTML={{ __html: jsonLdScript(jsonLd) }}
        />
        <nav aria-label="Vị trí" className="breadcrumb no-print">
          <Link href="/">Trang chủ</Link>
          {article.sectionSlug ? (
            <>
              {' › '}
              <Link href={`/chuyen-muc/${article.sectionSlug}`}>{article.sectionName}</Link>
            </>
          ) : null}
        </nav>
        {article.sectionName ? <p className="article__section">{article.sectionName}</p> : null}
        <h1 id="tieu-de" className="article__title">
          {article.title}
        </h1>
        <div className="article__meta">
          <time dateTime={toVietnamIso(article.publishedAt)}>{formatPublishTime(article.publishedAt)}</time>
          <span className="article__views">
            Lượt xem: <span data-testid="view-count">{article.viewCount.toLocaleString('vi-VN')}</span>
          </span>
          <TextSizeControl />
        </div>
        <ArticleCorrections corrections={corrections} />
        {article.lead ? <p className="article__lead">{article.lead}</p> : null}
        {article.cover ? (
          <figure className="article__cover">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img
              src={`/media/${article.cover.storageKey}`}
              srcSet={article.cover.variants.map((v) => `/media/${v.key} ${v.width}w`).join(', ') || undefined}
              sizes="(min-width: 72rem) 72ch, 100vw"
              width={article.cover.width}
              height={article.cover.height}
              alt={article.coverAlt}
            />
          </figure>
        ) : null}
        <div className="article__body" dangerouslySetInnerHTML={{ __html: sanitizeArticleHtml(article.bodyHtml) }} />
        {article.authorName ? (
          <p className="article__byline">
            {article.authorSlug ? <Link href={`/tac-gia/${article.authorSlug}`}>{article.authorName}</Link> : article.authorName}
          </p>
        ) : null}
        {article.tags.length > 0 ? (
          <ul className="article__tags" aria-label="Thẻ">
            {article.tags.map((t) => (
              <li key={t.slug}>
                <Link href={`/the/${t.slug}`}>{t.name}</Link>
              </li>
            ))}
          </ul>
        ) : null}
        {cited.length > 0 ? (
          <section className="article__documents" aria-labelledby="van-ban-lien-quan">
            <h2 id="van-ban-lien-quan">Văn bản liên quan</h2>
            <ul>
              {cited.map((d) => (
                <li key={d.slug}>
                  <Link href={documentPath(d.slug)} className="article__document-number">
                    {d.typeName} số {d.number}
                  </Link>{' '}
                  <span className="article__document-date">
                    ngày <time dateTime={d.issuedOn}>{formatCalendarDate(d.issuedOn)}</time>
                  </span>
                  <p className="article__document-abstract">{d.abstract}</p>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <ViewBeacon articleId={article.id} />
      </article>
      <div className="related no-print">
        {newer.length > 0 ? <ArticleList title="Các bài mới đăng" articles={newer} /> : null}
        {older.length > 0 ? <ArticleList title="Các bài đã đăng" articles={older} /> : null}
      </div>
      <section id="binh-luan" aria-labelledby="binh-luan-tieu-de" className="comments no-print">
        <h2 id="binh-luan-tieu-de" className="block-title">
          Bình luận ({comments.length.toLocaleString('vi-VN')})
        </h2>
        <CommentList comments={comments} />
        <CommentForm action={postComment.bind(null, article.id)} policyVersion={policyVersion} />
      </section>
    </>
  );
}
