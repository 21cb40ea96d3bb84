import { archiveRoute } from '@/components/site/archives';

// Reached from /the/{slug}?trang=N: npm start maps it here before Next (proxy.ts under next dev).
export const revalidate = 300;

export async function generateStaticParams() {
  return [];
}

const route = archiveRoute('tag');
export const generateMetadata = route.generateMetadata;
export default route.Page;
