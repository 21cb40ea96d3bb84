import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '@/db';
import { privacyPolicyVersions, users } from '@/db/schema';
import { assertCan, type Role } from '@/lib/auth/permissions';

/** A published version as the public page shows it: no author (the newsroom's accounts stay private). */
export type PublicPolicyVersion = {
  version: number;
  organisationName: string;
  address: string;
  contactPhone: string;
  contactEmail: string;
  collected: string;
  purposes: string;
  retention: string;
  rights: string;
  createdAt: Date;
};

const publicColumns = {
  version: privacyPolicyVersions.version,
  organisationName: privacyPolicyVersions.organisationName,
  address: privacyPolicyVersions.address,
  contactPhone: privacyPolicyVersions.contactPhone,
  contactEmail: privacyPolicyVersions.contactEmail,
  collected: privacyPolicyVersions.collected,
  purposes: privacyPolicyVersions.purposes,
  retention: privacyPolicyVersions.retention,
  rights: privacyPolicyVersions.rights,
  createdAt: privacyPolicyVersions.createdAt,
};

/** The version in force (the highest); null only on a database without the migration's version 1. */
export const getCurrentPolicy = cache(async (): Promise<PublicPolicyVersion | null> => {
  const [row] = await db.select(publicColumns).from(privacyPolicyVersions).orderBy(desc(privacyPolicyVersions.version)).limit(1);
  return row ?? null;
});

/** The number of the version in force, for the comment form's hidden field. */
export const getCurrentPolicyVersion = cache(async (): Promise<number | null> => {
  const [row] = await db.select({ v: sql<number | null>`max(${privacyPolicyVersions.version})` }).from(privacyPolicyVersions);
  return row?.v ?? null;
});

export const getPolicyVersion = cache(async (version: number): Promise<PublicPolicyVersion | null> => {
  const [row] = await db.select(publicColumns).from(privacyPolicyVersions).where(eq(privacyPolicyVersions.version, version));
  return row ?? null;
});

/** At most this many versions are listed on a page; older ones stay readable by their number. */
export const POLICY_HISTORY_LIMIT = 100;

/** Versions with their dates, newest first (for the public list of older versions). */
export const listPolicyVersions = cache(async (): Promise<{ version: number; createdAt: Date }[]> => {
  return db
    .select({ version: privacyPolicyVersions.version, createdAt: privacyPolicyVersions.createdAt })
    .from(privacyPolicyVersions)
    .orderBy(desc(privacyPolicyVersions.version))
    .limit(POLICY_HISTORY_LIMIT);
});

/** The dashboard's history: versions with dates and who published them, newest first. */
export async function listPolicyHistory(viewer: { role: Role }) {
  assertCan(viewer, 'privacy:manage');
  return db
    .select({ version: privacyPolicyVersions.version, createdAt: privacyPolicyVersions.createdAt, authorName: users.name, authorEmail: users.email })
    .from(privacyPolicyVersions)
    .leftJoin(users, eq(users.id, privacyPolicyVersions.createdBy))
    .orderBy(desc(privacyPolicyVersions.version))
    .limit(POLICY_HISTORY_LIMIT);
}

/** The current version, for the admin's form. */
export async function getCurrentPolicyForEditing(viewer: { role: Role }): Promise<PublicPolicyVersion | null> {
  assertCan(viewer, 'privacy:manage');
  return getCurrentPolicy();
}
