import ical, { ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { Db } from '../../core/db';
import type { AttendeeResponse } from './meeting-fields';
import { findAttendees, findExceptions, findUsersByIds, type AttendeeView } from './meetings.queries';
import type { MeetingRow } from './meetings.table';

const PARTSTAT: Record<AttendeeResponse, ICalAttendeeStatus> = {
  'needs-action': ICalAttendeeStatus.NEEDSACTION,
  accepted: ICalAttendeeStatus.ACCEPTED,
  declined: ICalAttendeeStatus.DECLINED,
  tentative: ICalAttendeeStatus.TENTATIVE,
};

export function meetingUid(seriesOrId: string): string {
  return `${seriesOrId}@clara`;
}

function local(at: Date, zone: string): DateTime {
  return DateTime.fromJSDate(at, { zone });
}

interface People {
  attendees: AttendeeView[];
  organizers: Map<string, { name: string; email: string }>;
}

// A changed or cancelled occurrence is its own VEVENT with the series' UID and a RECURRENCE-ID.
function addEvent(cal: ICalCalendar, row: MeetingRow, people: People, stamp: Date): void {
  const organizer = people.organizers.get(row.organizerId);
  const event = cal.createEvent({
    id: meetingUid(row.seriesId ?? row.id),
    sequence: row.sequence,
    stamp,
    start: local(row.startAt, row.timezone),
    end: local(row.endAt, row.timezone),
    ...(row.allDay ? { allDay: true } : { timezone: row.timezone }),
    summary: row.title,
    description: row.agenda ?? undefined,
    location: row.location ?? undefined,
    status: row.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    ...(row.recurrence && { repeating: `RRULE:${row.recurrence}` }),
    ...(row.recurrenceId && { recurrenceId: local(row.recurrenceId, row.timezone) }),
    lastModified: row.updatedAt,
    created: row.createdAt,
    ...(organizer && { organizer: { name: organizer.name, email: organizer.email } }),
  });
  for (const a of people.attendees.filter((x) => x.meetingId === row.id)) {
    const email = a.userEmail ?? a.email;
    if (!email) continue;
    event.createAttendee({ email, name: a.userName ?? a.name ?? email, status: PARTSTAT[a.response], rsvp: a.response === 'needs-action' });
  }
}

/**
 * RFC 5545 text for these meetings; series bring their exceptions along. `method` is PUBLISH for
 * downloads and feeds, REQUEST or CANCEL (RFC 5546) for invitations sent by email.
 */
export async function buildCalendar(
  db: Db,
  name: string,
  rows: MeetingRow[],
  stamp: Date,
  method: ICalCalendarMethod = ICalCalendarMethod.PUBLISH,
): Promise<string> {
  const seriesIds = rows.filter((r) => r.recurrence).map((r) => r.id);
  const known = new Set(rows.map((r) => r.id));
  const all = [...rows, ...(await findExceptions(db, seriesIds)).filter((e) => !known.has(e.id))];
  const attendees = await findAttendees(
    db,
    all.map((r) => r.id),
  );
  const users = await findUsersByIds(db, [...new Set(all.map((r) => r.organizerId))]);
  const people = { attendees, organizers: new Map(users.map((u) => [u.id, { name: u.name, email: u.email }])) };
  const cal = ical({ name, prodId: { company: 'Clara', product: 'Clara Helpdesk', language: 'EN' }, method });
  // VTIMEZONE blocks for every zone used, so DTSTART;TZID=… is self-contained.
  cal.timezone({ name: null, generator: (tz) => tzlib_get_ical_block(tz)[0] ?? null });
  for (const row of all) addEvent(cal, row, people, stamp);
  return cal.toString();
}
