import { DateTime } from 'luxon';
import { AppError } from '../../core/errors';
import type { Db } from '../../core/db';
import type { NewAttendee } from './meetings.queries';
import { findUsersByIds } from './meetings.queries';
import { normalizeRrule, parseDay, parseInstant, RecurrenceError, seriesEnd, type Timing } from './recurrence';

const MAX_LENGTH_MS = 31 * 86_400_000;

export function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ field, message }]);
}

export interface TimingInput {
  start: string;
  end: string;
  timezone: string;
  allDay: boolean;
  recurrence: string | null;
}

export interface ResolvedTiming extends Timing {
  allDay: boolean;
  recurrenceEndAt: Date | null;
}

/** Turns the request's ISO times into UTC instants plus the zone; an all-day meeting spans whole local days. */
export function resolveTiming(input: TimingInput): ResolvedTiming {
  const zone = input.timezone;
  const parse = input.allDay ? parseDay : parseInstant;
  const start = parse(input.start, zone);
  let end = parse(input.end, zone);
  if (!start) throw invalid('body.start', 'start is not a valid date-time');
  if (!end) throw invalid('body.end', 'end is not a valid date-time');
  // An all-day meeting given as one day (start = end) lasts that day.
  if (input.allDay && end.getTime() === start.getTime()) end = DateTime.fromJSDate(start, { zone }).plus({ days: 1 }).toJSDate();
  if (end <= start) throw invalid('body.end', 'end must be after start');
  if (end.getTime() - start.getTime() > MAX_LENGTH_MS) throw invalid('body.end', 'a meeting lasts at most 31 days');
  let recurrence: string | null = null;
  try {
    recurrence = input.recurrence ? normalizeRrule(input.recurrence) : null;
  } catch (err) {
    if (err instanceof RecurrenceError) throw invalid('body.recurrence', err.message);
    throw err;
  }
  const timing = { start, end, timezone: zone, recurrence };
  return { ...timing, allDay: input.allDay, recurrenceEndAt: recurrence ? seriesEnd(timing) : end };
}

/** Staff attendees must be active users (unknown ones answer 400); the organizer always attends. */
export async function resolveAttendees(
  db: Db,
  organizerId: string,
  attendeeIds: string[],
  external: { email: string; name?: string }[] = [],
): Promise<{ list: NewAttendee[]; staffIds: string[] }> {
  const ids = [...new Set([organizerId, ...attendeeIds])];
  const found = await findUsersByIds(db, ids);
  const active = new Set(found.filter((u) => u.active).map((u) => u.id));
  const unknown = ids.filter((id) => !active.has(id));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Unknown or inactive attendee.', unknown.map((id) => ({ field: 'body.attendee_ids', message: `no active user ${id}` })));
  }
  const staffEmails = new Set(found.map((u) => u.email));
  const externals = [...new Map(external.filter((e) => !staffEmails.has(e.email)).map((e) => [e.email, e])).values()];
  const list: NewAttendee[] = [
    ...ids.map((id) => ({ userId: id, email: null, name: null, ...(id === organizerId && { response: 'accepted' as const }) })),
    ...externals.map((e) => ({ userId: null, email: e.email, name: e.name ?? null })),
  ];
  return { list, staffIds: ids };
}
