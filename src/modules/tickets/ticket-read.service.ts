import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import { decodeCursor, encodeCursor } from '../../core/cursor';
import type { Actor } from '../../core/rbac';
import { toTicket } from './ticket-view';
import type { TicketsContext } from './tickets.context';
import {
  afterCursorWhere,
  countTickets,
  countTicketsUpTo,
  findHistory,
  findTicketPage,
  findTicketView,
  sortOrder,
  ticketFilterWhere,
  findCustomersNamed,
  ticketSort,
  type TicketSort,
} from './tickets.queries';
import { SEARCH_COUNT_LIMIT, type ListTicketsQuery } from './tickets.schema';

export async function getTicket(ctx: TicketsContext, ref: string) {
  const view = await findTicketView(ctx.db, ref);
  if (!view) throw new AppError('TICKET_NOT_FOUND');
  return toTicket(view);
}

const Cursor = z.object({ v: z.union([z.string(), z.number()]), id: z.string().uuid(), s: z.string() });
// The value must be one the database accepts for the sort column, else a tampered cursor becomes a 500.
const CursorValue = { int: z.number().int().min(-2_147_483_648).max(2_147_483_647), timestamptz: z.string().datetime() };

export async function listTickets(ctx: TicketsContext, actor: Actor, q: ListTicketsQuery) {
  const assigneeId = q.assignee_id === 'none' ? null : q.assignee_id === 'me' ? (actor.id ?? undefined) : q.assignee_id;
  const where = ticketFilterWhere({
    status: q.status,
    breachBefore: q.breach_within === undefined ? undefined : new Date(ctx.clock.now().getTime() + q.breach_within * 60_000),
    priority: q.priority,
    category: q.category,
    channel: q.channel,
    queueId: q.queue_id,
    assigneeId,
    customerId: q.customer_id,
    tag: q.tag,
    search: q.q === undefined ? undefined : { q: q.q, customerIds: await findCustomersNamed(ctx.db, q.q) },
  });
  const sort = ticketSort(q.sort);
  const pageWhere = [...where];
  if (q.cursor) {
    const c = decodeCursor(q.cursor, Cursor);
    const badValue = !CursorValue[sort.cast].safeParse(c.v).success;
    if (c.s !== q.sort || badValue) throw new AppError('VALIDATION_FAILED', 'The cursor does not fit this sort order.');
    pageWhere.push(afterCursorWhere(sort, c.v, c.id));
  }
  const { rows, total, capped } = q.q === undefined ? await listPage(ctx, pageWhere, where, sort, q.limit) : await searchPage(ctx, pageWhere, where, sort, q.limit);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(toTicket),
    next_cursor: rows.length > q.limit && last ? encodeCursor({ v: sort.valueOf(last.ticket), id: last.ticket.id, s: q.sort }) : null,
    total,
    total_capped: capped,
  };
}

async function listPage(ctx: TicketsContext, pageWhere: SQL[], where: SQL[], sort: TicketSort, limit: number) {
  const [rows, total] = await Promise.all([findTicketPage(ctx.db, pageWhere, sortOrder(sort), limit + 1), countTickets(ctx.db, where)]);
  return { rows, total, capped: false };
}

// A search counts its matches up to a limit (an exact count of a word in every tenth ticket costs a
// pass over thousands of rows, and "1000+" says as much). Few matches are sorted as a set; many are
// found by walking the sort order, where they turn up at once.
async function searchPage(ctx: TicketsContext, pageWhere: SQL[], where: SQL[], sort: TicketSort, limit: number) {
  const counted = await countTicketsUpTo(ctx.db, where, SEARCH_COUNT_LIMIT);
  const capped = counted > SEARCH_COUNT_LIMIT;
  const rows = await findTicketPage(ctx.db, pageWhere, sortOrder(sort, { matchesFirst: !capped }), limit + 1);
  return { rows, total: Math.min(counted, SEARCH_COUNT_LIMIT), capped };
}

export async function getTicketHistory(ctx: TicketsContext, ref: string) {
  const ticket = await getTicket(ctx, ref);
  const rows = await findHistory(ctx.db, ticket.id);
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      actor_type: r.actorType,
      actor_id: r.actorId,
      action: r.action,
      old_value: r.oldValue,
      new_value: r.newValue,
      comment: r.comment,
      created_at: r.createdAt.toISOString(),
    })),
  };
}
