import type { CoreContext } from '../../core/context';
import type { Db } from '../../core/db';
import { AppError } from '../../core/errors';
import type { Actor } from '../../core/rbac';
import { assertVisibleView, checkAssignee, checkMeeting, checkTicket, lockVisibleTask, requireStaff, type StaffActor } from './task-access';
import { canTransitionTask, type TaskStatus } from './task-fields';
import { toActivity, toTask } from './task-view';
import { findTaskView, insertActivity, insertTask, updateTaskRow, type ActivityInput } from './tasks.queries';
import type { CreateTaskBody, UpdateTaskBody } from './tasks.schema';
import type { TaskRow } from './tasks.table';

function completedAt(from: TaskStatus | null, to: TaskStatus, now: Date, current: Date | null): Date | null {
  if (to === 'done') return from === 'done' ? current : now;
  return null;
}

async function checkLinks(tx: Db, actor: StaffActor, input: Partial<CreateTaskBody>): Promise<string | null | undefined> {
  const assigneeId = input.assignee_id === 'me' ? actor.id : input.assignee_id;
  if (assigneeId) await checkAssignee(tx, assigneeId);
  if (input.ticket_id) await checkTicket(tx, input.ticket_id);
  if (input.meeting_id) await checkMeeting(tx, actor, input.meeting_id);
  return assigneeId;
}

export async function createTask(ctx: CoreContext, actor: Actor, input: CreateTaskBody) {
  const staff = requireStaff(actor);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const assigneeId = await checkLinks(tx, staff, input);
    const status = input.status ?? 'todo';
    const row = await insertTask(tx, {
      title: input.title,
      description: input.description ?? null,
      assigneeId: assigneeId ?? null,
      creatorId: staff.id,
      dueAt: input.due_at ? new Date(input.due_at) : null,
      priority: input.priority ?? 'normal',
      status,
      tags: [...new Set(input.tags ?? [])],
      completedAt: completedAt(null, status, now, null),
      ticketId: input.ticket_id ?? null,
      meetingId: input.meeting_id ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await insertActivity(tx, [
      { taskId: row.id, actorType: 'user', actorId: staff.id, action: 'created', newValue: { title: row.title, status, assignee_id: row.assigneeId }, createdAt: now },
    ]);
    return toTask((await findTaskView(tx, row.id))!, now);
  });
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function updateTask(ctx: CoreContext, actor: Actor, id: string, input: UpdateTaskBody) {
  const staff = requireStaff(actor);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await lockVisibleTask(tx, staff, id);
    const assigneeId = await checkLinks(tx, staff, input);
    const changes: Partial<TaskRow> = {};
    const activity: ActivityInput[] = [];
    const record = (action: string, oldValue: unknown, newValue: unknown) =>
      activity.push({ taskId: id, actorType: 'user', actorId: staff.id, action, oldValue, newValue, comment: input.comment ?? null, createdAt: now });

    if (input.status !== undefined && input.status !== before.status) {
      if (!canTransitionTask(before.status, input.status)) {
        throw new AppError('ILLEGAL_TRANSITION', `A ${before.status} task cannot become ${input.status}.`, { from: before.status, to: input.status });
      }
      changes.status = input.status;
      changes.completedAt = completedAt(before.status, input.status, now, before.completedAt);
      record('status_changed', before.status, input.status);
    }
    if (assigneeId !== undefined && assigneeId !== before.assigneeId) {
      changes.assigneeId = assigneeId;
      record('assigned', before.assigneeId, assigneeId);
    }
    if (input.title !== undefined && input.title !== before.title) {
      changes.title = input.title;
      record('title_changed', before.title, input.title);
    }
    if (input.description !== undefined && input.description !== before.description) {
      changes.description = input.description;
      record('description_changed', null, null);
    }
    if (input.due_at !== undefined) {
      const due = input.due_at ? new Date(input.due_at) : null;
      if (iso(due) !== iso(before.dueAt)) {
        changes.dueAt = due;
        record('due_changed', iso(before.dueAt), iso(due));
      }
    }
    if (input.priority !== undefined && input.priority !== before.priority) {
      changes.priority = input.priority;
      record('priority_changed', before.priority, input.priority);
    }
    if (input.tags !== undefined) {
      const tags = [...new Set(input.tags)];
      if (tags.join('\u0000') !== before.tags.join('\u0000')) {
        changes.tags = tags;
        record('tags_changed', before.tags, tags);
      }
    }
    for (const [key, column, action] of [
      ['ticket_id', 'ticketId', 'ticket_linked'],
      ['meeting_id', 'meetingId', 'meeting_linked'],
    ] as const) {
      if (input[key] !== undefined && input[key] !== before[column]) {
        changes[column] = input[key];
        record(action, before[column], input[key]);
      }
    }
    if (activity.length > 0) {
      await updateTaskRow(tx, id, { ...changes, updatedAt: now });
      await insertActivity(tx, activity);
    }
    return toTask((await findTaskView(tx, id))!, now);
  });
}

export async function commentOnTask(ctx: CoreContext, actor: Actor, id: string, body: string) {
  const staff = requireStaff(actor);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    assertVisibleView(staff, await findTaskView(tx, id));
    const [row] = await insertActivity(tx, [{ taskId: id, actorType: 'user', actorId: staff.id, action: 'commented', comment: body, createdAt: now }]);
    await updateTaskRow(tx, id, { updatedAt: now });
    return toActivity(row!);
  });
}
