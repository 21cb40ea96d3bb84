import 'server-only';
import { isIP } from 'node:net';
import { db, type Database } from '@/db';
import { auditLog } from '@/db/schema';

export type AuditActor = { id: string | null; email: string | null };
type Executor = Pick<Database, 'insert'>;

/** Appends one entry to the audit trail (inside the caller's transaction when given one). */
export async function recordAudit(
  entry: {
    actor: AuditActor | null;
    action: string;
    entityType?: string;
    entityId?: string | number;
    details?: Record<string, unknown>;
    ip?: string | null;
  },
  executor: Executor = db,
): Promise<void> {
  await executor.insert(auditLog).values({
    actorId: entry.actor?.id ?? null,
    actorEmail: entry.actor?.email ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId === undefined ? null : String(entry.entityId),
    details: entry.details ?? {},
    ip: entry.ip && isIP(entry.ip) ? entry.ip : null,
  });
}
