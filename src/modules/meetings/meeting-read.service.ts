import type { CoreContext } from '../../core/context';
import type { Actor } from '../../core/rbac';
import { findVisibleMeeting, managesMeetings, requireStaff } from './meeting-access';
import { invalid } from './meeting-input';
import { loadOccurrences } from './meeting-occurrences';
import { toMeeting, toMeetings } from './meeting-view';
import { findRemindersForUser } from './meetings.queries';
import type { ListMeetingsQuery } from './meetings.schema';

const MAX_RANGE_MS = 366 * 86_400_000;

export function readRange(fromText: string, toText: string, field = 'querystring') {
  const from = new Date(fromText);
  const to = new Date(toText);
  if (to <= from) throw invalid(`${field}.to`, 'to must be after from');
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) throw invalid(`${field}.to`, 'the range is at most 366 days');
  return { from, to };
}

/** Occurrences in the range, series expanded; staff without meetings:manage see only their own meetings. */
export async function listMeetings(ctx: CoreContext, actor: Actor, q: ListMeetingsQuery) {
  const staff = requireStaff(actor);
  const { from, to } = readRange(q.from, q.to);
  const attendee = q.attendee === 'me' ? staff.id : q.attendee;
  const items = await loadOccurrences(ctx.db, {
    from,
    to,
    includeCancelled: q.include_cancelled ?? false,
    ...(attendee && { busyUserIds: [attendee] }),
    ...(!managesMeetings(staff) && { visibleTo: staff.id }),
  });
  return { items: await toMeetings(ctx.db, items) };
}

export async function getMeeting(ctx: CoreContext, actor: Actor, id: string) {
  const row = await findVisibleMeeting(ctx.db, requireStaff(actor), id);
  return toMeeting(ctx.db, row);
}

export async function listMyReminders(ctx: CoreContext, actor: Actor) {
  const staff = requireStaff(actor);
  const since = new Date(ctx.clock.now().getTime() - 7 * 86_400_000);
  const rows = await findRemindersForUser(ctx.db, staff.id, since);
  return {
    items: rows.map((r) => ({
      meeting_id: r.meetingId,
      title: r.title,
      occurrence_start: r.occurrenceStart.toISOString(),
      sent_at: r.sentAt.toISOString(),
    })),
  };
}
