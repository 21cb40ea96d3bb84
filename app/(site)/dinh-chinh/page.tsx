import type { Metadata } from 'next';
import { correctionsMetadata, CorrectionsPage } from '@/components/site/corrections-page';

// Static, regenerated in the background; adding or editing a correction (and any article
// write) refreshes it at once (lib/cache-tags.ts `corrections`). `?trang=N` is rewritten to
// ./trang/N by next.config.mjs (lib/public-routing.mjs), so later pages stay static too.
export const revalidate = 300;

export async function generateMetadata(): Promise<Metadata> {
  return correctionsMetadata();
}

export default async function Page() {
  return <CorrectionsPage />;
}
