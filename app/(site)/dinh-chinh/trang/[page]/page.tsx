import type { Metadata } from 'next';
import { correctionsMetadata, CorrectionsPage } from '@/components/site/corrections-page';

// Reached from /dinh-chinh?trang=N through next.config.mjs's rewrite (lib/public-routing.mjs).
export const revalidate = 300;

export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return correctionsMetadata((await params).page);
}

export default async function Page({ params }: Props) {
  return <CorrectionsPage page={(await params).page} />;
}
