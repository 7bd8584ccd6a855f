import type { Db } from '../../core/db';
import { findExceptions, findMeetingsInRange, type RangeFilter } from './meetings.queries';
import type { MeetingRow } from './meetings.table';
import { expandOccurrences, type Occurrence, type Timing } from './recurrence';

export interface MeetingOccurrence {
  row: MeetingRow;
  start: Date;
  end: Date;
  /** The slot the rule gave it: set for occurrences of a series and for exceptions, null for single meetings. */
  occurrenceStart: Date | null;
}

export function timingOf(row: MeetingRow): Timing {
  return { start: row.startAt, end: row.endAt, timezone: row.timezone, recurrence: row.recurrence };
}

// Series are expanded in the range; occurrences that have an exception row (moved or cancelled) give way to it.
export async function loadOccurrences(db: Db, filter: RangeFilter): Promise<MeetingOccurrence[]> {
  const rows = await findMeetingsInRange(db, filter);
  const series = rows.filter((r) => r.recurrence !== null);
  const exceptions = await findExceptions(
    db,
    series.map((s) => s.id),
  );
  const replaced = new Set(exceptions.map((e) => `${e.seriesId}|${e.recurrenceId?.getTime()}`));
  const out: MeetingOccurrence[] = [];
  for (const row of rows) {
    if (row.recurrence === null) {
      out.push({ row, start: row.startAt, end: row.endAt, occurrenceStart: row.recurrenceId });
      continue;
    }
    const occurrences: Occurrence[] = expandOccurrences(timingOf(row), filter.from, filter.to);
    for (const o of occurrences) {
      if (replaced.has(`${row.id}|${o.occurrenceStart.getTime()}`)) continue;
      out.push({ row, start: o.start, end: o.end, occurrenceStart: o.occurrenceStart });
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}
