import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../core/db';
import { users, type UserRow } from '../users';
import type { AttendeeResponse } from './meeting-fields';
import { calendarTokens, meetingAttendees, meetingRemindersSent, meetings, type MeetingAttendeeRow, type MeetingRow } from './meetings.table';

export async function findMeeting(db: Db, id: string): Promise<MeetingRow | null> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
  return row ?? null;
}

export async function lockMeeting(db: Db, id: string): Promise<MeetingRow | null> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id)).for('update');
  return row ?? null;
}

export async function findException(db: Db, seriesId: string, recurrenceId: Date): Promise<MeetingRow | null> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.seriesId, seriesId), eq(meetings.recurrenceId, recurrenceId)));
  return row ?? null;
}

export async function findExceptions(db: Db, seriesIds: string[]): Promise<MeetingRow[]> {
  if (seriesIds.length === 0) return [];
  return db.select().from(meetings).where(inArray(meetings.seriesId, seriesIds));
}

export async function insertMeeting(db: Db, values: typeof meetings.$inferInsert): Promise<MeetingRow> {
  const [row] = await db.insert(meetings).values(values).returning();
  return row!;
}

export async function updateMeetingRow(db: Db, id: string, values: Partial<typeof meetings.$inferInsert>): Promise<MeetingRow> {
  const [row] = await db.update(meetings).set(values).where(eq(meetings.id, id)).returning();
  return row!;
}

export async function cancelExceptions(db: Db, seriesId: string, at: Date): Promise<void> {
  await db.update(meetings).set({ status: 'cancelled', updatedAt: at }).where(eq(meetings.seriesId, seriesId));
}

export async function deleteExceptions(db: Db, seriesId: string): Promise<void> {
  await db.delete(meetings).where(eq(meetings.seriesId, seriesId));
}

export async function findUsersByIds(db: Db, ids: string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(users).where(inArray(users.id, ids));
}

export interface AttendeeView extends MeetingAttendeeRow {
  userName: string | null;
  userEmail: string | null;
}

export async function findAttendees(db: Db, meetingIds: string[]): Promise<AttendeeView[]> {
  if (meetingIds.length === 0) return [];
  const rows = await db
    .select({ a: meetingAttendees, userName: users.name, userEmail: users.email })
    .from(meetingAttendees)
    .leftJoin(users, eq(users.id, meetingAttendees.userId))
    .where(inArray(meetingAttendees.meetingId, meetingIds))
    .orderBy(asc(meetingAttendees.email), asc(users.name));
  return rows.map((r) => ({ ...r.a, userName: r.userName, userEmail: r.userEmail }));
}

export interface NewAttendee {
  userId: string | null;
  email: string | null;
  name: string | null;
  response?: AttendeeResponse;
}

// Keeps the responses of attendees who stay; drops the removed ones.
export async function replaceAttendees(db: Db, meetingId: string, list: NewAttendee[]): Promise<void> {
  const userIds = list.flatMap((a) => (a.userId ? [a.userId] : []));
  const emails = list.flatMap((a) => (a.email ? [a.email] : []));
  const keep = or(
    userIds.length ? inArray(meetingAttendees.userId, userIds) : sql`false`,
    emails.length ? inArray(meetingAttendees.email, emails) : sql`false`,
  );
  // coalesce: `user_id in (…)` is NULL for an external attendee, and `not NULL` would keep the row.
  await db.delete(meetingAttendees).where(and(eq(meetingAttendees.meetingId, meetingId), sql`not coalesce(${keep}, false)`));
  if (list.length === 0) return;
  await db
    .insert(meetingAttendees)
    .values(list.map((a) => ({ meetingId, userId: a.userId, email: a.email, name: a.name, response: a.response ?? 'needs-action' })))
    .onConflictDoNothing();
}

export async function setResponse(db: Db, meetingIds: string[], userId: string, response: AttendeeResponse, at: Date): Promise<number> {
  const rows = await db
    .update(meetingAttendees)
    .set({ response, respondedAt: at })
    .where(and(inArray(meetingAttendees.meetingId, meetingIds), eq(meetingAttendees.userId, userId)))
    .returning({ id: meetingAttendees.id });
  return rows.length;
}

export interface RangeFilter {
  from: Date;
  to: Date;
  /** Only meetings one of these users attends without having declined. */
  busyUserIds?: string[];
  /** Only meetings this user organizes or attends. */
  visibleTo?: string;
  includeCancelled?: boolean;
  excludeIds?: string[];
  excludeSeriesId?: string;
}

