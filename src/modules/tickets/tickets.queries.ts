import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, isNull, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { alias, type PgInsertValue } from 'drizzle-orm/pg-core';
import { compiledInsert } from '../../core/compiled-insert';
import { compiledSelect } from '../../core/compiled-select';
import { queryRows, type Db } from '../../core/db';
import { customers } from '../customers';
import { queues } from '../queues';
import { users } from '../users';
import type { Status } from './ticket-fields';
import { nextBreachAt } from './ticket-view';
import { messageColumns, ticketColumns, ticketHistory, ticketMessages, tickets, ticketStatusLinks, type SentMessage, type TicketMessageRow, type TicketRow } from './tickets.table';

const assignee = alias(users, 'assignee');

// Every new ticket writes these rows: their statements are built once (`compiledInsert`).
const insertTickets = compiledInsert(tickets);
const insertMessages = compiledInsert(ticketMessages);
const insertHistoryRows = compiledInsert(ticketHistory);
const insertStatusLinks = compiledInsert(ticketStatusLinks);

const viewColumns = {
  ticket: ticketColumns,
  customer: { id: customers.id, email: customers.email, name: customers.name },
  queue: { id: queues.id, name: queues.name },
  assignee: { id: assignee.id, name: assignee.name },
};

function selectTicketViews(db: Pick<Db, 'select'>) {
  return db
    .select(viewColumns)
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .innerJoin(queues, eq(queues.id, tickets.queueId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId));
}

// A ticket found by its reference: a number ("1012") or its id.
const isNumberRef = (ref: string) => /^\d+$/.test(ref);
type RefParam = (name: 'ref') => Placeholder;

// The reads by reference that every new ticket and most changes make are built once (`compiledSelect`).
const ticketViewBy = {
  id: compiledSelect((b, param: RefParam) => selectTicketViews(b).where(eq(tickets.id, param('ref')))),
  number: compiledSelect((b, param: RefParam) => selectTicketViews(b).where(eq(tickets.number, param('ref')))),
};
const ticketRowBy = {
  id: compiledSelect((b, param: RefParam) => b.select(ticketColumns).from(tickets).where(eq(tickets.id, param('ref')))),
  lockedId: compiledSelect((b, param: RefParam) => b.select(ticketColumns).from(tickets).where(eq(tickets.id, param('ref'))).for('update')),
  lockedNumber: compiledSelect((b, param: RefParam) => b.select(ticketColumns).from(tickets).where(eq(tickets.number, param('ref'))).for('update')),
};

export type TicketView = Awaited<ReturnType<typeof findTicketView>> & {};

/** A ticket with its customer, queue and assignee, by number or id. */
export async function findTicketView(db: Db, ref: string) {
  const [row] = isNumberRef(ref) ? await ticketViewBy.number(db, { ref: Number(ref) }) : await ticketViewBy.id(db, { ref });
  return row ?? null;
}

/** The ticket's own row, without its customer, queue and assignee (a read that locks nothing). */
export async function findTicketRow(db: Db, id: string): Promise<TicketRow | null> {
  const [row] = await ticketRowBy.id(db, { ref: id });
  return row ?? null;
}

/** The ticket's own row, by number or id, locked until the transaction ends. */
export async function lockTicket(db: Db, ref: string): Promise<TicketRow | null> {
  const [row] = isNumberRef(ref) ? await ticketRowBy.lockedNumber(db, { ref: Number(ref) }) : await ticketRowBy.lockedId(db, { ref });
  return row ?? null;
}

export async function findTicketByTokenHash(db: Db, tokenHash: string): Promise<TicketRow | null> {
  const [row] = await db
    .select({ ticket: ticketColumns })
    .from(ticketStatusLinks)
    .innerJoin(tickets, eq(tickets.id, ticketStatusLinks.ticketId))
    .where(eq(ticketStatusLinks.tokenHash, tokenHash));
  return row?.ticket ?? null;
}

export async function insertStatusLink(db: Db, ticketId: string, tokenHash: string, now: Date): Promise<void> {
  await insertStatusLinks(db, [{ ticketId, tokenHash, createdAt: now }]);
}

