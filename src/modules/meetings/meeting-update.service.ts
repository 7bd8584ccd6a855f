import { DateTime } from 'luxon';
import type { CoreContext } from '../../core/context';
import type { Db } from '../../core/db';
import { AppError } from '../../core/errors';
import type { Actor } from '../../core/rbac';
import { assertCanEdit, findVisibleMeeting, requireStaff } from './meeting-access';
import type { AttendeeResponse } from './meeting-fields';
import { assertNoConflicts } from './meeting-conflicts';
import { invitationRecipients, queueMeetingEmails } from './meeting-invitations.service';
import { invalid, resolveAttendees, resolveTiming } from './meeting-input';
import { timingOf } from './meeting-occurrences';
import { toMeeting } from './meeting-view';
import {
  cancelExceptions,
  deleteExceptions,
  findAttendees,
  findException,
  findExceptions,
  insertMeeting,
  replaceAttendees,
  setResponse,
  updateMeetingRow,
} from './meetings.queries';
import type { UpdateMeetingBody } from './meetings.schema';
import type { MeetingRow } from './meetings.table';
import { findOccurrence } from './recurrence';

const TIMING_FIELDS = ['start', 'end', 'timezone', 'all_day', 'recurrence'] as const;
// Changes attendees see in their calendars; notes and reminders are Clara-internal and send nothing.
const ATTENDEE_VISIBLE = [...TIMING_FIELDS, 'title', 'agenda', 'location', 'attendee_ids', 'external_attendees'] as const;

// Changing one occurrence turns it into its own row (an exception) that keeps the series' attendees.
async function detachOccurrence(tx: Db, series: MeetingRow, at: Date, now: Date): Promise<MeetingRow> {
  const existing = await findException(tx, series.id, at);
  if (existing) return existing;
  const occurrence = findOccurrence(timingOf(series), at);
  if (!occurrence) throw invalid('body.occurrence_start', 'occurrence_start is not an occurrence of this series');
  const { id: _id, createdAt: _c, ...fields } = series;
  const row = await insertMeeting(tx, {
    ...fields,
    startAt: occurrence.start,
    endAt: occurrence.end,
    recurrence: null,
    recurrenceEndAt: occurrence.end,
    seriesId: series.id,
    recurrenceId: occurrence.occurrenceStart,
    createdAt: now,
    updatedAt: now,
  });
  const attendees = await findAttendees(tx, [series.id]);
  await replaceAttendees(
    tx,
    row.id,
    attendees.map((a) => ({ userId: a.userId, email: a.email, name: a.name, response: a.response })),
  );
  return row;
}

function keptTime(at: Date, zone: string, allDay: boolean): string {
  return allDay ? DateTime.fromJSDate(at, { zone }).toISODate()! : at.toISOString();
}

async function applyChanges(tx: Db, row: MeetingRow, input: UpdateMeetingBody, now: Date): Promise<MeetingRow> {
  const changes: Partial<MeetingRow> = {};
  if (input.title !== undefined) changes.title = input.title;
  for (const key of ['agenda', 'location', 'notes'] as const) if (input[key] !== undefined) changes[key] = input[key] ?? null;
  if (input.reminder_minutes !== undefined) changes.reminderMinutes = input.reminder_minutes;

  const timingChanged = TIMING_FIELDS.some((k) => input[k] !== undefined);
  let timing = { ...timingOf(row), allDay: row.allDay };
  if (timingChanged) {
    if (row.seriesId && input.recurrence) throw invalid('body.recurrence', 'a single occurrence cannot get its own recurrence');
    const zone = input.timezone ?? row.timezone;
    const allDay = input.all_day ?? row.allDay;
    const resolved = resolveTiming({
      start: input.start ?? keptTime(row.startAt, zone, allDay),
      end: input.end ?? keptTime(row.endAt, zone, allDay),
      timezone: zone,
      allDay,
      recurrence: input.recurrence === undefined ? row.recurrence : input.recurrence,
    });
    timing = resolved;
    Object.assign(changes, {
      startAt: resolved.start,
      endAt: resolved.end,
      timezone: resolved.timezone,
      allDay: resolved.allDay,
      recurrence: resolved.recurrence,
      recurrenceEndAt: resolved.recurrenceEndAt,
    });
  }

  const attendeesChanged = input.attendee_ids !== undefined || input.external_attendees !== undefined;
  const current = await findAttendees(tx, [row.id]);
  const attendees = attendeesChanged
    ? await resolveAttendees(
        tx,
        row.organizerId,
        input.attendee_ids ?? current.flatMap((a) => (a.userId ? [a.userId] : [])),
        input.external_attendees ?? current.flatMap((a) => (a.email ? [{ email: a.email, name: a.name ?? undefined }] : [])),
      )
    : { list: [], staffIds: current.flatMap((a) => (a.userId ? [a.userId] : [])) };
  if ((timingChanged || attendeesChanged) && !input.allow_conflicts) {
    await assertNoConflicts(tx, {
      timing,
      staffIds: attendees.staffIds,
      excludeIds: [row.id],
      excludeSeriesId: row.recurrence ? row.id : undefined,
    });
  }
  // Old exceptions are keyed by the old rule's slots, which a new time or rule no longer produces.
  if (row.recurrence && timingChanged) await deleteExceptions(tx, row.id);
  if (attendeesChanged) await replaceAttendees(tx, row.id, attendees.list);
  return updateMeetingRow(tx, row.id, { ...changes, sequence: row.sequence + 1, updatedAt: now });
}

