import { z } from 'zod';

export const AuditQuery = z.object({
  action: z.string().max(100).optional(),
  actor_id: z.string().uuid().optional(),
  target_type: z.string().max(50).optional(),
  target_id: z.string().max(100).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.string(),
  actor_type: z.string(),
  actor_id: z.string().nullable(),
  action: z.string(),
  target_type: z.string().nullable(),
  target_id: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  created_at: z.string(),
});

export const AuditList = z.object({ items: z.array(AuditEntry), next_cursor: z.string().nullable() });
