import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { privacyRetentionRuns, privacyRetentionSettings } from '@/db/schema';
import { assertCan, type Role } from '@/lib/auth/permissions';
import { CLAIM_TIMEOUT_SECONDS } from '@/db/writes/privacy-retention';
import { DEFAULT_RETENTION, type RetentionSettings } from '@/lib/privacy-retention';

/** Runs shown on the settings page. */
export const RETENTION_RUNS_SHOWN = 10;

/** The retention settings in force (the defaults until an admin first saves them). */
export async function getRetentionSettings(viewer: { role: Role }): Promise<RetentionSettings & { updatedAt: Date | null }> {
  assertCan(viewer, 'privacy:manage');
  const [row] = await db
    .select({ phoneMonths: privacyRetentionSettings.phoneMonths, rejectedDays: privacyRetentionSettings.rejectedDays, updatedAt: privacyRetentionSettings.updatedAt })
    .from(privacyRetentionSettings)
    .where(eq(privacyRetentionSettings.id, true));
  return row ?? { ...DEFAULT_RETENTION, updatedAt: null };
}

/** The latest retention runs, newest first, with what each erased. */
export async function listRetentionRuns(viewer: { role: Role }) {
  assertCan(viewer, 'privacy:manage');
  return db
    .select({
      id: privacyRetentionRuns.id,
      runDate: privacyRetentionRuns.runDate,
      trigger: privacyRetentionRuns.trigger,
      startedAt: privacyRetentionRuns.startedAt,
      finishedAt: privacyRetentionRuns.finishedAt,
      /** Unfinished and silent past the claim timeout: its instance died; the next look takes it over. */
      stalled: sql<boolean>`${privacyRetentionRuns.finishedAt} is null and ${privacyRetentionRuns.heartbeatAt} < now() - make_interval(secs => ${CLAIM_TIMEOUT_SECONDS})`,
      phoneMonths: privacyRetentionRuns.phoneMonths,
      rejectedDays: privacyRetentionRuns.rejectedDays,
      phonesErased: privacyRetentionRuns.phonesErased,
      addressHashesErased: privacyRetentionRuns.addressHashesErased,
      commentsDeleted: privacyRetentionRuns.commentsDeleted,
      rateLimitHitsDeleted: privacyRetentionRuns.rateLimitHitsDeleted,
      viewReadersDeleted: privacyRetentionRuns.viewReadersDeleted,
    })
    .from(privacyRetentionRuns)
    .orderBy(desc(privacyRetentionRuns.startedAt), desc(privacyRetentionRuns.id))
    .limit(RETENTION_RUNS_SHOWN);
}
