import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArchiveView, pageHref } from '@/components/site/archive-view';
import { listArticlePage, type ArchiveKind } from '@/db/queries/articles';
import { getSectionBySlug } from '@/db/queries/sections';
import { getAuthorBySlug, getTagBySlug } from '@/db/queries/taxonomy';
import { pageParam, slugParam } from '@/lib/validation';


const KIND = {
  section: { label: 'Chuyên mục', path: '/chuyen-muc' },
  tag: { label: 'Thẻ', path: '/the' },
  author: { label: 'Tác giả', path: '/tac-gia' },
} as const;

/** The archive's subject and its page of articles, or a 404 for an unknown slug or page. */
async function loadArchive(kind: ArchiveKind, rawSlug: string, rawPage: string | undefined) {
  const slug = slugParam.safeParse(rawSlug);
  if (!slug.success) notFound();
  const page = rawPage === undefined ? 1 : pageParam.parse(rawPage);
  if (rawPage !== undefined && String(page) !== rawPage) notFound();
  const subject =
    kind === 'section'
      ? await getSectionBySlug(slug.data)
      : kind === 'tag'
        ? await getTagBySlug(slug.data)
        : await getAuthorBySlug(slug.data);
  if (!subject) notFound();
  // Primitives only: generateMetadata and the page each call this, and React's cache() shares
  // the query between them only for equal arguments (an object literal is a new key each time).
  const result = await listArticlePage(kind, subject.id, page);
  if (page > result.pages) notFound();
  const description: string | undefined =
    'description' in subject ? String(subject.description) : 'bio' in subject ? String(subject.bio) : undefined;
  return { subject, description, result, basePath: `${KIND[kind].path}/${subject.slug}` };
}

export async function archiveMetadata(kind: ArchiveKind, rawSlug: string, rawPage?: string): Promise<Metadata> {
  const { subject, description, result, basePath } = await loadArchive(kind, rawSlug, rawPage);
  const suffix = result.page > 1 ? ` - Trang ${result.page}` : '';
  return {
    title: `${subject.name}${suffix}`,
    description: description || `${KIND[kind].label} ${subject.name}`,
    alternates: {
      canonical: pageHref(basePath, result.page),
      types: kind === 'section' ? { 'application/rss+xml': `${basePath}/rss.xml` } : undefined,
    },
  };
}

export async function Archive({ kind, slug, page }: { kind: ArchiveKind; slug: string; page?: string }) {
  const { subject, description, result, basePath } = await loadArchive(kind, slug, page);
  return (
    <ArchiveView
      kind={KIND[kind].label}
      title={subject.name}
      description={description}
      basePath={basePath}
      result={result}
      feed={kind === 'section' ? `${basePath}/rss.xml` : undefined}
    />
  );
}

type RouteProps = { params: Promise<{ slug: string; page?: string }> };

/**
 * The page and metadata functions of a section, tag or author route (first page and
 * `/trang/N`), so the six route files only declare their segment settings.
 */
export function archiveRoute(kind: ArchiveKind) {
  return {
    async generateMetadata({ params }: RouteProps): Promise<Metadata> {
      const { slug, page } = await params;
      return archiveMetadata(kind, slug, page);
    },
    async Page({ params }: RouteProps) {
      const { slug, page } = await params;
      return <Archive kind={kind} slug={slug} page={page} />;
    },
  };
}
