import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { queues } from '../queues';
import { tickets } from '../tickets';
import { users } from '../users';
import type { Action, Condition } from './rules.schema';

export const escalationRules = pgTable('escalation_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  description: text('description').notNull().default(''),
  enabled: boolean('enabled').notNull().default(true),
  position: integer('position').notNull().default(100),
  conditions: jsonb('conditions').$type<Condition>().notNull(),
  actions: jsonb('actions').$type<Action[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// Every escalation of a ticket, automatic or by hand. The unique key is what stops a rule from
// firing twice for the same cause on the same ticket (manual rows have no rule, so never clash).
export const ticketEscalations = pgTable(
  'ticket_escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    ruleId: uuid('rule_id').references(() => escalationRules.id, { onDelete: 'set null' }),
    cause: text('cause').notNull(),
    reason: text('reason').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: uuid('actor_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ticket_escalations_once_idx').on(t.ticketId, t.ruleId, t.cause), index('ticket_escalations_ticket_idx').on(t.ticketId)],
);

export const ASSIGNMENT_MODES = ['none', 'round_robin', 'least_loaded'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

// How a queue hands out its tickets; a queue without a row assigns nothing by itself.
export const queueAssignment = pgTable('queue_assignment', {
  queueId: uuid('queue_id')
    .primaryKey()
    .references(() => queues.id, { onDelete: 'cascade' }),
  mode: text('mode').$type<AssignmentMode>().notNull().default('none'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const queueMembers = pgTable(
  'queue_members',
  {
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    lastAssignedAt: timestamp('last_assigned_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.queueId, t.userId] }), index('queue_members_user_idx').on(t.userId)],
);

export type EscalationRuleRow = typeof escalationRules.$inferSelect;
