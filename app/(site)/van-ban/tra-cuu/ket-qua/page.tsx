import type { Metadata } from 'next';
import { DocumentRegistry } from '@/components/site/document-registry';
import type { RawSearchParams } from '@/lib/document-registry';

// `/van-ban?…` with a filter, a search (`q`) or a page (`trang`), rewritten here by next.config.mjs
// (lib/public-routing.mjs): rendered per request, since the combinations are endless and each is
// a few indexed queries (a count capped at DOCUMENT_COUNT_CAP, one page, its files, the filter
// options). Its address to readers stays `/van-ban?…`.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Tra cứu văn bản',
  alternates: { canonical: '/van-ban' },
  robots: { index: false, follow: true },
};

export default async function DocumentSearchPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  return <DocumentRegistry raw={await searchParams} />;
}
