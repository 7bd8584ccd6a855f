import { DateTime } from 'luxon';
import type { CreateMeetingBody, Meeting, UpdateMeetingBody } from '@shared/modules/meetings/meetings.schema';

export type Repeat = 'none' | 'daily' | 'weekly';

export interface MeetingForm {
  title: string;
  agenda: string;
  location: string;
  /** Wall-clock times in `timezone`, as a datetime-local input holds them: "2026-03-10T10:00". */
  start: string;
  end: string;
  timezone: string;
  attendeeIds: string[];
  externalEmails: string[];
  repeat: Repeat;
  /** A rule the repeat choice cannot express (made through the API); kept unchanged. */
  customRecurrence: string | null;
  allowConflicts: boolean;
}

const WALL = "yyyy-MM-dd'T'HH:mm";
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** An instant as the wall-clock time a datetime-local input shows in `zone`. */
export function toWallTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat(WALL);
}

/** A wall-clock time in `zone` as a UTC ISO instant, or null when it is not a valid time. */
export function wallToIso(wall: string, zone: string): string | null {
  const dt = DateTime.fromFormat(wall, WALL, { zone });
  return dt.isValid ? dt.toUTC().toISO() : null;
}

/** The RRULE for a repeat choice; a weekly meeting repeats on its start's weekday. */
export function buildRrule(repeat: Repeat, startWall: string): string | null {
  if (repeat === 'none') return null;
  if (repeat === 'daily') return 'FREQ=DAILY';
  const weekday = DateTime.fromFormat(startWall, WALL).weekday;
  return `FREQ=WEEKLY;BYDAY=${BYDAY[(Number.isNaN(weekday) ? 1 : weekday) - 1]}`;
}

/** The repeat choice an RRULE matches; rules the dialog cannot edit answer null (kept as they are). */
export function repeatOf(rrule: string | null): Repeat | null {
  if (!rrule) return 'none';
  const parts = Object.fromEntries(rrule.replace(/^RRULE:/i, '').split(';').map((p) => p.split('=') as [string, string]));
  const extra = Object.keys(parts).filter((k) => !['FREQ', 'BYDAY', 'INTERVAL', 'WKST'].includes(k) || (k === 'INTERVAL' && parts[k] !== '1'));
  if (extra.length > 0) return null;
  if (parts.FREQ === 'DAILY' && !parts.BYDAY) return 'daily';
  if (parts.FREQ === 'WEEKLY' && (!parts.BYDAY || !parts.BYDAY.includes(','))) return 'weekly';
  return null;
}

const WEEKDAY_NAMES: Record<string, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };

/** "every Monday", "every day", or the rule itself when the dialog does not build such rules. */
export function describeRecurrence(rrule: string): string {
  const repeat = repeatOf(rrule);
  if (repeat === 'daily') return 'every day';
  const day = /BYDAY=([A-Z]{2})/.exec(rrule)?.[1];
  if (repeat === 'weekly') return day ? `every ${WEEKDAY_NAMES[day]}` : 'every week';
  return rrule.replace(/^RRULE:/i, '');
}

export function emptyForm(timezone: string, start: DateTime): MeetingForm {
  const from = start.setZone(timezone);
  return {
    title: '',
    agenda: '',
    location: '',
    start: from.toFormat(WALL),
    end: from.plus({ minutes: 30 }).toFormat(WALL),
    timezone,
    attendeeIds: [],
    externalEmails: [],
    repeat: 'none',
    customRecurrence: null,
    allowConflicts: false,
  };
}

/** The organizer always attends, so the picker lists everyone else (me included when I was invited). */
export function meetingToForm(m: Meeting): MeetingForm {
  return {
    title: m.title,
    agenda: m.agenda ?? '',
    location: m.location ?? '',
    start: toWallTime(m.start, m.timezone),
    end: toWallTime(m.end, m.timezone),
    timezone: m.timezone,
    attendeeIds: m.attendees.filter((a) => a.user_id && a.user_id !== m.organizer.id).map((a) => a.user_id!),
    externalEmails: m.attendees.filter((a) => !a.user_id && a.email).map((a) => a.email!),
    repeat: repeatOf(m.recurrence) ?? 'none',
    customRecurrence: repeatOf(m.recurrence) === null ? m.recurrence : null,
    allowConflicts: false,
  };
}