export async function insertTicket(db: Db, values: PgInsertValue<typeof tickets>): Promise<TicketRow> {
  const [row] = await insertTickets<TicketRow>(db, [values], ticketColumns);
  return row!;
}

/** Sets top-level metadata keys in one statement (the ticket's other keys stay as they are). */
export async function mergeTicketMetadata(db: Db, id: string, patch: Record<string, unknown>): Promise<void> {
  await db
    .update(tickets)
    .set({ metadata: sql`${tickets.metadata} || ${JSON.stringify(patch)}::jsonb` })
    .where(eq(tickets.id, id));
}

export async function updateTicketRow(db: Db, id: string, values: Partial<typeof tickets.$inferInsert>): Promise<TicketRow> {
  const [row] = await db.update(tickets).set(values).where(eq(tickets.id, id)).returning(ticketColumns);
  return row!;
}

export interface HistoryInput {
  ticketId: string;
  actorType: string;
  actorId: string | null;
  action: string;
  oldValue?: unknown;
  newValue?: unknown;
  comment?: string | null;
  createdAt: Date;
}

export async function insertHistory(db: Db, rows: HistoryInput[]): Promise<void> {
  if (rows.length === 0) return;
  await insertHistoryRows(
    db,
    rows.map((r) => ({ ...r, oldValue: r.oldValue ?? null, newValue: r.newValue ?? null, comment: r.comment ?? null })),
  );
}

export async function findHistory(db: Db, ticketId: string) {
  return db.select().from(ticketHistory).where(eq(ticketHistory.ticketId, ticketId)).orderBy(asc(ticketHistory.id));
}

export async function insertMessage(db: Db, values: PgInsertValue<typeof ticketMessages>) {
  const [row] = await insertMessages<TicketMessageRow>(db, [values], messageColumns);
  return row!;
}

export type NewMessage = Pick<SentMessage, 'ticketId' | 'authorType' | 'channel' | 'body' | 'createdAt'> &
  Partial<Pick<SentMessage, 'authorUserId' | 'authorCustomerId' | 'internal' | 'metadata'>>;

/**
 * Sends a message's insert with an id chosen here and returns the row it will have at once, so the
 * statements that refer to the message (its files, the ticket's history, the customer's mail) go out
 * right behind the insert instead of waiting for it. `stored` settles with the insert.
 */
export function sendMessage(db: Db, values: NewMessage): { message: SentMessage; stored: Promise<TicketMessageRow> } {
  const message: SentMessage = { id: randomUUID(), authorUserId: null, authorCustomerId: null, internal: false, metadata: {}, ...values };
  const stored = insertMessage(db, message);
  return { message, stored };
}

export async function findMessages(db: Db, ticketId: string, opts: { includeInternal: boolean }) {
  const where = [eq(ticketMessages.ticketId, ticketId)];
  if (!opts.includeInternal) where.push(eq(ticketMessages.internal, false));
  return db
    .select({ message: messageColumns, authorUser: { id: users.id, name: users.name }, authorCustomer: { id: customers.id, name: customers.name } })
    .from(ticketMessages)
    .leftJoin(users, eq(users.id, ticketMessages.authorUserId))
    .leftJoin(customers, eq(customers.id, ticketMessages.authorCustomerId))
    .where(and(...where))
    .orderBy(asc(ticketMessages.seq));
}

/** SQL twin of nextBreachAt (ticket-view.ts): the next running deadline, null when there is none. */
export const NEXT_BREACH = sql`(case when ${tickets.status} in ('resolved', 'closed') or ${tickets.slaPausedAt} is not null then null
  else least(case when ${tickets.firstRespondedAt} is null then ${tickets.firstResponseDueAt} end, ${tickets.resolutionDueAt}) end)`;

