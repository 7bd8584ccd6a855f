import type { CoreContext } from '../../core/context';
import type { Actor } from '../../core/rbac';
import { DEFAULT_WORKING_HOURS } from '../users';
import { intersect, slotsIn, subtract, workingIntervals, type Interval } from './intervals';
import { requireStaff } from './meeting-access';
import { invalid } from './meeting-input';
import { loadOccurrences } from './meeting-occurrences';
import { findUsersByIds } from './meetings.queries';
import type { FreeSlotsQuery } from './meetings.schema';

const MAX_RANGE_MS = 62 * 86_400_000;

/** Common free slots: inside every attendee's working hours (in their own zone) and outside all their meetings. */
export async function findFreeSlots(ctx: CoreContext, actor: Actor, q: FreeSlotsQuery) {
  const staff = requireStaff(actor);
  const ids = [...new Set((q.attendees ?? 'me').split(',').map((id) => (id === 'me' ? staff.id : id.toLowerCase())))];
  const users = await findUsersByIds(ctx.db, ids);
  const active = new Map(users.filter((u) => u.active).map((u) => [u.id, u]));
  const unknown = ids.filter((id) => !active.has(id));
  if (unknown.length > 0) throw invalid('querystring.attendees', `unknown or inactive attendee: ${unknown.join(', ')}`);

  const to = new Date(q.to);
  // Slots in the past are no use to anyone.
  const now = ctx.clock.now();
  const from = new Date(Math.max(new Date(q.from).getTime(), now.getTime()));
  if (to <= new Date(q.from)) throw invalid('querystring.to', 'to must be after from');
  if (to.getTime() - new Date(q.from).getTime() > MAX_RANGE_MS) throw invalid('querystring.to', 'the range is at most 62 days');
  if (to <= from) return [];

  let common: Interval[] = [{ start: from, end: to }];
  for (const user of active.values()) {
    common = intersect(common, workingIntervals(user.workingHours ?? DEFAULT_WORKING_HOURS, user.timezone, from, to));
  }
  const busy = await loadOccurrences(ctx.db, { from, to, busyUserIds: ids });
  const free = subtract(common, busy);
  const step = q.step ?? Math.min(q.duration, 30);
  return slotsIn(free, q.duration, step, q.limit).map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() }));
}
