import type { Db } from '../../core/db';
import { AppError } from '../../core/errors';
import { can, type Actor } from '../../core/rbac';
import { findMeeting, isVisibleTo, lockMeeting } from './meetings.queries';
import type { MeetingRow } from './meetings.table';

export type StaffActor = Extract<Actor, { type: 'user' }>;

export function requireStaff(actor: Actor): StaffActor {
  if (actor.type !== 'user') throw new AppError('FORBIDDEN');
  return actor;
}

export function managesMeetings(actor: StaffActor): boolean {
  return can(actor.role, 'meetings:manage');
}

export const meetingNotFound = () => new AppError('NOT_FOUND', 'Meeting not found.');

// Staff see the meetings they organize or attend; others answer 404 so their existence does not leak.
export async function findVisibleMeeting(db: Db, actor: StaffActor, id: string, opts: { lock?: boolean } = {}): Promise<MeetingRow> {
  const row = opts.lock ? await lockMeeting(db, id) : await findMeeting(db, id);
  if (!row) throw meetingNotFound();
  if (!managesMeetings(actor) && !(await isVisibleTo(db, id, actor.id))) throw meetingNotFound();
  return row;
}

export function assertCanEdit(actor: StaffActor, row: MeetingRow): void {
  if (row.organizerId !== actor.id && !managesMeetings(actor)) {
    throw new AppError('FORBIDDEN', 'Only the organizer, a lead or an admin can change this meeting.');
  }
}