export interface TicketFilter {
  status?: readonly Status[];
  /** Next running deadline before this instant (passed deadlines included). */
  breachBefore?: Date;
  priority?: string;
  category?: string;
  channel?: string;
  queueId?: string;
  assigneeId?: string | null;
  customerId?: string;
  tag?: string;
  /** What an agent typed, with the customers it names (`findCustomersNamed`, read once for a search's count and page). */
  search?: { q: string; customerIds: readonly string[] };
}

export function ticketFilterWhere(f: TicketFilter): SQL[] {
  const where: SQL[] = [];
  if (f.status?.length) where.push(f.status.length === 1 ? eq(tickets.status, f.status[0]!) : inArray(tickets.status, [...f.status]));
  if (f.breachBefore) where.push(sql`${NEXT_BREACH} <= ${f.breachBefore.toISOString()}::timestamptz`);
  if (f.priority) where.push(eq(tickets.priority, f.priority as TicketRow['priority']));
  if (f.category) where.push(eq(tickets.category, f.category as TicketRow['category']));
  if (f.channel) where.push(eq(tickets.channel, f.channel as TicketRow['channel']));
  if (f.queueId) where.push(eq(tickets.queueId, f.queueId));
  if (f.assigneeId === null) where.push(isNull(tickets.assigneeId));
  else if (f.assigneeId) where.push(eq(tickets.assigneeId, f.assigneeId));
  if (f.customerId) where.push(eq(tickets.customerId, f.customerId));
  if (f.tag) where.push(sql`${tickets.tags} @> array[${f.tag}]::text[]`);
  if (f.search) where.push(ticketSearch(f.search.q, f.search.customerIds));
  return where;
}

/**
 * What agents type into the search box: words (English stemming, web-search syntax: "phrase", OR,
 * -word), the start of words ("Linden" finds "Lindenstrasse"), a ticket number ("1012" or "#1012"),
 * and the customer's email address or name. Every alternative is one index lookup — the words of the
 * ticket and its conversation (one vector, migration 0018), ticket numbers, the tickets of matching
 * customers — combined by PostgreSQL as a bitmap OR, so a search costs the matches it finds, not a pass
 * over every ticket.
 */
function ticketSearch(q: string, customerIds: readonly string[]): SQL {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  // Prefixes only for plain words: quotes, OR and -word keep their web-search meaning. The 'simple'
  // configuration does not stem, so "printing" stays apart from "printer".
  const prefixes = words.length > 0 && !/["]|(^|\s)-|\bor\b/i.test(q);
  const query = prefixes
    ? sql`(websearch_to_tsquery('english', ${q}) || to_tsquery('simple', ${words.map((w) => `${w}:*`).join(' & ')}))`
    : sql`websearch_to_tsquery('english', ${q})`;
  const alternatives = [sql`${tickets.searchVector} @@ ${query}`];
  // The customers, read beforehand, are a list; none (most word searches) leaves the planner the text index.
  if (customerIds.length > 0) alternatives.push(sql`${tickets.customerId} = any(${`{${customerIds.join(',')}}`}::uuid[])`);
  const number = /^#?(\d{1,9})$/.exec(q.trim());
  if (number) alternatives.push(eq(tickets.number, Number(number[1])));
  return sql`(${sql.join(alternatives, sql` or `)})`;
}

// A customer's address starting with, or name containing, what was typed.
function customerNamedWhere(q: string): SQL {
  const like = q.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`(lower(c.email) like ${`${like}%`} or lower(coalesce(c.name, '')) like ${`%${like}%`})`;
}

/** The customers a search names: their address starts with what was typed, or their name contains it. */
export const customersNamedQuery = (q: string): SQL => sql`select c.id from customers c where ${customerNamedWhere(q)}`;

/** The ids of the customers a search names (address or name), read once for a search's count and page. */
export async function findCustomersNamed(db: Db, q: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, customersNamedQuery(q));
  return rows.map((r) => r.id);
}

export async function findTicketPage(db: Db, where: SQL[], order: SQL[], limit: number) {
  return selectTicketViews(db).where(and(...where)).orderBy(...order).limit(limit);
}

export async function countTickets(db: Db, where: SQL[]): Promise<number> {
  const [row] = await db.select({ n: count() }).from(tickets).where(and(...where));
  return Number(row?.n ?? 0);
}

