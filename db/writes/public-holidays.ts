import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { publicHolidays } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/db/writes/audit';

/** Adds a day off or a make-up working day; false when the day is already listed. Audited. */
export async function addPublicHoliday(input: { day: string; name: string; kind: 'holiday' | 'working_day' }, actor: AuditActor, ip: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(publicHolidays).values(input).onConflictDoNothing().returning({ day: publicHolidays.day });
    if (inserted.length === 0) return false;
    await recordAudit({ actor, action: 'public_holiday.add', entityType: 'public_holiday', entityId: input.day, details: { kind: input.kind, name: input.name }, ip }, tx);
    return true;
  });
}

/** Removes a listed day; false when it was not listed. Audited with what it was. */
export async function removePublicHoliday(day: string, actor: AuditActor, ip: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await tx.delete(publicHolidays).where(eq(publicHolidays.day, day)).returning({ name: publicHolidays.name, kind: publicHolidays.kind });
    const row = removed[0];
    if (!row) return false;
    await recordAudit({ actor, action: 'public_holiday.remove', entityType: 'public_holiday', entityId: day, details: { kind: row.kind, name: row.name }, ip }, tx);
    return true;
  });
}
