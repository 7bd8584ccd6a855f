import { getTableColumns, sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { customers } from '../customers/customers.table';
import { queues } from '../queues/queues.table';
import { users } from '../users/users.table';
import type { AuthorType, Category, Channel, Priority, SlaState, Status } from './ticket-fields';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const ticketNumberSeq = pgSequence('ticket_number_seq', { startWith: 1001 });

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: integer('number')
      .notNull()
      .unique()
      .default(sql`nextval('ticket_number_seq')`),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    status: text('status').$type<Status>().notNull().default('open'),
    category: text('category').$type<Category>().notNull(),
    priority: text('priority').$type<Priority>().notNull(),
    intent: text('intent'),
    transcript: text('transcript'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id),
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true }),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }),
    firstRespondedAt: timestamp('first_responded_at', { withTimezone: true }),
    // The SLA clock (#4): warning instants, pause, per-target state and when the SLA job looks next.
    firstResponseWarnAt: timestamp('first_response_warn_at', { withTimezone: true }),
    resolutionWarnAt: timestamp('resolution_warn_at', { withTimezone: true }),
    slaPausedAt: timestamp('sla_paused_at', { withTimezone: true }),
    slaPausedSeconds: integer('sla_paused_seconds').notNull().default(0),
    slaFirstResponseState: text('sla_first_response_state').$type<SlaState>().notNull().default('ok'),
    slaResolutionState: text('sla_resolution_state').$type<SlaState>().notNull().default('ok'),
    slaNextCheckAt: timestamp('sla_next_check_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    // The ticket's words for the search: its subject (weight A), description (B) and the messages of its
    // conversation, internal notes included, kept by the database's triggers (drizzle/0018). The first
    // message repeats the description and is left out. One index then answers a search for a word anywhere
    // in a conversation.
    searchVector: tsvector('search_vector').notNull().default(sql`''::tsvector`),
  },
  (t) => [
    index('tickets_status_idx').on(t.status, t.createdAt),
    index('tickets_priority_idx').on(t.priority),
    index('tickets_category_idx').on(t.category),
    index('tickets_queue_idx').on(t.queueId, t.status),
    index('tickets_assignee_idx').on(t.assigneeId, t.status),
    index('tickets_customer_idx').on(t.customerId),
    index('tickets_created_idx').on(t.createdAt, t.id),
    // The list sorted by priority (most urgent first) walks this instead of sorting every open ticket.
    index('tickets_priority_rank_idx').on(sql`(case ${t.priority} when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end)`, t.id),
    // "Resolved per day" on the dashboard ranges over when a ticket was done, resolved or closed.
    index('tickets_done_at_idx').on(sql`coalesce(${t.resolvedAt}, ${t.closedAt})`),
    index('tickets_search_idx').using('gin', t.searchVector),
    index('tickets_tags_idx').using('gin', t.tags),
    index('tickets_sla_next_check_idx').on(t.slaNextCheckAt).where(sql`${t.slaNextCheckAt} is not null`),
  ],
);

export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Insertion order: messages written in the same instant still read back in order.
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    authorType: text('author_type').$type<AuthorType>().notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id),
    authorCustomerId: uuid('author_customer_id').references(() => customers.id),
    channel: text('channel').$type<Channel>().notNull(),
    body: text('body').notNull(),
    internal: boolean('internal').notNull().default(false),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_messages_ticket_idx').on(t.ticketId, t.seq)],
);

export const ticketHistory = pgTable(
  'ticket_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    actorType: text('actor_type').notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_history_ticket_idx').on(t.ticketId, t.id)],
);

// The search vector is for the database's own text search: a ticket read by Clara leaves it out (its text
// form was a quarter of a ticket read's cost on PGlite).
function withoutSearchVector<T extends { searchVector: unknown }>(columns: T): Omit<T, 'searchVector'> {
  const rest: Partial<T> = { ...columns };
  delete rest.searchVector;
  return rest as Omit<T, 'searchVector'>;
}
/** A ticket's columns as Clara reads them: `select(ticketColumns)`, `returning(ticketColumns)`. */
export const ticketColumns = withoutSearchVector(getTableColumns(tickets));
/** A message's columns as Clara reads them. */
export const messageColumns = getTableColumns(ticketMessages);

export type TicketRow = Omit<typeof tickets.$inferSelect, 'searchVector'>;
export type TicketMessageRow = typeof ticketMessages.$inferSelect;
/** A message as known before its insert returns: everything but the order the database gives it. */
export type SentMessage = Omit<TicketMessageRow, 'seq'>;
export type TicketHistoryRow = typeof ticketHistory.$inferSelect;

// The links customers follow their ticket by (/support/status/<token>). The intake page shows one
// and every email Clara sends the customer carries a new one, so each mail has a working link
// while only the tokens' hashes are stored.
export const ticketStatusLinks = pgTable(
  'ticket_status_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_status_links_ticket_idx').on(t.ticketId)],
);
