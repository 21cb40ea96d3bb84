import { archiveRoute } from '@/components/site/archives';

// Static, regenerated in the background; publish actions refresh it at once.
// Later pages (?trang=N) are rewritten to ./trang/N by next.config.mjs (lib/public-routing.mjs) so they stay static too.
export const revalidate = 300;

export async function generateStaticParams() {
  return [];
}

const route = archiveRoute('section');
export const generateMetadata = route.generateMetadata;
export default route.Page;
