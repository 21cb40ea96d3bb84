import type { Metadata } from 'next';
import { DocumentRegistry } from '@/components/site/document-registry';

// The plain registry (no query) is static, like the archives: one render per revalidation, however
// many readers. Every publish, unpublish or edit of a document refreshes it at once
// (CacheTag.documents). A request with a filter, a search or a page number is rewritten to the
// dynamic ./tra-cuu/ket-qua by next.config.mjs (lib/public-routing.mjs documentRegistryRewrites).
export const revalidate = 300;

export const metadata: Metadata = {
  title: 'Văn bản',
  description: 'Tra cứu văn bản: số/ký hiệu, loại văn bản, cơ quan ban hành, lĩnh vực, năm ban hành; tải về toàn văn.',
  alternates: { canonical: '/van-ban', types: { 'application/rss+xml': '/van-ban/rss.xml' } },
};

export default function DocumentsPage() {
  return <DocumentRegistry raw={{}} />;
}
