import { archiveRoute } from '@/components/site/archives';

// Reached through proxy.ts, which rewrites /tac-gia/{slug}?trang=N here.
export const revalidate = 300;

export async function generateStaticParams() {
  return [];
}

const route = archiveRoute('author');
export const generateMetadata = route.generateMetadata;
export default route.Page;