// Single meetings and exceptions overlapping the range, and every series that may have an occurrence in it.
export async function findMeetingsInRange(db: Db, f: RangeFilter): Promise<MeetingRow[]> {
  const where: SQL[] = [
    sql`${meetings.startAt} < ${f.to.toISOString()}::timestamptz`,
    or(
      and(isNull(meetings.recurrence), sql`${meetings.endAt} > ${f.from.toISOString()}::timestamptz`),
      and(isNotNull(meetings.recurrence), or(isNull(meetings.recurrenceEndAt), gt(meetings.recurrenceEndAt, f.from))),
    )!,
  ];
  if (!f.includeCancelled) where.push(eq(meetings.status, 'scheduled'));
  if (f.busyUserIds) {
    if (f.busyUserIds.length === 0) return [];
    where.push(
      sql`exists (select 1 from meeting_attendees a where a.meeting_id = ${meetings.id} and a.response <> 'declined' and a.user_id in (${sql.join(
        f.busyUserIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}))`,
    );
  }
  if (f.visibleTo) where.push(visibleToWhere(f.visibleTo));
  if (f.excludeIds?.length) where.push(notInArray(meetings.id, f.excludeIds));
  if (f.excludeSeriesId) where.push(or(isNull(meetings.seriesId), ne(meetings.seriesId, f.excludeSeriesId))!);
  return db.select().from(meetings).where(and(...where)).orderBy(asc(meetings.startAt));
}

export function visibleToWhere(userId: string): SQL {
  return sql`(${meetings.organizerId} = ${userId}::uuid or exists (select 1 from meeting_attendees a where a.meeting_id = ${meetings.id} and a.user_id = ${userId}::uuid))`;
}

export async function isVisibleTo(db: Db, meetingId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), visibleToWhere(userId)));
  return rows.length > 0;
}

/** Every meeting row of a user's calendar feed: what they organize or attend, from `since` on. */
export async function findFeedMeetings(db: Db, userId: string, since: Date): Promise<MeetingRow[]> {
  return db
    .select()
    .from(meetings)
    .where(
      and(
        visibleToWhere(userId),
        or(
          and(isNull(meetings.recurrence), gt(meetings.endAt, since)),
          and(isNotNull(meetings.recurrence), or(isNull(meetings.recurrenceEndAt), gt(meetings.recurrenceEndAt, since))),
        ),
      ),
    )
    .orderBy(asc(meetings.startAt))
    .limit(5000);
}

/** Records reminders; returns only the ones not recorded before (the unique key makes this exactly once). */
export async function insertReminders(db: Db, rows: (typeof meetingRemindersSent.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db
    .insert(meetingRemindersSent)
    .values(rows)
    .onConflictDoNothing()
    .returning({ userId: meetingRemindersSent.userId, meetingId: meetingRemindersSent.meetingId, occurrenceStart: meetingRemindersSent.occurrenceStart });
}

export async function findRemindersForUser(db: Db, userId: string, since: Date) {
  return db
    .select({ meetingId: meetingRemindersSent.meetingId, title: meetings.title, occurrenceStart: meetingRemindersSent.occurrenceStart, sentAt: meetingRemindersSent.sentAt })
    .from(meetingRemindersSent)
    .innerJoin(meetings, eq(meetings.id, meetingRemindersSent.meetingId))
    .where(and(eq(meetingRemindersSent.userId, userId), gt(meetingRemindersSent.sentAt, since)))
    .orderBy(desc(meetingRemindersSent.sentAt))
    .limit(100);
}

export async function upsertCalendarToken(db: Db, userId: string, tokenHash: string, at: Date): Promise<void> {
  await db
    .insert(calendarTokens)
    .values({ userId, tokenHash, createdAt: at })
    .onConflictDoUpdate({ target: calendarTokens.userId, set: { tokenHash, createdAt: at } });
}

export async function deleteCalendarToken(db: Db, userId: string): Promise<void> {
  await db.delete(calendarTokens).where(eq(calendarTokens.userId, userId));
}

export async function findUserByCalendarToken(db: Db, tokenHash: string): Promise<UserRow | null> {
  const [row] = await db
    .select({ user: users })
    .from(calendarTokens)
    .innerJoin(users, eq(users.id, calendarTokens.userId))
    .where(eq(calendarTokens.tokenHash, tokenHash));
  return row?.user ?? null;
}
