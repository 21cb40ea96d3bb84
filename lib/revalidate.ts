import 'server-only';
import { revalidatePath } from 'next/cache';

export type ArticlePaths = {
  slug: string;
  previousSlug?: string | null;
  sectionSlug?: string | null;
  tagSlugs?: string[];
  authorSlug?: string | null;
};

/**
 * Every public page an article appears on: its own page (and former slug), the home page,
 * its section (pages and feed), tags, author, the feeds and sitemaps. Called by each write
 * that changes what readers see, so the very next request renders fresh.
 */
export function revalidateArticle(paths: ArticlePaths): void {
  revalidatePath(`/bai-viet/${paths.slug}`);
  if (paths.previousSlug && paths.previousSlug !== paths.slug) revalidatePath(`/bai-viet/${paths.previousSlug}`);
  revalidatePath('/');
  if (paths.sectionSlug) {
    revalidatePath(`/chuyen-muc/${paths.sectionSlug}`);
    revalidatePath(`/chuyen-muc/${paths.sectionSlug}/rss.xml`);
  }
  for (const tag of paths.tagSlugs ?? []) revalidatePath(`/the/${tag}`);
  if (paths.authorSlug) revalidatePath(`/tac-gia/${paths.authorSlug}`);
  // Pages 2, 3, … of archives (`?trang=N`, served by `/…/trang/N`): every article after the
  // new one moves down a place. A route pattern takes no concrete slug, so this marks every
  // archive's later pages; they render again on their next request. The pattern is the app
  // path, route group included: Next tags each page with it.
  revalidatePath('/(site)/chuyen-muc/[slug]/trang/[page]', 'page');
  revalidatePath('/(site)/the/[slug]/trang/[page]', 'page');
  revalidatePath('/(site)/tac-gia/[slug]/trang/[page]', 'page');
  revalidatePath('/rss.xml');
  revalidatePath('/sitemap.xml');
  revalidatePath('/news-sitemap.xml');
}
