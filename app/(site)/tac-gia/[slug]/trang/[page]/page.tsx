import { archiveRoute } from '@/components/site/archives';

// Reached from /tac-gia/{slug}?trang=N through next.config.mjs's rewrite (lib/public-routing.mjs).
export const revalidate = 300;

export async function generateStaticParams() {
  return [];
}

const route = archiveRoute('author');
export const generateMetadata = route.generateMetadata;
export default route.Page;
