'use server';

import { headers } from 'next/headers';
import { PolicyError, publishPolicyVersion } from '@/db/writes/privacy-policy';
import { authorizedAction } from '@/lib/auth/action';
import { CacheTag, invalidate } from '@/lib/cache-tags';
import { clientIp } from '@/lib/client-ip';
import { PolicySchema } from '@/lib/privacy-policy';

/** `Xuất bản phiên bản mới`: the form's content becomes version N+1 of the policy (admins only). */
export const publishPrivacyPolicyAction = authorizedAction('privacy:manage', PolicySchema, async ({ basedOn, ...input }, user) => {
  let version: number;
  try {
    ({ version } = await publishPolicyVersion(input, basedOn, { id: user.id, email: user.email }, clientIp(await headers())));
  } catch (error) {
    if (error instanceof PolicyError) return { ok: false, message: error.message };
    throw error;
  }
  invalidate(CacheTag.privacyPolicy);
  return { ok: true, message: `Đã xuất bản phiên bản ${version} của chính sách.`, data: { version: String(version) } };
});
