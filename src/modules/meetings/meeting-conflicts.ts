import type { Db } from '../../core/db';
import { AppError } from '../../core/errors';
import { overlaps } from './intervals';
import { loadOccurrences } from './meeting-occurrences';
import { findAttendees } from './meetings.queries';
import type { Conflict } from './meetings.schema';
import { expandOccurrences, seriesEnd, type Timing } from './recurrence';

/** A new series is checked this far ahead; occurrences further out are not compared. */
const CONFLICT_HORIZON_MS = 366 * 86_400_000;
const MAX_CONFLICTS = 50;

export interface ConflictCheck {
  timing: Timing;
  staffIds: string[];
  excludeIds?: string[];
  excludeSeriesId?: string;
}

export async function findConflicts(db: Db, c: ConflictCheck): Promise<Conflict[]> {
  if (c.staffIds.length === 0) return [];
  const horizon = new Date(c.timing.start.getTime() + CONFLICT_HORIZON_MS);
  const last = seriesEnd(c.timing) ?? horizon;
  const candidates = expandOccurrences(c.timing, c.timing.start, last < horizon ? last : horizon);
  if (candidates.length === 0) return [];
  const busy = await loadOccurrences(db, {
    from: candidates[0]!.start,
    to: candidates[candidates.length - 1]!.end,
    busyUserIds: c.staffIds,
    excludeIds: c.excludeIds,
    excludeSeriesId: c.excludeSeriesId,
  });
  const clashing = busy.filter((b) => candidates.some((o) => overlaps(o, b)));
  if (clashing.length === 0) return [];
  const attendees = await findAttendees(db, [...new Set(clashing.map((b) => b.row.id))]);
  const ours = new Set(c.staffIds);
  return clashing.slice(0, MAX_CONFLICTS).map((b) => ({
    meeting_id: b.row.id,
    title: b.row.title,
    start: b.start.toISOString(),
    end: b.end.toISOString(),
    attendee_ids: attendees
      .filter((a) => a.meetingId === b.row.id && a.userId && a.response !== 'declined' && ours.has(a.userId))
      .map((a) => a.userId!),
  }));
}

export async function assertNoConflicts(db: Db, c: ConflictCheck): Promise<void> {
  const conflicts = await findConflicts(db, c);
  if (conflicts.length === 0) return;
  const names = [...new Set(conflicts.map((x) => x.title))].slice(0, 3).join(', ');
  throw new AppError('CONFLICT', `The meeting overlaps ${conflicts.length} existing meeting(s) of its attendees: ${names}.`, { conflicts });
}
