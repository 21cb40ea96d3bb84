import { Archive, archiveMetadata } from '@/components/site/archives';

// Reached through proxy.ts, which rewrites /chuyen-muc/{slug}?trang=N here.
export const revalidate = 300;

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params;
  return archiveMetadata('section', slug, page);
}

export default async function Page({ params }: Props) {
  const { slug, page } = await params;
  return <Archive kind="section" slug={slug} page={page} />;
}
