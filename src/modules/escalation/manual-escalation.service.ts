import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors';
import type { Actor } from '../../core/rbac';
import { auditChange, type AuditBy } from '../audit';
import { findActiveUserIdsByRole } from '../notifications';
import { actorRef, canTransition, findTicketView, lockTicket, toTicket, type TicketsContext } from '../tickets';
import { findActiveMemberIds } from './assignment.queries';
import { ESCALATIONS_QUEUE } from './default-rules';
import { EscalationWork } from './escalation-actions';
import { findQueueByNameOrId, recordEscalation } from './escalation.queries';
import type { DeescalateBody, EscalateBody } from './escalation.schema';

async function view(ctx: TicketsContext, id: string) {
  return toTicket((await findTicketView(ctx.db, id))!);
}

// An agent asks for a senior look: the ticket goes to the Escalations queue (or the one named) and
// that queue's members hear about it, or the leads when it has none.
export async function escalateTicket(ctx: TicketsContext, actor: Actor, ref: string, input: EscalateBody) {
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const row = await lockTicket(tx, ref);
    if (!row) throw new AppError('TICKET_NOT_FOUND');
    if (row.status === 'escalated') throw new AppError('CONFLICT', 'The ticket is already escalated.');
    if (input.queue_id && !(await findQueueByNameOrId(tx, input.queue_id))) throw new AppError('QUEUE_NOT_FOUND');
    if (!canTransition(row.status, 'escalated')) throw new AppError('ILLEGAL_TRANSITION', `A ${row.status} ticket cannot be escalated.`, { from: row.status, to: 'escalated' });
    const work = new EscalationWork(ctx, tx, row, actorRef(actor), now);
    work.record('escalated', null, { manual: true }, input.reason);
    await work.escalate(input.reason);
    await work.moveTo(input.queue_id ?? ESCALATIONS_QUEUE, input.reason);
    const members = await findActiveMemberIds(tx, work.row.queueId);
    work.tell(members.length > 0 ? members : await findActiveUserIdsByRole(tx, ['lead']), `${input.reason} (escalated by hand)`);
    work.tell([work.row.assigneeId], `${input.reason} (escalated by hand)`);
    await recordEscalation(tx, { ticketId: row.id, ruleId: null, cause: `manual:${randomUUID()}`, reason: input.reason, actorType: actor.type, actorId: actor.id, createdAt: now });
    await work.flush({ title: `Ticket #${row.number} escalated`, skipUser: actor.id });
    return row.id;
  });
  await ctx.events.emit('ticket.escalated', { ticketId: id, ruleId: null, reason: input.reason, actorType: actor.type });
  await ctx.events.emit('ticket.updated', { ticketId: id, changes: ['escalated', 'status_changed'], actorType: actor.type });
  return view(ctx, id);
}

export async function deescalateTicket(ctx: TicketsContext, by: AuditBy, ref: string, input: DeescalateBody) {
  const { actor } = by;
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const row = await lockTicket(tx, ref);
    if (!row) throw new AppError('TICKET_NOT_FOUND');
    if (row.status !== 'escalated') throw new AppError('CONFLICT', 'The ticket is not escalated.');
    if (input.queue_id && !(await findQueueByNameOrId(tx, input.queue_id))) throw new AppError('QUEUE_NOT_FOUND');
    const reason = input.reason ?? null;
    const work = new EscalationWork(ctx, tx, row, actorRef(actor), now);
    work.record('deescalated', 'escalated', 'open', reason);
    await work.change({ status: 'open' }, reason);
    if (input.queue_id) await work.moveTo(input.queue_id, reason ?? 'de-escalated');
    await work.flush({ title: `Ticket #${row.number} de-escalated` });
    // A lead's call on a ticket: in the ticket's history and, as a lead-only write, in the audit log.
    const state = (t: { status: string; queueId: string }) => ({ status: t.status, queue_id: t.queueId });
    await auditChange(ctx, tx, by, { action: 'ticket.deescalated', targetType: 'ticket', targetId: row.id, before: state(row), after: state(work.row), details: { reason } });
    return row.id;
  });
  await ctx.events.emit('ticket.deescalated', { ticketId: id, reason: input.reason ?? '', actorType: actor.type });
  await ctx.events.emit('ticket.updated', { ticketId: id, changes: ['deescalated', 'status_changed'], actorType: actor.type });
  return view(ctx, id);
}