/** How many tickets match, counting no further than `limit` + 1. */
export async function countTicketsUpTo(db: Db, where: SQL[], limit: number): Promise<number> {
  const matches = db.select({ one: sql`1` }).from(tickets).where(and(...where)).limit(limit + 1).as('matches');
  const [row] = await db.select({ n: count() }).from(matches);
  return Number(row?.n ?? 0);
}


const PRIORITY_RANK = sql`(case ${tickets.priority} when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end)`;

const NO_DEADLINE = '9999-12-31T00:00:00.000Z';

export interface TicketSort {
  expr: SQL;
  cast: 'timestamptz' | 'int';
  descending: boolean;
  valueOf(row: TicketRow): string | number;
}

export function ticketSort(sort: string): TicketSort {
  const descending = sort.startsWith('-');
  const field = sort.replace(/^-/, '');
  if (field === 'priority') {
    const rank = { urgent: 0, high: 1, normal: 2, low: 3 } as const;
    return { expr: PRIORITY_RANK, cast: 'int', descending: false, valueOf: (r) => rank[r.priority] };
  }
  if (field === 'number') return { expr: sql`${tickets.number}`, cast: 'int', descending, valueOf: (r) => r.number };
  if (field === 'first_response_due_at' || field === 'resolution_due_at') {
    const column = field === 'first_response_due_at' ? tickets.firstResponseDueAt : tickets.resolutionDueAt;
    const key = field === 'first_response_due_at' ? 'firstResponseDueAt' : 'resolutionDueAt';
    // Keyset comparison needs a non-null key: tickets without a deadline sort after every real one.
    return {
      expr: sql`coalesce(${column}, ${NO_DEADLINE}::timestamptz)`,
      cast: 'timestamptz',
      descending,
      valueOf: (r) => (r[key] ?? new Date(NO_DEADLINE)).toISOString(),
    };
  }
  if (field === 'next_breach') {
    return {
      expr: sql`coalesce(${NEXT_BREACH}, ${NO_DEADLINE}::timestamptz)`,
      cast: 'timestamptz',
      descending: false,
      valueOf: (r) => (nextBreachAt(r) ?? new Date(NO_DEADLINE)).toISOString(),
    };
  }
  if (field === 'updated_at') {
    return { expr: sql`${tickets.updatedAt}`, cast: 'timestamptz', descending, valueOf: (r) => r.updatedAt.toISOString() };
  }
  return { expr: sql`${tickets.createdAt}`, cast: 'timestamptz', descending, valueOf: (r) => r.createdAt.toISOString() };
}

// Keyset pagination: rows strictly after (value, id) in the sort order.
export function afterCursorWhere(s: TicketSort, value: string | number, id: string): SQL {
  const v = s.cast === 'int' ? sql`${Number(value)}::int` : sql`${String(value)}::timestamptz`;
  return s.descending ? sql`(${s.expr}, ${tickets.id}) < (${v}, ${id}::uuid)` : sql`(${s.expr}, ${tickets.id}) > (${v}, ${id}::uuid)`;
}

/**
 * `matchesFirst` (a search): order the matches instead of walking a sort index until 25 of them turn
 * up. PostgreSQL cannot estimate how many tickets a word's prefix matches and would otherwise walk
 * the whole index for a rare word; sorting even thousands of matches takes milliseconds.
 */
export function sortOrder(s: TicketSort, opts: { matchesFirst?: boolean } = {}): SQL[] {
  const zero = s.cast === 'int' ? sql`0` : sql`interval '0 s'`;
  const expr = opts.matchesFirst ? sql`(${s.expr} + ${zero})` : s.expr;
  return s.descending ? [sql`${expr} desc`, desc(tickets.id)] : [sql`${expr} asc`, asc(tickets.id)];
}

export async function updateMessageBody(db: Db, messageId: string, body: string): Promise<void> {
  await db.update(ticketMessages).set({ body }).where(eq(ticketMessages.id, messageId));
}
