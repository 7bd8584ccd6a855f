import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { slas } from '../queues';
import { tickets } from '../tickets';
import type { WorkingHours } from './business-time';

export interface Holiday {
  date: string;
  name?: string;
}

export const businessCalendars = pgTable('business_calendars', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  timezone: text('timezone').notNull(),
  workingHours: jsonb('working_hours').$type<WorkingHours[]>().notNull(),
  holidays: jsonb('holidays').$type<Holiday[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// Which calendar an SLA counts in; an SLA without a row here runs round the clock.
export const slaCalendars = pgTable('sla_calendars', {
  slaId: uuid('sla_id')
    .primaryKey()
    .references(() => slas.id, { onDelete: 'cascade' }),
  calendarId: uuid('calendar_id')
    .notNull()
    .references(() => businessCalendars.id),
});

export type SlaTarget = 'first_response' | 'resolution';
export type SlaMark = 'warning' | 'breached';

// One row per ticket, target and mark: the unique key makes each warning and breach fire once,
// however many job workers race for it.
export const slaEvents = pgTable(
  'sla_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    target: text('target').$type<SlaTarget>().notNull(),
    mark: text('mark').$type<SlaMark>().notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sla_events_once_idx').on(t.ticketId, t.target, t.mark), index('sla_events_created_idx').on(t.createdAt)],
);

export type BusinessCalendarRow = typeof businessCalendars.$inferSelect;
