import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PrivacyPolicyView } from '@/components/site/privacy-policy-view';
import { getCurrentPolicy, listPolicyVersions } from '@/db/queries/privacy-policy';
import { POLICY_PATH } from '@/lib/privacy-policy';

// Static, regenerated: publishing a version refreshes it at once (CacheTag.privacyPolicy); the
// interval is only a backstop. `?phien-ban=N` is rewritten to ./phien-ban/[version]
// (lib/public-routing.mjs); any other query is this page.
export const revalidate = 3600;

export const metadata: Metadata = {
  title: 'Chính sách bảo vệ dữ liệu cá nhân',
  description: 'Ai xử lý dữ liệu cá nhân của bạn trên cổng thông tin, dữ liệu nào, vì sao, lưu bao lâu, và quyền của bạn.',
  alternates: { canonical: POLICY_PATH },
};

export default async function PrivacyPolicyPage() {
  const [policy, versions] = await Promise.all([getCurrentPolicy(), listPolicyVersions()]);
  // Version 1 comes with the migration: no policy at all is a broken database, not a page.
  if (!policy) notFound();
  return <PrivacyPolicyView policy={policy} currentVersion={policy.version} versions={versions} />;
}
