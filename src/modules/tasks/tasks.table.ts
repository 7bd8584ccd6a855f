import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { meetings } from '../meetings/meetings.table';
import { tickets } from '../tickets/tickets.table';
import { users } from '../users/users.table';
import type { TaskPriority, TaskStatus } from './task-fields';

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description'),
    assigneeId: uuid('assignee_id').references(() => users.id),
    creatorId: uuid('creator_id')
      .notNull()
      .references(() => users.id),
    dueAt: timestamp('due_at', { withTimezone: true }),
    priority: text('priority').$type<TaskPriority>().notNull().default('normal'),
    status: text('status').$type<TaskStatus>().notNull().default('todo'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'set null' }),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tasks_assignee_idx').on(t.assigneeId, t.status),
    index('tasks_creator_idx').on(t.creatorId),
    index('tasks_due_idx').on(t.status, t.dueAt),
    index('tasks_ticket_idx').on(t.ticketId),
    index('tasks_meeting_idx').on(t.meetingId),
  ],
);

export const taskActivity = pgTable(
  'task_activity',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    actorType: text('actor_type').notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('task_activity_task_idx').on(t.taskId, t.id)],
);

export type TaskRow = typeof tasks.$inferSelect;
export type TaskActivityRow = typeof taskActivity.$inferSelect;
