import type { CoreContext } from '../../core/context';
import type { Actor } from '../../core/rbac';
import { findUserById } from '../users';
import { requireStaff } from './meeting-access';
import { assertNoConflicts } from './meeting-conflicts';
import { queueMeetingEmails } from './meeting-invitations.service';
import { resolveAttendees, resolveTiming } from './meeting-input';
import { toMeeting } from './meeting-view';
import { insertMeeting, replaceAttendees } from './meetings.queries';
import type { CreateMeetingBody } from './meetings.schema';

const DEFAULT_REMINDER_MINUTES = 15;

export async function createMeeting(ctx: CoreContext, actor: Actor, input: CreateMeetingBody) {
  const staff = requireStaff(actor);
  const organizer = await findUserById(ctx.db, staff.id);
  const timing = resolveTiming({
    start: input.start,
    end: input.end,
    timezone: input.timezone ?? organizer?.timezone ?? 'UTC',
    allDay: input.all_day ?? false,
    recurrence: input.recurrence ?? null,
  });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const attendees = await resolveAttendees(tx, staff.id, input.attendee_ids, input.external_attendees);
    if (!input.allow_conflicts) await assertNoConflicts(tx, { timing, staffIds: attendees.staffIds });
    const row = await insertMeeting(tx, {
      title: input.title,
      agenda: input.agenda ?? null,
      location: input.location ?? null,
      notes: input.notes ?? null,
      startAt: timing.start,
      endAt: timing.end,
      timezone: timing.timezone,
      allDay: timing.allDay,
      recurrence: timing.recurrence,
      recurrenceEndAt: timing.recurrenceEndAt,
      organizerId: staff.id,
      reminderMinutes: input.reminder_minutes === undefined ? DEFAULT_REMINDER_MINUTES : input.reminder_minutes,
      createdAt: now,
      updatedAt: now,
    });
    await replaceAttendees(tx, row.id, attendees.list);
    await queueMeetingEmails(ctx, tx, row, 'REQUEST');
    return toMeeting(tx, row);
  });
}
