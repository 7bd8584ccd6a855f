import { and, asc, count, eq, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from '../../core/db';
import { tickets } from '../tickets';
import { users } from '../users';
import type { TaskStatus } from './task-fields';
import { taskActivity, tasks, type TaskRow } from './tasks.table';

const assignee = alias(users, 'assignee');
const creator = alias(users, 'creator');

function selectTaskViews(db: Db) {
  return db
    .select({ task: tasks, assignee: { id: assignee.id, name: assignee.name }, creator: { id: creator.id, name: creator.name } })
    .from(tasks)
    .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .innerJoin(creator, eq(creator.id, tasks.creatorId));
}

export type TaskView = NonNullable<Awaited<ReturnType<typeof findTaskView>>>;

export async function findTaskView(db: Db, id: string) {
  const [row] = await selectTaskViews(db).where(eq(tasks.id, id));
  return row ?? null;
}

export async function lockTask(db: Db, id: string): Promise<TaskRow | null> {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id)).for('update');
  return row ?? null;
}

export async function insertTask(db: Db, values: typeof tasks.$inferInsert): Promise<TaskRow> {
  const [row] = await db.insert(tasks).values(values).returning();
  return row!;
}

export async function updateTaskRow(db: Db, id: string, values: Partial<typeof tasks.$inferInsert>): Promise<void> {
  await db.update(tasks).set(values).where(eq(tasks.id, id));
}

export interface ActivityInput {
  taskId: string;
  actorType: string;
  actorId: string | null;
  action: string;
  oldValue?: unknown;
  newValue?: unknown;
  comment?: string | null;
  createdAt: Date;
}

export async function insertActivity(db: Db, rows: ActivityInput[]) {
  if (rows.length === 0) return [];
  return db
    .insert(taskActivity)
    .values(rows.map((r) => ({ ...r, oldValue: r.oldValue ?? null, newValue: r.newValue ?? null, comment: r.comment ?? null })))
    .returning();
}

export async function findActivity(db: Db, taskId: string) {
  return db.select().from(taskActivity).where(eq(taskActivity.taskId, taskId)).orderBy(asc(taskActivity.id));
}

export interface TaskFilter {
  visibleTo?: string;
  assigneeId?: string | null;
  statuses?: TaskStatus[];
  dueBefore?: Date;
  overdueAt?: Date;
  ticketId?: string;
  meetingId?: string;
  tag?: string;
}

export function taskFilterWhere(f: TaskFilter): SQL[] {
  const where: SQL[] = [];
  if (f.visibleTo) where.push(or(eq(tasks.assigneeId, f.visibleTo), eq(tasks.creatorId, f.visibleTo))!);
  if (f.assigneeId === null) where.push(isNull(tasks.assigneeId));
  else if (f.assigneeId) where.push(eq(tasks.assigneeId, f.assigneeId));
  if (f.statuses) where.push(inArray(tasks.status, f.statuses));
  if (f.dueBefore) where.push(lt(tasks.dueAt, f.dueBefore));
  if (f.overdueAt) where.push(ne(tasks.status, 'done'), lt(tasks.dueAt, f.overdueAt));
  if (f.ticketId) where.push(eq(tasks.ticketId, f.ticketId));
  if (f.meetingId) where.push(eq(tasks.meetingId, f.meetingId));
  if (f.tag) where.push(sql`${tasks.tags} @> array[${f.tag}]::text[]`);
  return where;
}

export async function findTaskPage(db: Db, where: SQL[], limit: number, offset: number) {
  return selectTaskViews(db)
    .where(and(...where))
    .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(tasks.createdAt), asc(tasks.id))
    .limit(limit)
    .offset(offset);
}

export async function countTasks(db: Db, where: SQL[]): Promise<number> {
  const [row] = await db.select({ n: count() }).from(tasks).where(and(...where));
  return Number(row?.n ?? 0);
}

export interface ProgressRow {
  id: string;
  name: string;
  open: number;
  done_this_week: number;
  overdue: number;
}

// "This week" starts on Monday 00:00 in each member's own time zone.
export async function teamProgress(db: Db, now: Date): Promise<ProgressRow[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  return queryRows<ProgressRow>(
    db,
    sql`select u.id, u.name,
          count(t.id) filter (where t.status <> 'done')::int as open,
          count(t.id) filter (where t.status = 'done'
            and t.completed_at >= (date_trunc('week', ${at} at time zone u.timezone) at time zone u.timezone))::int as done_this_week,
          count(t.id) filter (where t.status <> 'done' and t.due_at < ${at})::int as overdue
        from users u
        left join tasks t on t.assignee_id = u.id
        where u.active and u.role <> 'viewer'
        group by u.id, u.name
        order by u.name, u.id`,
  );
}

export async function ticketExists(db: Db, id: string): Promise<boolean> {
  const rows = await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.id, id));
  return rows.length > 0;
}

export const OVERDUE_NOTIFIED = 'overdue_notified';

export interface OverdueTask {
  id: string;
  title: string;
  assigneeId: string;
  dueAt: Date;
  ticketId: string | null;
}

/**
 * Open, assigned tasks past due whose assignee was not yet told about this due date. The activity row
 * written with each notice is the marker; SKIP LOCKED keeps two runs from picking the same task.
 */
export async function lockOverdueUnnotified(db: Db, now: Date, limit: number): Promise<OverdueTask[]> {
  const rows = await db
    .select({ id: tasks.id, title: tasks.title, assigneeId: tasks.assigneeId, dueAt: tasks.dueAt, ticketId: tasks.ticketId })
    .from(tasks)
    .where(
      and(
        ne(tasks.status, 'done'),
        lt(tasks.dueAt, now),
        isNotNull(tasks.assigneeId),
        sql`not exists (select 1 from ${taskActivity} where ${taskActivity.taskId} = ${tasks.id}
              and ${taskActivity.action} = ${OVERDUE_NOTIFIED} and (${taskActivity.newValue} #>> '{}')::timestamptz = ${tasks.dueAt})`,
      ),
    )
    .orderBy(asc(tasks.dueAt), asc(tasks.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  return rows.map((r) => ({ ...r, assigneeId: r.assigneeId!, dueAt: r.dueAt! }));
}
