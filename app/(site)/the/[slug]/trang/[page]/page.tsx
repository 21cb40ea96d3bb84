import { archiveRoute } from '@/components/site/archives';

// Reached through proxy.ts, which rewrites /the/{slug}?trang=N here.
export const revalidate = 300;

export async function generateStaticParams() {
  return [];
}

const route = archiveRoute('tag');
export const generateMetadata = route.generateMetadata;
export default route.Page;
