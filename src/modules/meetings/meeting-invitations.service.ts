import { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import type { CoreContext } from '../../core/context';
import type { Db } from '../../core/db';
import { enqueueNotificationEmail } from '../email';
import { buildCalendar } from './meeting-ics';
import { findAttendees, findUsersByIds } from './meetings.queries';
import type { MeetingRow } from './meetings.table';

export type InvitationMethod = 'REQUEST' | 'CANCEL';

/** Who receives a meeting's invitations: every attendee with an address except the organizer. */
export async function invitationRecipients(tx: Db, row: MeetingRow): Promise<string[]> {
  const [organizer] = await findUsersByIds(tx, [row.organizerId]);
  const emails = (await findAttendees(tx, [row.id])).map((a) => (a.userEmail ?? a.email)?.toLowerCase()).filter((e): e is string => Boolean(e));
  return [...new Set(emails)].filter((e) => e !== organizer?.email.toLowerCase());
}

function when(row: MeetingRow): string {
  const start = DateTime.fromJSDate(row.startAt, { zone: row.timezone });
  const end = DateTime.fromJSDate(row.endAt, { zone: row.timezone });
  if (row.allDay) return `${start.toFormat('cccc d LLLL yyyy')} (all day)`;
  return `${start.toFormat('cccc d LLLL yyyy, HH:mm')}–${end.toFormat('HH:mm')} (${row.timezone})`;
}

function describe(row: MeetingRow, method: InvitationMethod, organizerName: string): { subject: string; body: string } {
  if (method === 'CANCEL') {
    return { subject: `Cancelled: ${row.title}`, body: `${organizerName} cancelled "${row.title}" (${when(row)}).` };
  }
  const lines = [`${organizerName} invites you to "${row.title}".`, '', `When: ${when(row)}`];
  if (row.recurrence) lines.push(`Repeats: ${row.recurrence}`);
  if (row.location) lines.push(`Where: ${row.location}`);
  if (row.agenda) lines.push('', 'Agenda:', row.agenda);
  lines.push('', 'The attached invitation adds it to your calendar.');
  return { subject: `${row.sequence > 0 ? 'Updated invitation' : 'Invitation'}: ${row.title}`, body: lines.join('\n') };
}

/**
 * Queues an iCalendar invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL) for each
 * recipient in the caller's transaction, so it goes out only if the change commits. The dedupe key
 * carries the meeting's SEQUENCE: one email per recipient per version of the meeting.
 */
export async function queueMeetingEmails(ctx: CoreContext, tx: Db, row: MeetingRow, method: InvitationMethod, to?: string[]): Promise<number> {
  const recipients = to ?? (await invitationRecipients(tx, row));
  if (recipients.length === 0) return 0;
  const [organizer] = await findUsersByIds(tx, [row.organizerId]);
  const ics = await buildCalendar(tx, row.title, [row], ctx.clock.now(), method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  const { subject, body } = describe(row, method, organizer?.name ?? 'A colleague');
  for (const email of recipients) {
    await enqueueNotificationEmail(ctx, tx, {
      kind: 'invitation',
      to: email,
      subject,
      body,
      attachments: [{ filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics', contentType: `text/calendar; method=${method}; charset=UTF-8`, content: ics }],
      dedupeKey: `meeting:${row.id}:${row.sequence}:${method}:${email}`,
    });
  }
  return recipients.length;
}
