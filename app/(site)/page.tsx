import Link from 'next/link';
import { ArticleCard } from '@/components/site/article-card';
import { listLatestArticles, listMostRead, listSectionArticles } from '@/db/queries/articles';
import { listSections } from '@/db/queries/sections';
import { site } from '@/lib/site';

// Statically regenerated: served from the cache, refreshed in the background at most once a
// minute, and at once by the newsroom's publish actions.
export const revalidate = 60;

export default async function HomePage() {
  const [latest, mostRead, sections] = await Promise.all([listLatestArticles(7), listMostRead(7, 5), listSections()]);
  const blocks = await Promise.all(sections.map(async (s) => ({ section: s, articles: await listSectionArticles(s.id, 4) })));
  const [lead, ...rest] = latest;

  return (
    <>
      <h1 className="visually-hidden">{site.name}</h1>
      <div className="home-grid">
        <section aria-labelledby="tin-moi" className="home-latest">
          <h2 id="tin-moi" className="block-title">
            Tin mới nhất
          </h2>
          {lead ? (
            <div className="home-lead">
              <ArticleCard article={lead} headingLevel={3} />
            </div>
          ) : (
            <p>Chưa có bài viết nào được xuất bản.</p>
          )}
          <div className="card-list">
            {rest.map((a) => (
              <ArticleCard key={a.id} article={a} showLead={false} />
            ))}
          </div>
        </section>
        <aside aria-labelledby="doc-nhieu" className="home-most-read">
          <h2 id="doc-nhieu" className="block-title">
            Đọc nhiều
          </h2>
          <ol className="most-read">
            {mostRead.map((a) => (
              <li key={a.id}>
                <Link href={`/bai-viet/${a.slug}`}>{a.title}</Link>
              </li>
            ))}
          </ol>
        </aside>
      </div>
      {blocks
        .filter((b) => b.articles.length > 0)
        .map(({ section, articles }) => (
          <section key={section.id} aria-labelledby={`cm-${section.slug}`} className="section-block">
            <h2 id={`cm-${section.slug}`} className="block-title">
              <Link href={`/chuyen-muc/${section.slug}`}>{section.name}</Link>
            </h2>
            <div className="card-grid">
              {articles.map((a) => (
                <ArticleCard key={a.id} article={a} />
              ))}
            </div>
          </section>
        ))}
    </>
  );
}
