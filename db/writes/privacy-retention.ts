import 'server-only';
import { hostname } from 'node:os';
import { eq, sql, type SQL } from 'drizzle-orm';
import { db, type Database } from '@/db';
import { privacyRetentionSettings } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/db/writes/audit';
import { VIEW_WINDOW_MINUTES } from '@/db/writes/views';
import { DEFAULT_RETENTION, type RetentionCounts, type RetentionSettings } from '@/lib/privacy-retention';

// Retention (issue 16): commenters' personal data erased past its time, for real — phone numbers
// and address hashes overwritten with NULL, rejected and spam comments deleted — once a day
// across however many instances run. Each instance's timer (lib/privacy-retention-job.ts) calls
// runPrivacyRetention(); the first to insert the day's row in privacy_retention_runs does the
// work, the others find the row and do nothing. The work goes in batches, each its own short
// transaction that also adds its counts to the run's row, so a huge backlog never holds a long
// lock or much memory, and the counts are exact whoever finishes. A claim whose heartbeat stops
// (the instance died mid-run) is taken over after CLAIM_TIMEOUT_SECONDS; the taker goes on
// where it stopped (the erased rows no longer match) and the run's one audit entry is written
// by whoever finishes it.

/** Rows per statement: small enough for a short lock and a small result, large enough to be quick. */
export const RETENTION_BATCH_SIZE = 500;
/** A claim whose last heartbeat (one per batch) is older than this may be taken over. */
export const CLAIM_TIMEOUT_SECONDS = 10 * 60;
/** Limit hits no limit looks at any more (none looks back over an hour; db/writes/rate-limits.ts). */
const RATE_LIMIT_HIT_DAYS = 1;

export type RetentionTrigger = 'schedule' | 'manual';

export type RetentionRunOptions = {
  /** The database to work on; the app's pool unless given (tests give one per simulated instance). */
  database?: Database;
  /** `schedule`: the day's one run, claimed; `manual`: an extra run now (the shell command). */
  trigger?: RetentionTrigger;
  /** Names the process in the claim (host:pid by default). */
  instance?: string;
  /** The Vietnam calendar day the run is for (`YYYY-MM-DD`); today's unless given (tests). */
  day?: string;
  batchSize?: number;
  claimTimeoutSeconds?: number;
  /** Stops between batches; the claim is released so that another instance may go on at once. */
  signal?: AbortSignal;
};

export type RetentionRunResult =
  | { ran: false; reason: 'already-claimed' | 'lost-claim' | 'stopped' }
  | { ran: true; runId: number; runDate: string; attempt: number; settings: RetentionSettings; counts: RetentionCounts };

const ZERO: RetentionCounts = { phonesErased: 0, addressHashesErased: 0, commentsDeleted: 0, rateLimitHitsDeleted: 0, viewReadersDeleted: 0 };

class LostClaim extends Error {}

type Run = { id: number; attempt: number };

/**
 * One batch of each kind of erasure: a statement that erases at most `n` rows and returns how
 * many it touched (`rows`) and the counts to add to the run. Rows are locked (FOR UPDATE) as they
 * are picked, so a row changed meanwhile is seen as it is now: nothing is counted twice.
 */
