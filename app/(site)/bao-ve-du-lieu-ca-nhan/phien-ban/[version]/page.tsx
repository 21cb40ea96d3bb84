import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PrivacyPolicyView } from '@/components/site/privacy-policy-view';
import { getCurrentPolicyVersion, getPolicyVersion, listPolicyVersions } from '@/db/queries/privacy-policy';
import { parsePolicyVersion, policyVersionPath } from '@/lib/privacy-policy';

// Reached from /bao-ve-du-lieu-ca-nhan?phien-ban=N through next.config.mjs's rewrite
// (lib/public-routing.mjs). Each version is rendered on first request and kept; publishing a
// new version expires them all (the former current one gains its "not current" note).
export const revalidate = 3600;
export const dynamicParams = true;

export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ version: string }> };

async function load(raw: string) {
  const version = parsePolicyVersion(raw);
  // An unknown version is a 404, which the page cache never keeps (lib/page-cache-handler.mjs).
  const policy = version === null ? null : await getPolicyVersion(version);
  if (!policy) notFound();
  return policy;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const policy = await load((await params).version);
  return {
    title: `Chính sách bảo vệ dữ liệu cá nhân — phiên bản ${policy.version}`,
    alternates: { canonical: policyVersionPath(policy.version) },
  };
}

export default async function PrivacyPolicyVersionPage({ params }: Props) {
  const policy = await load((await params).version);
  const [current, versions] = await Promise.all([getCurrentPolicyVersion(), listPolicyVersions()]);
  return <PrivacyPolicyView policy={policy} currentVersion={current ?? policy.version} versions={versions} />;
}
