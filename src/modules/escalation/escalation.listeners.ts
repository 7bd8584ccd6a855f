import { notifyUsers } from '../notifications';
import { applyTicketChange, handOnTicketRow, lockTicket, type TicketsContext } from '../tickets';
import { ASSIGNMENT_MODES_CACHE, findAssignmentModes } from './assignment.queries';
import { pickAssignee } from './assignment.service';
import { evaluateEscalations } from './escalation.service';

// Rules run on a new ticket, on every customer message and when the SLA job marks a ticket.
// Events caused by automation are skipped so automation never triggers itself.
export function subscribeEscalations(ctx: TicketsContext): void {
  ctx.events.on('ticket.created', async (event) => {
    if (event.actorType === 'automation') return;
    // Most new tickets meet no rule: the automatic answer after this takes the row read here.
    await evaluateEscalations(ctx, event.ticketId, { kind: 'ticket_created' }, (row) => handOnTicketRow(event, row));
  });
  ctx.events.on('ticket.message_added', async ({ ticketId, messageId, authorType }) => {
    if (authorType !== 'customer') return;
    await evaluateEscalations(ctx, ticketId, { kind: 'customer_message', messageId });
  });
  ctx.events.on('ticket.sla_changed', async ({ ticketId }) => {
    await evaluateEscalations(ctx, ticketId, { kind: 'sla' });
  });
}

/** Gives a new, unassigned ticket to a member of its queue when the queue hands out tickets itself. */
export async function autoAssignTicket(ctx: TicketsContext, ticketId: string): Promise<string | null> {
  const modes = await ctx.cache.get(ASSIGNMENT_MODES_CACHE, () => findAssignmentModes(ctx.db));
  // Most teams hand out work by hand: then there is nothing to lock or read.
  if (![...modes.values()].some((m) => m !== 'none')) return null;
  const now = ctx.clock.now();
  const assigned = await ctx.db.transaction(async (tx) => {
    const row = await lockTicket(tx, ticketId);
    if (!row || row.assigneeId || (row.status !== 'open' && row.status !== 'escalated')) return null;
    const mode = modes.get(row.queueId) ?? 'none';
    if (mode === 'none') return null;
    const userId = await pickAssignee(tx, row.queueId, mode, now);
    if (!userId) return null;
    const comment = `assigned automatically (${mode === 'round_robin' ? 'round robin' : 'least loaded'})`;
    await applyTicketChange(tx, ctx.sla, { actorType: 'automation', actorId: null }, row, { assigneeId: userId }, { now, reason: comment });
    await notifyUsers(tx, [userId], { type: 'assignment', ticketId: row.id, title: `Ticket #${row.number} was assigned to you`, body: row.subject }, now);
    return userId;
  });
  if (assigned) await ctx.events.emit('ticket.updated', { ticketId, changes: ['assigned'], actorType: 'automation' });
  return assigned;
}

// Registered after the knowledge-base auto-answer, so a ticket Clara resolved by itself is not handed
// out; when its customer comes back (the ticket reopens), it goes to the queue like any new work.
export function subscribeAutoAssign(ctx: TicketsContext): void {
  ctx.events.on('ticket.created', async ({ ticketId, actorType }) => {
    if (actorType === 'automation') return;
    await autoAssignTicket(ctx, ticketId);
  });
  ctx.events.on('ticket.updated', async ({ ticketId, actorType, changes }) => {
    if (actorType !== 'customer' || !changes.includes('reopened')) return;
    await autoAssignTicket(ctx, ticketId);
  });
}
