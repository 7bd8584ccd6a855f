import { z } from 'zod';
import { TASK_PRIORITIES, TASK_STATUSES } from './task-fields';

const Tag = z.string().trim().min(1).max(50).regex(/^[\w .:/-]+$/u, 'letters, digits, space and . : / - _ only');
const Tags = z.array(Tag).max(20);
const Instant = z.string().datetime({ offset: true });
const Assignee = z.union([z.string().uuid(), z.literal('me')]);

export const CreateTaskBody = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(20_000).nullable().optional(),
  assignee_id: Assignee.nullable().optional(),
  due_at: Instant.nullable().optional(),
  priority: z.enum(TASK_PRIORITIES).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  tags: Tags.optional(),
  ticket_id: z.string().uuid().nullable().optional(),
  meeting_id: z.string().uuid().nullable().optional(),
});
export type CreateTaskBody = z.infer<typeof CreateTaskBody>;

export const UpdateTaskBody = CreateTaskBody.partial()
  .extend({ comment: z.string().trim().min(1).max(5000).optional() })
  .refine((b) => Object.keys(b).some((k) => k !== 'comment'), 'send at least one field to change');
export type UpdateTaskBody = z.infer<typeof UpdateTaskBody>;

const StatusList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()))
  .pipe(z.array(z.enum(TASK_STATUSES)).min(1));

export const ListTasksQuery = z.object({
  assignee: z.union([z.string().uuid(), z.literal('me'), z.literal('none')]).optional(),
  status: StatusList.optional(),
  due_before: Instant.optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ticket_id: z.string().uuid().optional(),
  meeting_id: z.string().uuid().optional(),
  tag: Tag.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ListTasksQuery = z.infer<typeof ListTasksQuery>;

export const TaskIdParams = z.object({ id: z.string().uuid() });
export const CommentBody = z.object({ body: z.string().trim().min(1).max(5000) });

const Person = z.object({ id: z.string(), name: z.string() });

export const Task = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  assignee: Person.nullable(),
  creator: Person,
  due_at: z.string().nullable(),
  priority: z.enum(TASK_PRIORITIES),
  status: z.enum(TASK_STATUSES),
  tags: z.array(z.string()),
  overdue: z.boolean(),
  completed_at: z.string().nullable(),
  ticket_id: z.string().nullable(),
  meeting_id: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Task = z.infer<typeof Task>;
export const TaskList = z.object({ items: z.array(Task), total: z.number() });

export const Activity = z.object({
  id: z.number(),
  actor_type: z.string(),
  actor_id: z.string().nullable(),
  action: z.string(),
  old_value: z.unknown(),
  new_value: z.unknown(),
  comment: z.string().nullable(),
  created_at: z.string(),
});
export const ActivityList = z.object({ items: z.array(Activity) });

export const Progress = z.object({
  items: z.array(
    z.object({
      user: Person,
      open: z.number(),
      done_this_week: z.number(),
      overdue: z.number(),
    }),
  ),
});
