import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { auditLog } from '@/db/schema';
import { assertCan, type Role } from '@/lib/auth/permissions';

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditActions(viewer: { role: Role }): Promise<string[]> {
  assertCan(viewer, 'audit:view');
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}

/** One page of the audit trail, newest first, optionally one action only. */
export async function listAuditEntries(viewer: { role: Role }, action: string | null, page: number) {
  assertCan(viewer, 'audit:view');
  const where = action ? eq(auditLog.action, action) : undefined;
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        actorEmail: auditLog.actorEmail,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        details: auditLog.details,
        ip: auditLog.ip,
        createdAt: auditLog.createdAt,
      })
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  const total = counted?.n ?? 0;
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