const PHASES: { name: string; statement: (run: Run, n: number) => SQL }[] = [
  {
    // First, so that a deleted comment's phone is not also counted as erased.
    name: 'rejected and spam comments',
    statement: (run, n) => sql`
      with victims as (
        select id from comments
         where status in ('rejected', 'spam')
           and coalesce(moderated_at, created_at) < (select rejected_cutoff from privacy_retention_runs where id = ${run.id})
         limit ${n}
           for update
      ), gone as (
        delete from comments c using victims v where c.id = v.id returning 1
      )
      select count(*)::int as rows, count(*)::int as "commentsDeleted" from gone`,
  },
  {
    name: 'phone numbers and address hashes',
    statement: (run, n) => sql`
      with victims as (
        select id, phone is not null as had_phone, ip_hash is not null as had_hash from comments
         where (phone is not null or ip_hash is not null)
           and created_at < (select phone_cutoff from privacy_retention_runs where id = ${run.id})
         limit ${n}
           for update
      ), erased as (
        update comments c set phone = null, ip_hash = null from victims v where c.id = v.id returning v.had_phone, v.had_hash
      )
      select count(*)::int as rows,
             (count(*) filter (where had_phone))::int as "phonesErased",
             (count(*) filter (where had_hash))::int as "addressHashesErased"
        from erased`,
  },
  {
    // Address hashes kept for the limits (comments, security codes, views, sign-in links): the
    // site prunes them now and then on its own; this makes sure of it on a quiet site.
    name: 'rate-limit hits',
    statement: (_run, n) => sql`
      with gone as (
        delete from rate_limit_hits
         where id in (select id from rate_limit_hits where created_at < now() - make_interval(days => ${RATE_LIMIT_HIT_DAYS}) limit ${n})
        returning 1
      )
      select count(*)::int as rows, count(*)::int as "rateLimitHitsDeleted" from gone`,
  },
  {
    // Readers (hashes of address and browser) counted before the view window: the same.
    name: 'view readers',
    statement: (_run, n) => sql`
      with gone as (
        delete from article_view_readers
         where (article_id, reader_hash) in (
           select article_id, reader_hash from article_view_readers
            where counted_at <= now() - make_interval(mins => ${VIEW_WINDOW_MINUTES}) limit ${n})
        returning 1
      )
      select count(*)::int as rows, count(*)::int as "viewReadersDeleted" from gone`,
  },
];

/** Claims a run: today's scheduled one (unless done, or held by a live instance), or a new manual one. */
async function claim(database: Database, trigger: RetentionTrigger, instance: string, day: string | null, timeoutSeconds: number) {
  const [row] = await database.execute<{ id: number; runDate: string; attempt: number; phoneMonths: number; rejectedDays: number }>(sql`
    with s as (
      select coalesce((select phone_months from privacy_retention_settings where id), ${DEFAULT_RETENTION.phoneMonths}) as pm,
             coalesce((select rejected_days from privacy_retention_settings where id), ${DEFAULT_RETENTION.rejectedDays}) as rd
    )
    insert into privacy_retention_runs (run_date, trigger, claimed_by, phone_months, rejected_days, phone_cutoff, rejected_cutoff)
    select coalesce(${day}::date, (now() at time zone 'Asia/Ho_Chi_Minh')::date), ${trigger}::privacy_retention_trigger, ${instance},
           pm, rd, now() - make_interval(months => pm), now() - make_interval(days => rd)
      from s
    on conflict (run_date) where trigger = 'schedule' do update
       set attempt = privacy_retention_runs.attempt + 1, claimed_by = excluded.claimed_by, heartbeat_at = now()
     where privacy_retention_runs.finished_at is null
       and privacy_retention_runs.heartbeat_at < now() - make_interval(secs => ${timeoutSeconds})
    returning id, run_date::text as "runDate", attempt, phone_months as "phoneMonths", rejected_days as "rejectedDays"`);
  return row ? { ...row, id: Number(row.id) } : null;
}

/** One batch of `phase` and its counts added to the run, in one transaction; throws LostClaim if the run is no longer ours. */
async function batch(database: Database, run: Run, phase: (typeof PHASES)[number], n: number): Promise<{ rows: number; counts: Partial<RetentionCounts> }> {
  return database.transaction(async (tx) => {
    const [result] = await tx.execute<{ rows: number } & Partial<RetentionCounts>>(phase.statement(run, n));
    const { rows = 0, ...counts }: { rows?: number } & Partial<RetentionCounts> = result ?? {};
    const add = (key: keyof RetentionCounts) => counts[key] ?? 0;
    const [mine] = await tx.execute(sql`
      update privacy_retention_runs
         set heartbeat_at = now(),
             phones_erased = phones_erased + ${add('phonesErased')},
             address_hashes_erased = address_hashes_erased + ${add('addressHashesErased')},
             comments_deleted = comments_deleted + ${add('commentsDeleted')},
             rate_limit_hits_deleted = rate_limit_hits_deleted + ${add('rateLimitHitsDeleted')},
             view_readers_deleted = view_readers_deleted + ${add('viewReadersDeleted')}
       where id = ${run.id} and attempt = ${run.attempt} and finished_at is null
      returning id`);
    // Taken over (this process stalled past the timeout): undo this batch; the taker does it.
    if (!mine) throw new LostClaim();
    return { rows, counts };
  });
}

