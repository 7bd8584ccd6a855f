import { DateTime, type Duration } from 'luxon';
import rrulePkg from 'rrule';

// rrule ships CommonJS without named ESM exports.
const { RRule } = rrulePkg;

export interface Timing {
  start: Date;
  end: Date;
  timezone: string;
  recurrence: string | null;
}

export interface Occurrence {
  start: Date;
  end: Date;
  /** The start the rule gives this occurrence; the key of an exception (RECURRENCE-ID). */
  occurrenceStart: Date;
}

const ALLOWED_FREQUENCIES = new Set([RRule.YEARLY, RRule.MONTHLY, RRule.WEEKLY, RRule.DAILY]);
const MAX_COUNT = 1000;
/** Expansion stops here, so a daily rule without an end cannot make a request loop for long. */
export const MAX_EXPANSION = 2000;
const DAY_MS = 86_400_000;

export class RecurrenceError extends Error {}

// rrule knows no time zones: it runs on "floating" wall-clock times kept in a Date's UTC fields, and each
// result becomes a real instant in the meeting's zone here, so 10:00 stays 10:00 across a DST switch.
function toFloating(dt: DateTime): Date {
  return new Date(Date.UTC(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute, dt.second));
}

function fromFloating(d: Date, zone: string): DateTime {
  return DateTime.fromObject(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    },
    { zone },
  );
}

/** Validates an RFC 5545 RRULE value (with or without the `RRULE:` prefix) and returns it normalised. */
export function normalizeRrule(input: string): string {
  const text = input.trim().replace(/^RRULE:/i, '').toUpperCase();
  if (!/^[A-Z0-9=;,+-]+$/.test(text) || !text.includes('FREQ=')) throw new RecurrenceError('recurrence must be an RRULE such as FREQ=WEEKLY;BYDAY=MO');
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(text);
  } catch (err) {
    throw new RecurrenceError(`recurrence is not a valid RRULE: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (options.freq === undefined || !ALLOWED_FREQUENCIES.has(options.freq)) {
    throw new RecurrenceError('recurrence FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY');
  }
  if (options.count != null && (options.count < 1 || options.count > MAX_COUNT)) throw new RecurrenceError(`recurrence COUNT must be 1..${MAX_COUNT}`);
  if (options.count != null && options.until != null) throw new RecurrenceError('recurrence cannot have both COUNT and UNTIL');
  return text;
}

function buildRule(t: Timing) {
  const text = normalizeRrule(t.recurrence!);
  const options = RRule.parseString(text);
  const untilRaw = /UNTIL=([0-9TZ]+)/.exec(text)?.[1];
  if (options.until && untilRaw) {
    if (untilRaw.endsWith('Z')) options.until = toFloating(DateTime.fromJSDate(options.until, { zone: t.timezone }));
    // A date-only UNTIL includes that whole day.
    else if (untilRaw.length === 8) options.until = new Date(options.until.getTime() + DAY_MS - 1000);
  }
  const startLocal = DateTime.fromJSDate(t.start, { zone: t.timezone });
  return new RRule({ ...options, dtstart: toFloating(startLocal) });
}

// Wall-clock length: an all-day meeting stays whole days even on a 23-hour DST day.
function wallDuration(t: Timing): Duration {
  const s = DateTime.fromJSDate(t.start, { zone: t.timezone });
  const e = DateTime.fromJSDate(t.end, { zone: t.timezone });
  return e.diff(s, ['days', 'milliseconds']);
}

function toOccurrence(floating: Date, t: Timing, length: Duration): Occurrence {
  const start = fromFloating(floating, t.timezone);
  return { start: start.toJSDate(), end: start.plus(length).toJSDate(), occurrenceStart: start.toJSDate() };
}

/** The occurrences overlapping [from, to), in order; a single meeting is its own only occurrence. */
export function expandOccurrences(t: Timing, from: Date, to: Date, limit = MAX_EXPANSION): Occurrence[] {
  if (!t.recurrence) {
    return t.start < to && t.end > from ? [{ start: t.start, end: t.end, occurrenceStart: t.start }] : [];
  }
  const rule = buildRule(t);
  const length = wallDuration(t);
  const pad = t.end.getTime() - t.start.getTime() + 2 * DAY_MS;
  const after = toFloating(DateTime.fromJSDate(new Date(from.getTime() - pad), { zone: t.timezone }));
  const before = toFloating(DateTime.fromJSDate(new Date(to.getTime() + 2 * DAY_MS), { zone: t.timezone }));
  return rule
    .between(after, before, true, (_d, i) => i < limit)
    .map((d) => toOccurrence(d, t, length))
    .filter((o) => o.start < to && o.end > from);
}

/** End of the last occurrence, or null when the rule has no end (or more than the expansion limit). */
export function seriesEnd(t: Timing): Date | null {
  if (!t.recurrence) return t.end;
  const rule = buildRule(t);
  if (rule.options.count == null && rule.options.until == null) return null;
  const all = rule.all((_d, i) => i < MAX_EXPANSION + 1);
  if (all.length === 0) return t.end;
  if (all.length > MAX_EXPANSION) return null;
  return toOccurrence(all[all.length - 1]!, t, wallDuration(t)).end;
}

/** The occurrence that the rule starts at exactly this instant, if any. */
export function findOccurrence(t: Timing, occurrenceStart: Date): Occurrence | null {
  const at = occurrenceStart.getTime();
  return expandOccurrences(t, occurrenceStart, new Date(at + 1)).find((o) => o.occurrenceStart.getTime() === at) ?? null;
}

/** An ISO-8601 date-time; without an offset it is read as wall-clock time in `zone`. */
export function parseInstant(value: string, zone: string): Date | null {
  const dt = DateTime.fromISO(value, { zone });
  return dt.isValid ? dt.toJSDate() : null;
}

/** Midnight starting this calendar day (YYYY-MM-DD, or the date part of a date-time) in `zone`. */
export function parseDay(value: string, zone: string): Date | null {
  const dt = DateTime.fromISO(value.slice(0, 10), { zone });
  return dt.isValid ? dt.startOf('day').toJSDate() : null;
}
