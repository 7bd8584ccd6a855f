import { z } from 'zod';
import { PRIORITIES } from '../tickets/ticket-fields';

export const Queue = z.object({ id: z.string(), name: z.string(), description: z.string(), tier: z.number(), active: z.boolean() });
export const QueueList = z.object({ items: z.array(Queue) });
export const QueueParams = z.object({ id: z.string().uuid() });
const QueueName = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} &.,'()/+-]*$/u, 'letters, digits, spaces and & . , \' ( ) / + - only');
const QueueDescription = z.string().trim().max(2000);
export const CreateQueueBody = z.object({ name: QueueName, description: QueueDescription.optional() }).strict();
export type CreateQueueBody = z.infer<typeof CreateQueueBody>;
export const UpdateQueueBody = z
  .object({ name: QueueName, description: QueueDescription })
  .partial()
  .strict()
  .refine((b) => b.name !== undefined || b.description !== undefined, 'send name, description or both');
export type UpdateQueueBody = z.infer<typeof UpdateQueueBody>;
export const ArchiveQueueBody = z.object({ move_to: z.string().uuid() }).strict();
export const ArchivedQueue = z.object({ queue: Queue, moved_tickets: z.number(), moved_to: Queue });
export const Sla = z.object({
  id: z.string(),
  name: z.string(),
  priority: z.enum(PRIORITIES),
  first_response_minutes: z.number(),
  resolution_minutes: z.number(),
  active: z.boolean(),
});
export const SlaList = z.object({ items: z.array(Sla) });
