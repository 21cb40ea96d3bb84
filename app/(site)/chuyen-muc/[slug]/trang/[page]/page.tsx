import { archiveRoute } from '@/components/site/archives';

// Reached through proxy.ts, which rewrites /chuyen-muc/{slug}?trang=N here.
export const revalidate = 300;

export async function generateStaticParams() {
  return [];
}

const route = archiveRoute('section');
export const generateMetadata = route.generateMetadata;
export default route.Page;
