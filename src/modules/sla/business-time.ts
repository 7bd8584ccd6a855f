import { DateTime, IANAZone } from 'luxon';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WorkingHours {
  day: Weekday;
  /** Local time "HH:MM"; end may be "24:00". */
  start: string;
  end: string;
}

export interface BusinessCalendar {
  timezone: string;
  workingHours: WorkingHours[];
  /** Local dates "YYYY-MM-DD" on which nobody works. */
  holidays: string[];
}

// A calendar that is always open: deadlines are plain wall-clock time.
export const ALWAYS_OPEN = null;
export type Calendar = BusinessCalendar | typeof ALWAYS_OPEN;

// Ten years of days: a calendar with working hours always finds its time long before that.
const MAX_DAYS = 3660;

export function isValidTimezone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

// Local wall time on that day ("24:00" is the next midnight); set(), not plus(), so DST days keep 09:00 at 09:00.
function localInstant(day: DateTime, hhmm: string): number {
  const [hour, minute] = hhmm.split(':').map(Number);
  if (hour === 24) return day.plus({ days: 1 }).startOf('day').toMillis();
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
}

interface Interval {
  start: number;
  end: number;
}

// The working intervals of one local day as absolute instants; local times make DST days right.
function dayIntervals(cal: BusinessCalendar, day: DateTime): Interval[] {
  if (cal.holidays.includes(day.toISODate()!)) return [];
  const weekday = WEEKDAYS[day.weekday - 1];
  return cal.workingHours
    .filter((w) => w.day === weekday)
    .map((w) => ({ start: localInstant(day, w.start), end: localInstant(day, w.end) }))
    .sort((a, b) => a.start - b.start);
}

function* intervalsFrom(cal: BusinessCalendar, from: Date): Generator<Interval> {
  let day = DateTime.fromJSDate(from, { zone: cal.timezone }).startOf('day');
  for (let i = 0; i < MAX_DAYS; i += 1) {
    yield* dayIntervals(cal, day);
    day = day.plus({ days: 1 }).startOf('day');
  }
  throw new Error('the business calendar has no working time in the next ten years');
}

/** The instant after `ms` of business time has passed from `from`. */
export function addBusinessTime(cal: Calendar, from: Date, ms: number): Date {
  if (cal === ALWAYS_OPEN) return new Date(from.getTime() + ms);
  let left = ms;
  const t0 = from.getTime();
  for (const iv of intervalsFrom(cal, from)) {
    const start = Math.max(iv.start, t0);
    if (start >= iv.end) continue;
    if (left <= iv.end - start) return new Date(start + left);
    left -= iv.end - start;
  }
  throw new Error('unreachable');
}

/** Business time (ms) between two instants; 0 when `to` is not after `from`. */
export function businessTimeBetween(cal: Calendar, from: Date, to: Date): number {
  const t0 = from.getTime();
  const t1 = to.getTime();
  if (t1 <= t0) return 0;
  if (cal === ALWAYS_OPEN) return t1 - t0;
  let total = 0;
  for (const iv of intervalsFrom(cal, from)) {
    if (iv.start >= t1) break;
    total += Math.max(0, Math.min(iv.end, t1) - Math.max(iv.start, t0));
  }
  return total;
}
