import { archiveRoute } from '@/components/site/archives';

// Reached from /the/{slug}?trang=N through next.config.mjs's rewrite (lib/public-routing.mjs).
export const revalidate = 300;

export async function generateStaticParams() {
  return [];
}

const route = archiveRoute('tag');
export const generateMetadata = route.generateMetadata;
export default route.Page;
