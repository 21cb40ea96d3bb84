import Link from 'next/link';
import { listSections } from '@/db/queries/sections';
import { site } from '@/lib/site';

export async function SiteHeader() {
  const sections = await listSections();
  return (
    <header className="site-header">
      <div className="container site-header__top">
        <Link href="/" className="site-header__brand">
          <span className="site-header__emblem" aria-hidden="true">
            ★
          </span>
          <span>{site.name}</span>
        </Link>
        <form action="/tim-kiem" method="get" role="search" className="site-header__search">
          <label htmlFor="site-search" className="visually-hidden">
            Tìm kiếm
          </label>
          <input id="site-search" name="q" type="search" placeholder="Tìm kiếm bài viết…" maxLength={200} />
          <button type="submit">Tìm</button>
        </form>
      </div>
      <nav aria-label="Chuyên mục" className="site-nav">
        <ul className="container">
          <li>
            <Link href="/">Trang chủ</Link>
          </li>
          {sections.map((s) => (
            <li key={s.id}>
              <Link href={`/chuyen-muc/${s.slug}`}>{s.name}</Link>
            </li>
          ))}
          <li>
            <Link href="/van-ban">Văn bản</Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}
