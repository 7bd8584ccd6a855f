import { z } from 'zod';
import { ASSIGNMENT_MODES } from './escalation.table';

export const EscalateBody = z.object({
  reason: z.string().trim().min(3).max(2000),
  queue_id: z.string().uuid().optional(),
});
export type EscalateBody = z.infer<typeof EscalateBody>;

export const DeescalateBody = z
  .object({
    reason: z.string().trim().min(1).max(2000).optional(),
    queue_id: z.string().uuid().optional(),
  })
  .default({});
export type DeescalateBody = z.infer<typeof DeescalateBody>;

export const QueueParams = z.object({ id: z.string().uuid() });
export const QueueMemberParams = z.object({ id: z.string().uuid(), userId: z.string().uuid() });
export const AddMemberBody = z.object({ user_id: z.string().uuid() });
export const SetMembersBody = z
  .object({ user_ids: z.array(z.string().uuid()).max(500), assignment: z.enum(ASSIGNMENT_MODES) })
  .partial()
  .refine((b) => b.user_ids !== undefined || b.assignment !== undefined, 'send user_ids, assignment or both');
export type SetMembersBody = z.infer<typeof SetMembersBody>;

export const QueueMembers = z.object({
  queue_id: z.string(),
  assignment: z.enum(ASSIGNMENT_MODES),
  members: z.array(
    z.object({
      user_id: z.string(),
      name: z.string(),
      email: z.string(),
      role: z.string(),
      active: z.boolean(),
      open_tickets: z.number(),
      last_assigned_at: z.string().nullable(),
    }),
  ),
});

export const QueueWarningList = z.object({
  items: z.array(z.object({ queue_id: z.string(), queue: z.string(), routes: z.array(z.string()), rules: z.array(z.string()) })),
});
