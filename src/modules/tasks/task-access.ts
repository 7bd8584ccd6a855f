import type { Db } from '../../core/db';
import { AppError } from '../../core/errors';
import { can, type Actor } from '../../core/rbac';
import { findVisibleMeeting, requireStaff } from '../meetings';
import { findUserById } from '../users';
import { lockTask, ticketExists } from './tasks.queries';
import type { TaskRow } from './tasks.table';
import type { TaskView } from './tasks.queries';

export type StaffActor = Extract<Actor, { type: 'user' }>;
export { requireStaff };

export function managesTasks(actor: StaffActor): boolean {
  return can(actor.role, 'tasks:manage');
}

export const taskNotFound = () => new AppError('NOT_FOUND', 'Task not found.');

// Staff see the tasks they created or are assigned; leads and admins see all. Others answer 404.
export function canSee(actor: StaffActor, task: Pick<TaskRow, 'assigneeId' | 'creatorId'>): boolean {
  return managesTasks(actor) || task.assigneeId === actor.id || task.creatorId === actor.id;
}

export async function lockVisibleTask(db: Db, actor: StaffActor, id: string): Promise<TaskRow> {
  const row = await lockTask(db, id);
  if (!row || !canSee(actor, row)) throw taskNotFound();
  return row;
}

export function assertVisibleView(actor: StaffActor, view: TaskView | null): TaskView {
  if (!view || !canSee(actor, view.task)) throw taskNotFound();
  return view;
}

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ field, message }]);
}

/** Tasks go to active staff who can work on them (not viewers). */
export async function checkAssignee(db: Db, id: string): Promise<void> {
  const user = await findUserById(db, id);
  if (!user || !user.active || user.role === 'viewer') throw invalid('body.assignee_id', 'the assignee must be an active agent, lead or admin');
}

export async function checkTicket(db: Db, id: string): Promise<void> {
  if (!(await ticketExists(db, id))) throw invalid('body.ticket_id', 'no such ticket');
}

export async function checkMeeting(db: Db, actor: StaffActor, id: string): Promise<void> {
  try {
    await findVisibleMeeting(db, actor, id);
  } catch (err) {
    if (err instanceof AppError && err.status === 404) throw invalid('body.meeting_id', 'no such meeting');
    throw err;
  }
}
