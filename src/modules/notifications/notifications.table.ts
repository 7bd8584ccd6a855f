import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tickets } from '../tickets';
import { users } from '../users';
import type { NotificationType } from './notification-types';

export { NOTIFICATION_TYPES, type NotificationType } from './notification-types';

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    type: text('type').$type<NotificationType>().notNull(),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    readAt: timestamp('read_at', { withTimezone: true }),
    // Email copies wait here as 'queued' until the durable email outbox (Email issue) sends them.
    emailState: text('email_state').$type<'queued' | 'sent' | 'skipped'>().notNull().default('queued'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt), index('notifications_email_idx').on(t.emailState, t.createdAt)],
);

export type NotificationRow = typeof notifications.$inferSelect;
