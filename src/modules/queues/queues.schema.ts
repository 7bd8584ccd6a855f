import { z } from 'zod';
import { PRIORITIES } from '../tickets/ticket-fields';

export const Queue = z.object({ id: z.string(), name: z.string(), description: z.string(), tier: z.number(), active: z.boolean() });
export const QueueList = z.object({ items: z.array(Queue) });
export const QueueParams = z.object({ id: z.string().uuid() });
export const UpdateQueueBody = z.object({ description: z.string().trim().max(2000) }).strict();
export type UpdateQueueBody = z.infer<typeof UpdateQueueBody>;
export const Sla = z.object({
  id: z.string(),
  name: z.string(),
  priority: z.enum(PRIORITIES),
  first_response_minutes: z.number(),
  resolution_minutes: z.number(),
  active: z.boolean(),
});
export const SlaList = z.object({ items: z.array(Sla) });