export function durationMinutes(form: Pick<MeetingForm, 'start' | 'end' | 'timezone'>): number {
  const start = DateTime.fromFormat(form.start, WALL, { zone: form.timezone });
  const end = DateTime.fromFormat(form.end, WALL, { zone: form.timezone });
  return start.isValid && end.isValid ? Math.round(end.diff(start, 'minutes').minutes) : 0;
}

export function formToCreateBody(form: MeetingForm, allowConflicts = form.allowConflicts): CreateMeetingBody {
  return {
    title: form.title.trim(),
    agenda: form.agenda.trim() || null,
    location: form.location.trim() || null,
    start: form.start,
    end: form.end,
    timezone: form.timezone,
    attendee_ids: form.attendeeIds,
    external_attendees: form.externalEmails.map((email) => ({ email: email.trim().toLowerCase() })),
    recurrence: form.customRecurrence ?? buildRrule(form.repeat, form.start),
    allow_conflicts: allowConflicts || undefined,
  };
}

export type EditScope = 'series' | 'occurrence';

/**
 * The PATCH body for an edit. For the whole series a changed time moves the series' first start by the same
 * offset, so editing from any occurrence keeps earlier occurrences in place.
 */
export function formToUpdateBody(form: MeetingForm, initial: MeetingForm, scope: EditScope, occurrenceStart: string | null, seriesStart: string | null, allowConflicts = form.allowConflicts): UpdateMeetingBody {
  const body: UpdateMeetingBody = { ...formToCreateBody(form, allowConflicts), scope, ...(scope === 'occurrence' && occurrenceStart ? { occurrence_start: occurrenceStart } : {}) };
  const timingChanged = form.start !== initial.start || form.end !== initial.end || form.timezone !== initial.timezone;
  if (scope === 'occurrence' || (form.repeat === initial.repeat && !timingChanged)) delete body.recurrence;
  if (!timingChanged) {
    delete body.start;
    delete body.end;
    delete body.timezone;
  } else if (scope === 'series' && seriesStart) {
    const shift = DateTime.fromFormat(form.start, WALL, { zone: form.timezone }).diff(DateTime.fromFormat(initial.start, WALL, { zone: initial.timezone }));
    const first = DateTime.fromISO(seriesStart, { zone: form.timezone }).plus(shift);
    body.start = first.toFormat(WALL);
    body.end = first.plus({ minutes: durationMinutes(form) }).toFormat(WALL);
    body.recurrence = form.customRecurrence ?? buildRrule(form.repeat, body.start);
  }
  return body;
}

/** Free times to offer instead of a conflicting one: same people and length, from that day (not the past) for a week. */
export function suggestionQuery(form: MeetingForm, now: DateTime) {
  const day = DateTime.fromFormat(form.start, WALL, { zone: form.timezone }).startOf('day');
  const from = day.isValid && day > now ? day : now.startOf('minute');
  return { attendees: ['me', ...form.attendeeIds], duration: Math.max(5, durationMinutes(form)), from: from.toUTC().toISO()!, to: from.plus({ days: 7 }).toUTC().toISO()!, limit: 40 };
}

export interface DaySlots<T extends { start: string }> {
  day: string;
  label: string;
  slots: T[];
}

/** Free slots grouped by their local day, in order, for the "find a time" list. */
export function groupSlotsByDay<T extends { start: string }>(slots: T[], zone: string): DaySlots<T>[] {
  const days = new Map<string, DaySlots<T>>();
  for (const slot of slots) {
    const dt = DateTime.fromISO(slot.start, { zone });
    const day = dt.toISODate()!;
    if (!days.has(day)) days.set(day, { day, label: dt.toFormat('ccc d LLL'), slots: [] });
    days.get(day)!.slots.push(slot);
  }
  return [...days.values()];
}
