import { canTransitionTask, TASK_STATUSES, type TaskPriority, type TaskStatus } from '@shared/modules/tasks/task-fields';
import type { Task } from './api/tasks';

export const STATUS_LABELS: Record<TaskStatus, string> = { todo: 'To do', in_progress: 'In progress', blocked: 'Blocked', done: 'Done' };
export const PRIORITY_COLORS: Record<TaskPriority, string> = { urgent: 'red', high: 'orange', normal: 'blue', low: 'gray' };
const PRIORITY_RANK: Record<TaskPriority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

export type Columns = Record<TaskStatus, Task[]>;

/** Tasks by status column; within a column overdue first, then by priority and due date (none last). */
export function groupByStatus(tasks: Task[]): Columns {
  const columns = Object.fromEntries(TASK_STATUSES.map((s) => [s, [] as Task[]])) as Columns;
  for (const t of tasks) columns[t.status].push(t);
  const due = (t: Task) => (t.due_at ? Date.parse(t.due_at) : Number.POSITIVE_INFINITY);
  for (const s of TASK_STATUSES) {
    columns[s].sort((a, b) => Number(b.overdue) - Number(a.overdue) || PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || due(a) - due(b) || a.title.localeCompare(b.title));
  }
  return columns;
}

/** The task with its new status, as the board shows it before the server answers; null when the move is not allowed. */
export function moveTask(task: Task, to: TaskStatus, now: Date = new Date()): Task | null {
  if (task.status === to || !canTransitionTask(task.status, to)) return null;
  return {
    ...task,
    status: to,
    completed_at: to === 'done' ? now.toISOString() : null,
    overdue: to !== 'done' && task.due_at !== null && Date.parse(task.due_at) < now.getTime(),
  };
}

/** The neighbouring column for keyboard moves (← →), or null at the edge. */
export function neighbourStatus(from: TaskStatus, direction: -1 | 1): TaskStatus | null {
  return TASK_STATUSES[TASK_STATUSES.indexOf(from) + direction] ?? null;
}