/** Marks the run finished and records its one audit entry, together; null if the run is no longer ours. */
async function finish(database: Database, run: Run, trigger: RetentionTrigger): Promise<RetentionCounts | null> {
  return database.transaction(async (tx) => {
    const [row] = await tx.execute<RetentionCounts & { runDate: string; phoneMonths: number; rejectedDays: number; attempt: number }>(sql`
      update privacy_retention_runs set finished_at = now(), heartbeat_at = now()
       where id = ${run.id} and attempt = ${run.attempt} and finished_at is null
      returning run_date::text as "runDate", attempt, phone_months as "phoneMonths", rejected_days as "rejectedDays",
                phones_erased as "phonesErased", address_hashes_erased as "addressHashesErased", comments_deleted as "commentsDeleted",
                rate_limit_hits_deleted as "rateLimitHitsDeleted", view_readers_deleted as "viewReadersDeleted"`);
    if (!row) return null;
    const { runDate, attempt, phoneMonths, rejectedDays, ...counts } = row;
    await recordAudit(
      {
        actor: null,
        action: 'privacy_retention.run',
        entityType: 'privacy_retention_run',
        entityId: run.id,
        details: { runDate, trigger, attempts: attempt, phoneMonths, rejectedDays, ...counts },
      },
      tx,
    );
    return counts;
  });
}

/**
 * Runs the retention job once: the day's scheduled run (`trigger: 'schedule'`, the default),
 * which happens once a day across every instance, or an extra manual one. Returns what the run
 * erased over all its attempts (what its audit entry records), or why nothing ran here.
 */
export async function runPrivacyRetention(options: RetentionRunOptions = {}): Promise<RetentionRunResult> {
  const database = options.database ?? db;
  const trigger = options.trigger ?? 'schedule';
  const n = Math.min(Math.max(1, Math.trunc(options.batchSize ?? RETENTION_BATCH_SIZE)), 5_000);
  const claimed = await claim(database, trigger, options.instance ?? `${hostname()}:${process.pid}`, options.day ?? null, options.claimTimeoutSeconds ?? CLAIM_TIMEOUT_SECONDS);
  if (!claimed) return { ran: false, reason: 'already-claimed' };
  const run: Run = { id: claimed.id, attempt: claimed.attempt };
  try {
    for (const phase of PHASES) {
      for (;;) {
        if (options.signal?.aborted) {
          // Let another instance take the day's run over now rather than after the timeout.
          await database.execute(sql`update privacy_retention_runs set heartbeat_at = '-infinity' where id = ${run.id} and attempt = ${run.attempt} and finished_at is null`);
          return { ran: false, reason: 'stopped' };
        }
        const { rows } = await batch(database, run, phase, n);
        if (rows < n) break;
      }
    }
    const counts = await finish(database, run, trigger);
    if (!counts) return { ran: false, reason: 'lost-claim' };
    return {
      ran: true,
      runId: run.id,
      runDate: claimed.runDate,
      attempt: run.attempt,
      settings: { phoneMonths: claimed.phoneMonths, rejectedDays: claimed.rejectedDays },
      counts: { ...ZERO, ...counts },
    };
  } catch (error) {
    if (error instanceof LostClaim) return { ran: false, reason: 'lost-claim' };
    throw error;
  }
}

/** Saves the retention settings (admin; the action checks) and audits old and new values. */
export async function updateRetentionSettings(input: RetentionSettings, actor: AuditActor, ip: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(privacyRetentionSettings).values({ id: true }).onConflictDoNothing();
    const [old] = await tx
      .select({ phoneMonths: privacyRetentionSettings.phoneMonths, rejectedDays: privacyRetentionSettings.rejectedDays })
      .from(privacyRetentionSettings)
      .where(eq(privacyRetentionSettings.id, true))
      .for('update');
    await tx
      .update(privacyRetentionSettings)
      .set({ phoneMonths: input.phoneMonths, rejectedDays: input.rejectedDays, updatedAt: new Date(), updatedBy: actor.id })
      .where(eq(privacyRetentionSettings.id, true));
    await recordAudit(
      {
        actor,
        action: 'privacy_retention.update',
        entityType: 'privacy_retention_settings',
        details: { old: old ?? DEFAULT_RETENTION, new: { phoneMonths: input.phoneMonths, rejectedDays: input.rejectedDays } },
        ip,
      },
      tx,
    );
  });
}
