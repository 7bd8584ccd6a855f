import type { CoreContext } from '../../core/context';
import type { Actor } from '../../core/rbac';
import { assertVisibleView, managesTasks, requireStaff } from './task-access';
import { toActivity, toTask } from './task-view';
import { countTasks, findActivity, findTaskPage, findTaskView, taskFilterWhere, teamProgress } from './tasks.queries';
import type { ListTasksQuery } from './tasks.schema';

export async function listTasks(ctx: CoreContext, actor: Actor, q: ListTasksQuery) {
  const staff = requireStaff(actor);
  const now = ctx.clock.now();
  const where = taskFilterWhere({
    ...(!managesTasks(staff) && { visibleTo: staff.id }),
    assigneeId: q.assignee === 'me' ? staff.id : q.assignee === 'none' ? null : q.assignee,
    statuses: q.status,
    dueBefore: q.due_before ? new Date(q.due_before) : undefined,
    overdueAt: q.overdue ? now : undefined,
    ticketId: q.ticket_id,
    meetingId: q.meeting_id,
    tag: q.tag,
  });
  const [rows, total] = await Promise.all([findTaskPage(ctx.db, where, q.limit, q.offset), countTasks(ctx.db, where)]);
  return { items: rows.map((r) => toTask(r, now)), total };
}

export async function getTask(ctx: CoreContext, actor: Actor, id: string) {
  const view = assertVisibleView(requireStaff(actor), await findTaskView(ctx.db, id));
  return toTask(view, ctx.clock.now());
}

export async function listTaskActivity(ctx: CoreContext, actor: Actor, id: string) {
  assertVisibleView(requireStaff(actor), await findTaskView(ctx.db, id));
  return { items: (await findActivity(ctx.db, id)).map(toActivity) };
}

/** Open, done this week and overdue tasks per active member: the team dashboard's numbers. */
export async function taskProgress(ctx: CoreContext, actor: Actor) {
  requireStaff(actor);
  const rows = await teamProgress(ctx.db, ctx.clock.now());
  return {
    items: rows.map((r) => ({ user: { id: r.id, name: r.name }, open: Number(r.open), done_this_week: Number(r.done_this_week), overdue: Number(r.overdue) })),
  };
}
