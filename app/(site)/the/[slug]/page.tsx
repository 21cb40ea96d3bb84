import { Archive, archiveMetadata } from '@/components/site/archives';

// Static, regenerated in the background; publish actions refresh it at once.
// Later pages (?trang=N) are rewritten by proxy.ts to ./trang/N so they stay static too.
export const revalidate = 300;

type Props = { params: Promise<{ slug: string }> };

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props) {
  return archiveMetadata('tag', (await params).slug);
}

export default async function Page({ params }: Props) {
  return <Archive kind="tag" slug={(await params).slug} />;
}
