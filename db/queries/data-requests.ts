import 'server-only';
import { and, asc, desc, eq, gte, lte, or, sql } from 'drizzle-orm';
import { db } from '@/db';
import { articles, comments, dataRequests, publicHolidays, users } from '@/db/schema';
import { assertCan, type Role } from '@/lib/auth/permissions';
import type { DataRequestKind, DataRequestStatus } from '@/lib/data-requests';
import { addCalendarDays, calendarFrom, type WorkingCalendar } from '@/lib/working-days';

/**
 * The days off and make-up working days from `fromDay` for `spanDays` days: enough for any
 * deadline counted from it (2 working days, or 15 + 15 calendar days and a roll-forward).
 * Public data, no viewer needed.
 */
export async function loadWorkingCalendar(fromDay: string, spanDays = 120): Promise<WorkingCalendar> {
  const rows = await db
    .select({ day: publicHolidays.day, kind: publicHolidays.kind })
    .from(publicHolidays)
    .where(and(gte(publicHolidays.day, fromDay), lte(publicHolidays.day, addCalendarDays(fromDay, spanDays))));
  return calendarFrom(rows);
}

export const HOLIDAY_LIST_LIMIT = 500;

/** The holiday list for its admin page, newest years last; bounded. */
export async function listPublicHolidays(viewer: { role: Role }, fromDay: string) {
  assertCan(viewer, 'privacy:manage');
  return db
    .select({ day: publicHolidays.day, name: publicHolidays.name, kind: publicHolidays.kind })
    .from(publicHolidays)
    .where(gte(publicHolidays.day, fromDay))
    .orderBy(asc(publicHolidays.day))
    .limit(HOLIDAY_LIST_LIMIT);
}

/** What `/yeu-cau-du-lieu-ca-nhan/{mã}` may show: state, dates and reply, never the person's data. */
export type PublicRequestStatus = {
  code: string;
  kind: DataRequestKind;
  status: DataRequestStatus;
  receivedAt: Date;
  acknowledgeBy: string;
  dueBy: string;
  extendedUntil: string | null;
  acknowledgedAt: Date | null;
  doneAt: Date | null;
  reply: string | null;
};

export async function getPublicRequestStatus(code: string): Promise<PublicRequestStatus | null> {
  const [row] = await db
    .select({
      code: dataRequests.code,
      kind: dataRequests.kind,
      status: dataRequests.status,
      receivedAt: dataRequests.receivedAt,
      acknowledgeBy: dataRequests.acknowledgeBy,
      dueBy: dataRequests.dueBy,
      extendedUntil: dataRequests.extendedUntil,
      acknowledgedAt: dataRequests.acknowledgedAt,
      doneAt: dataRequests.doneAt,
      reply: dataRequests.reply,
    })
    .from(dataRequests)
    .where(eq(dataRequests.code, code))
    .limit(1);
  return row ?? null;
}

export const REQUESTS_PAGE_SIZE = 20;

/**
 * The queue: overdue ones first (not acknowledged after `Hạn xác nhận`, or not done after
 * `Hạn hoàn thành`), then open ones by their nearest deadline, then the done ones, newest first.
 */
export async function listDataRequests(viewer: { role: Role }, today: string, page: number) {
  assertCan(viewer, 'privacy:manage');
  const overdue = sql<boolean>`(${dataRequests.status} <> 'done' and ((${dataRequests.status} = 'received' and ${dataRequests.acknowledgeBy} < ${today}::date) or coalesce(${dataRequests.extendedUntil}, ${dataRequests.dueBy}) < ${today}::date))`;
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: dataRequests.id,
        code: dataRequests.code,
        name: dataRequests.name,
        kind: dataRequests.kind,
        status: dataRequests.status,
        receivedAt: dataRequests.receivedAt,
        acknowledgeBy: dataRequests.acknowledgeBy,
        dueBy: dataRequests.dueBy,
        extendedUntil: dataRequests.extendedUntil,
        overdue,
      })
      .from(dataRequests)
      .orderBy(
        desc(overdue),
        sql`${dataRequests.status} = 'done'`,
        sql`case when ${dataRequests.status} = 'done' then null else least(case when ${dataRequests.status} = 'received' then ${dataRequests.acknowledgeBy} end, coalesce(${dataRequests.extendedUntil}, ${dataRequests.dueBy})) end asc nulls last`,
        desc(dataRequests.receivedAt),
        desc(dataRequests.id),
      )
      .limit(REQUESTS_PAGE_SIZE)
      .offset((page - 1) * REQUESTS_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(dataRequests),
  ]);
  const total = counted?.n ?? 0;
  return { rows, total, pages: Math.max(1, Math.ceil(total / REQUESTS_PAGE_SIZE)) };
}

/** One request with everything the person sent, for its admin page. */
export async function getDataRequest(viewer: { role: Role }, id: number) {
  assertCan(viewer, 'privacy:manage');
  const [row] = await db
    .select({
      id: dataRequests.id,
      code: dataRequests.code,
      name: dataRequests.name,
      phone: dataRequests.phone,
      email: dataRequests.email,
      kind: dataRequests.kind,
      content: dataRequests.content,
      status: dataRequests.status,
      receivedAt: dataRequests.receivedAt,
      acknowledgeBy: dataRequests.acknowledgeBy,
      dueBy: dataRequests.dueBy,
      acknowledgedAt: dataRequests.acknowledgedAt,
      extendedUntil: dataRequests.extendedUntil,
      extensionReason: dataRequests.extensionReason,
      doneAt: dataRequests.doneAt,
      reply: dataRequests.reply,
      handledByName: users.name,
    })
    .from(dataRequests)
    .leftJoin(users, eq(users.id, dataRequests.handledBy))
    .where(eq(dataRequests.id, id))
    .limit(1);
  return row ?? null;
}

/** How a person's comments are looked for: a normalised phone number, a name, or both. */
export type PersonQuery = { phone: string | null; name: string | null };

/** The most comments one search returns, shows, exports or erases. */
export const PERSON_COMMENTS_LIMIT = 200;

/**
 * A person's comments: the same phone number (stored normalised, lib/phone.ts), or the same
 * name ignoring case and accents (`Nguyễn Văn A` = `nguyen van a`), at most
 * PERSON_COMMENTS_LIMIT, newest first. `more` says there were more than that.
 */
export async function findPersonComments(viewer: { role: Role }, query: PersonQuery) {
  assertCan(viewer, 'privacy:manage');
  if (!query.phone && !query.name) return { rows: [], more: false };
  const rows = await db
    .select({
      id: comments.id,
      name: comments.name,
      phone: comments.phone,
      title: comments.title,
      content: comments.content,
      status: comments.status,
      createdAt: comments.createdAt,
      articleId: comments.articleId,
      articleSlug: articles.slug,
      articleTitle: articles.title,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(
      or(
        query.phone ? eq(comments.phone, query.phone) : undefined,
        query.name ? sql`lower(immutable_unaccent(${comments.name})) = lower(immutable_unaccent(${query.name}))` : undefined,
      ),
    )
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(PERSON_COMMENTS_LIMIT + 1);
  return { rows: rows.slice(0, PERSON_COMMENTS_LIMIT), more: rows.length > PERSON_COMMENTS_LIMIT };
}

export type PersonComment = Awaited<ReturnType<typeof findPersonComments>>['rows'][number];
