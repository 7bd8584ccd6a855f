import { DateTime } from 'luxon';
import type { WorkingHours } from '../users';

export interface Interval {
  start: Date;
  end: Date;
}

/** Half-open intervals: two meetings that only touch (one ends as the other starts) do not overlap. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

export function mergeIntervals(list: Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a.start.getTime() - b.start.getTime());
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) {
      if (i.end > last.end) last.end = i.end;
    } else out.push({ start: i.start, end: i.end });
  }
  return out;
}

export function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const start = x.start > y.start ? x.start : y.start;
      const end = x.end < y.end ? x.end : y.end;
      if (start < end) out.push({ start, end });
    }
  }
  return mergeIntervals(out);
}

export function subtract(free: Interval[], busy: Interval[]): Interval[] {
  let out = mergeIntervals(free);
  for (const b of mergeIntervals(busy)) {
    out = out.flatMap((f) => {
      if (!overlaps(f, b)) return [f];
      const parts: Interval[] = [];
      if (f.start < b.start) parts.push({ start: f.start, end: b.start });
      if (b.end < f.end) parts.push({ start: b.end, end: f.end });
      return parts;
    });
  }
  return out;
}

/** A user's working hours inside [from, to), each day computed in their own zone (so DST moves them in UTC). */
export function workingIntervals(hours: WorkingHours, zone: string, from: Date, to: Date): Interval[] {
  const [sh, sm] = hours.start.split(':').map(Number) as [number, number];
  const [eh, em] = hours.end.split(':').map(Number) as [number, number];
  const out: Interval[] = [];
  const last = DateTime.fromJSDate(to, { zone }).endOf('day');
  for (let day = DateTime.fromJSDate(from, { zone }).startOf('day'); day <= last; day = day.plus({ days: 1 })) {
    if (!hours.days.includes(day.weekday)) continue;
    const start = day.set({ hour: sh, minute: sm }).toJSDate();
    const end = day.set({ hour: eh, minute: em }).toJSDate();
    out.push({ start, end });
  }
  return intersect(out, [{ start: from, end: to }]);
}

/** Slots of `minutes` inside the free intervals, starting on `step`-minute boundaries. */
export function slotsIn(free: Interval[], minutes: number, stepMinutes: number, limit: number): Interval[] {
  const length = minutes * 60_000;
  const step = stepMinutes * 60_000;
  const out: Interval[] = [];
  for (const f of free) {
    for (let s = Math.ceil(f.start.getTime() / step) * step; s + length <= f.end.getTime(); s += step) {
      out.push({ start: new Date(s), end: new Date(s + length) });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
