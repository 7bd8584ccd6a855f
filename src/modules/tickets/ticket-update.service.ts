import { AppError } from '../../core/errors';
import { can, type Actor } from '../../core/rbac';
import { findQueueById } from '../queues';
import { findUserById } from '../users';
import { actorRef } from './ticket-create.service';
import { applyTicketChange } from './ticket-change';
import { toTicket } from './ticket-view';
import type { TicketsContext } from './tickets.context';
import { findTicketView, lockTicket } from './tickets.queries';
import { transitionPermission } from './ticket-fields';
import type { UpdateTicketBody } from './tickets.schema';

function requireUser(actor: Actor) {
  if (actor.type !== 'user') throw new AppError('FORBIDDEN');
  return actor;
}

// Agents may take or drop a ticket themselves; assigning someone else needs tickets:assign.
function checkAssignPermission(actor: Actor, current: string | null, next: string | null) {
  const user = requireUser(actor);
  if (can(user.role, 'tickets:assign')) return;
  const selfOnly = (next === user.id && current === null) || (next === null && current === user.id);
  if (!selfOnly) throw new AppError('FORBIDDEN', 'Assigning tickets to others needs tickets:assign.');
}

export async function updateTicket(ctx: TicketsContext, actor: Actor, ref: string, input: UpdateTicketBody) {
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const before = await lockTicket(tx, ref);
    if (!before) throw new AppError('TICKET_NOT_FOUND');
    if (input.status !== undefined && input.status !== before.status && actor.type === 'user') {
      const needed = transitionPermission(before.status, input.status);
      if (!can(actor.role, needed)) throw new AppError('FORBIDDEN', `Changing the status from ${before.status} to ${input.status} needs ${needed}.`);
    }
    if (input.assignee_id !== undefined && input.assignee_id !== before.assigneeId) {
      checkAssignPermission(actor, before.assigneeId, input.assignee_id);
      if (input.assignee_id) {
        const user = await findUserById(tx, input.assignee_id);
        if (!user) throw new AppError('USER_NOT_FOUND', 'The assignee does not exist.');
        if (!user.active || user.role === 'viewer') throw new AppError('CONFLICT', 'The assignee must be an active agent, lead or admin.');
      }
    }
    if (input.queue_id !== undefined && input.queue_id !== before.queueId) {
      const queue = await findQueueById(tx, input.queue_id);
      if (!queue) throw new AppError('QUEUE_NOT_FOUND');
      if (!queue.active) throw new AppError('CONFLICT', `${queue.name} is archived: choose another queue.`);
    }
    const { row, actions } = await applyTicketChange(
      tx,
      ctx.sla,
      actorRef(actor),
      before,
      {
        status: input.status,
        priority: input.priority,
        category: input.category,
        intent: input.intent,
        subject: input.subject,
        assigneeId: input.assignee_id,
        queueId: input.queue_id,
        tags: input.tags,
      },
      { now, reason: input.comment ?? null },
    );
    if (row.status === 'resolved' && before.status !== 'resolved' && actor.type === 'user') await ctx.mail.ticketResolved(tx, row);
    return { id: before.id, changed: actions };
  });
  if (id.changed.length > 0) await ctx.events.emit('ticket.updated', { ticketId: id.id, changes: id.changed, actorType: actor.type });
  return toTicket((await findTicketView(ctx.db, id.id))!);
}

// DELETE never removes a ticket: it closes it, keeping the conversation and history.
export async function closeTicket(ctx: TicketsContext, actor: Actor, ref: string) {
  return updateTicket(ctx, actor, ref, { status: 'closed' });
}
