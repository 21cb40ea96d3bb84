import 'server-only';
import { desc, sql } from 'drizzle-orm';
import { db } from '@/db';
import { privacyPolicyVersions } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/db/writes/audit';
import { samePolicyContent, type PolicyInput } from '@/lib/privacy-policy';

/** An expected refusal: said to the admin, nothing written. */
export class PolicyError extends Error {
  constructor(
    message: string,
    readonly reason: 'unchanged' | 'stale',
  ) {
    super(message);
  }
}

// One lock for every publish: the version number is read and written under it, so two admins
// saving at once get N+1 and N+2, never the same number (nor a unique-violation 500).
const PUBLISH_LOCK = sql`select pg_advisory_xact_lock(hashtext('privacy_policy_versions:publish'))`;

/**
 * Publishes the policy as a new version (the current one + 1); earlier versions are never
 * touched (the table refuses updates). `basedOn` is the version the admin's form was filled
 * from: when another version was published since, the save is refused so neither admin's text
 * is lost unseen. A save identical to the current version is refused too. Audited
 * ('privacy_policy.publish') in the same transaction.
 */
export async function publishPolicyVersion(input: PolicyInput, basedOn: number | null, actor: AuditActor, ip: string | null): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(PUBLISH_LOCK);
    const [current] = await tx.select().from(privacyPolicyVersions).orderBy(desc(privacyPolicyVersions.version)).limit(1);
    if (current && basedOn !== null && basedOn !== current.version) {
      throw new PolicyError(
        `Một quản trị viên khác vừa xuất bản phiên bản ${current.version} trong lúc bạn sửa. Nội dung bạn nhập vẫn còn bên dưới; hãy tải lại trang để xem phiên bản ${current.version} rồi sửa tiếp.`,
        'stale',
      );
    }
    if (current && samePolicyContent(current, input)) {
      throw new PolicyError(`Nội dung không có gì thay đổi so với phiên bản ${current.version} hiện hành, nên không tạo phiên bản mới.`, 'unchanged');
    }
    const version = (current?.version ?? 0) + 1;
    await tx.insert(privacyPolicyVersions).values({ ...input, version, createdBy: actor.id });
    await recordAudit({ actor, action: 'privacy_policy.publish', entityType: 'privacy_policy', entityId: version, details: { version }, ip }, tx);
    return { version };
  });
}
