import { archiveRoute } from '@/components/site/archives';

// Reached from /chuyen-muc/{slug}?trang=N through next.config.mjs's rewrite (lib/public-routing.mjs).
export const revalidate = 300;

export async function generateStaticParams() {
  return [];
}

const route = archiveRoute('section');
export const generateMetadata = route.generateMetadata;
export default route.Page;
