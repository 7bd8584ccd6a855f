import type { Db } from '../../core/db';
import type { MeetingOccurrence } from './meeting-occurrences';
import { findAttendees, findUsersByIds, type AttendeeView } from './meetings.queries';
import type { Meeting } from './meetings.schema';
import type { MeetingRow } from './meetings.table';

export function toAttendee(a: AttendeeView): Meeting['attendees'][number] {
  return { user_id: a.userId, email: a.userEmail ?? a.email, name: a.userName ?? a.name, response: a.response };
}

// Loads organizers and attendees of many meetings in two queries.
export async function toMeetings(db: Db, items: MeetingOccurrence[]): Promise<Meeting[]> {
  const ids = [...new Set(items.map((i) => i.row.id))];
  const attendees = await findAttendees(db, ids);
  const organizers = await findUsersByIds(db, [...new Set(items.map((i) => i.row.organizerId))]);
  const names = new Map(organizers.map((u) => [u.id, u.name]));
  return items.map(({ row, start, end, occurrenceStart }) => ({
    id: row.id,
    series_id: row.seriesId,
    occurrence_start: occurrenceStart?.toISOString() ?? null,
    title: row.title,
    agenda: row.agenda,
    location: row.location,
    notes: row.notes,
    start: start.toISOString(),
    end: end.toISOString(),
    timezone: row.timezone,
    all_day: row.allDay,
    recurrence: row.recurrence,
    status: row.status,
    reminder_minutes: row.reminderMinutes,
    organizer: { id: row.organizerId, name: names.get(row.organizerId) ?? '' },
    attendees: attendees.filter((a) => a.meetingId === row.id).map(toAttendee),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  }));
}

export async function toMeeting(db: Db, row: MeetingRow): Promise<Meeting> {
  const [view] = await toMeetings(db, [{ row, start: row.startAt, end: row.endAt, occurrenceStart: row.recurrenceId }]);
  return view!;
}