/** Changes the series (default) or, with scope 'occurrence', only the occurrence starting at occurrence_start. */
export async function updateMeeting(ctx: CoreContext, actor: Actor, id: string, input: UpdateMeetingBody) {
  const staff = requireStaff(actor);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await findVisibleMeeting(tx, staff, id, { lock: true });
    assertCanEdit(staff, row);
    if (row.status === 'cancelled') throw new AppError('CONFLICT', 'A cancelled meeting cannot be changed.');
    const single = input.scope === 'occurrence' && row.recurrence !== null;
    if (single && input.recurrence !== undefined) throw invalid('body.recurrence', 'a single occurrence cannot get its own recurrence');
    const target = single ? await detachOccurrence(tx, row, new Date(input.occurrence_start!), now) : row;
    if (target.status === 'cancelled') throw new AppError('CONFLICT', 'This occurrence is cancelled.');
    const before = await invitationRecipients(tx, target);
    const updated = await applyChanges(tx, target, input, now);
    if (ATTENDEE_VISIBLE.some((k) => input[k] !== undefined)) {
      const after = await invitationRecipients(tx, updated);
      await queueMeetingEmails(ctx, tx, updated, 'REQUEST', after);
      await queueMeetingEmails(ctx, tx, updated, 'CANCEL', before.filter((e) => !after.includes(e)));
    }
    return toMeeting(tx, updated);
  });
}

/** Cancels the meeting (a whole series with its exceptions), or one occurrence of a series. */
export async function cancelMeeting(ctx: CoreContext, actor: Actor, id: string, occurrenceStart?: string) {
  const staff = requireStaff(actor);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await findVisibleMeeting(tx, staff, id, { lock: true });
    assertCanEdit(staff, row);
    const target = occurrenceStart && row.recurrence ? await detachOccurrence(tx, row, new Date(occurrenceStart), now) : row;
    if (target.status === 'cancelled') return toMeeting(tx, target);
    if (target.recurrence) await cancelExceptions(tx, target.id, now);
    const cancelled = await updateMeetingRow(tx, target.id, { status: 'cancelled', sequence: target.sequence + 1, updatedAt: now });
    await queueMeetingEmails(ctx, tx, cancelled, 'CANCEL');
    return toMeeting(tx, cancelled);
  });
}

/** An attendee answers for the whole series (and its changed occurrences). */
export async function respondToMeeting(ctx: CoreContext, actor: Actor, id: string, response: AttendeeResponse) {
  const staff = requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const row = await findVisibleMeeting(tx, staff, id);
    if (row.status === 'cancelled') throw new AppError('CONFLICT', 'This meeting is cancelled.');
    const ids = row.recurrence ? [row.id, ...(await findExceptions(tx, [row.id])).map((e) => e.id)] : [row.id];
    const updated = await setResponse(tx, ids, staff.id, response, ctx.clock.now());
    if (updated === 0) throw new AppError('FORBIDDEN', 'You are not an attendee of this meeting.');
    return toMeeting(tx, (await findVisibleMeeting(tx, staff, id))!);
  });
}
