import type { TaskView } from './tasks.queries';
import type { Task } from './tasks.schema';
import type { TaskActivityRow } from './tasks.table';

export function toTask(v: TaskView, now: Date): Task {
  const t = v.task;
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    assignee: v.assignee,
    creator: v.creator,
    due_at: t.dueAt?.toISOString() ?? null,
    priority: t.priority,
    status: t.status,
    tags: t.tags,
    overdue: t.status !== 'done' && t.dueAt !== null && t.dueAt < now,
    completed_at: t.completedAt?.toISOString() ?? null,
    ticket_id: t.ticketId,
    meeting_id: t.meetingId,
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
  };
}

export function toActivity(a: TaskActivityRow) {
  return {
    id: a.id,
    actor_type: a.actorType,
    actor_id: a.actorId,
    action: a.action,
    old_value: a.oldValue,
    new_value: a.newValue,
    comment: a.comment,
    created_at: a.createdAt.toISOString(),
  };
}
