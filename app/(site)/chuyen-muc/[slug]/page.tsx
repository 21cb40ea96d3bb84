import { archiveRoute } from '@/components/site/archives';

// Static, regenerated in the background; publish actions refresh it at once.
// Later pages (?trang=N) are rewritten by proxy.ts to ./trang/N so they stay static too.
export const revalidate = 300;

export async function generateStaticParams() {
  return [];
}

const route = archiveRoute('section');
export const generateMetadata = route.generateMetadata;
export default route.Page;
