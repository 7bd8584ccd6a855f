import { z } from 'zod';
import { NOTIFICATION_TYPES } from './notification-types';

export const ListNotificationsQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuery>;

export const NotificationParams = z.object({ id: z.string().uuid() });

export const Notification = z.object({
  id: z.string(),
  type: z.enum(NOTIFICATION_TYPES),
  ticket_id: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  data: z.record(z.string(), z.unknown()),
  read_at: z.string().nullable(),
  created_at: z.string(),
});
export const NotificationList = z.object({ items: z.array(Notification), unread_count: z.number(), next_cursor: z.string().nullable() });
export const ReadAllResult = z.object({ updated: z.number() });
