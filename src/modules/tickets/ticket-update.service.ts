import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors';
import { can, type Actor } from '../../core/rbac';
import { findQueueById } from '../queues';
import { findUserById } from '../users';
import { actorRef } from './ticket-create.service';
import { canTransition, type Status } from './ticket-fields';
import { toTicket } from './ticket-view';
import type { TicketsContext } from './tickets.context';
import { findTicketView, insertHistory, lockTicket, updateTicketRow, type HistoryInput } from './tickets.queries';
import type { UpdateTicketBody } from './tickets.schema';
import { tickets, type TicketRow } from './tickets.table';

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

function statusStamps(from: Status, to: Status, now: Date): Partial<TicketRow> {
  if (to === 'resolved') return { resolvedAt: now };
  if (to === 'closed') return { closedAt: now };
  if (to === 'open' && (from === 'resolved' || from === 'closed')) return { resolvedAt: null, closedAt: null };
  return {};
}

export async function updateTicket(ctx: TicketsContext, actor: Actor, ref: string, input: UpdateTicketBody) {
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const before = await lockTicket(tx, ref);
    if (!before) throw new AppError('TICKET_NOT_FOUND');
    const changes: Partial<TicketRow> = {};
    const history: HistoryInput[] = [];
    const record = (action: string, oldValue: unknown, newValue: unknown) =>
      history.push({ ticketId: before.id, ...actorRef(actor), action, oldValue, newValue, comment: input.comment ?? null, createdAt: now });

    if (input.status !== undefined && input.status !== before.status) {
      if (!canTransition(before.status, input.status)) {
        throw new AppError('ILLEGAL_TRANSITION', `A ${before.status} ticket cannot become ${input.status}.`, {
          from: before.status,
          to: input.status,
        });
      }
      Object.assign(changes, { status: input.status }, statusStamps(before.status, input.status, now));
      Object.assign(changes, await ctx.sla.statusChanged(tx, before, input.status, now));
      const reopened = input.status === 'open' && (before.status === 'resolved' || before.status === 'closed');
      if (reopened) {
        const count = Number(before.metadata.reopen_count ?? 0) + 1;
        changes.metadata = { ...before.metadata, reopen_count: count };
      }
      record(reopened ? 'reopened' : 'status_changed', before.status, input.status);
    }
    if (input.priority !== undefined && input.priority !== before.priority) {
      changes.priority = input.priority;
      Object.assign(changes, await ctx.sla.recompute(tx, { ...before, ...changes }, now));
      record('priority_changed', before.priority, input.priority);
    }
    if (input.category !== undefined && input.category !== before.category) {
      changes.category = input.category;
      record('category_changed', before.category, input.category);
    }
    if (input.intent !== undefined && input.intent !== before.intent) {
      changes.intent = input.intent;
      record('intent_changed', before.intent, input.intent);
    }
    if (input.subject !== undefined && input.subject !== before.subject) {
      changes.subject = input.subject;
      record('subject_changed', before.subject, input.subject);
    }
    if (input.assignee_id !== undefined && input.assignee_id !== before.assigneeId) {
      checkAssignPermission(actor, before.assigneeId, input.assignee_id);
      if (input.assignee_id) {
        const user = await findUserById(tx, input.assignee_id);
        if (!user) throw new AppError('USER_NOT_FOUND', 'The assignee does not exist.');
        if (!user.active || user.role === 'viewer') throw new AppError('CONFLICT', 'The assignee must be an active agent, lead or admin.');
      }
      changes.assigneeId = input.assignee_id;
      record('assigned', before.assigneeId, input.assignee_id);
    }
    if (input.queue_id !== undefined && input.queue_id !== before.queueId) {
      if (!(await findQueueById(tx, input.queue_id))) throw new AppError('QUEUE_NOT_FOUND');
      changes.queueId = input.queue_id;
      record('queue_changed', before.queueId, input.queue_id);
    }
    if (input.tags !== undefined) {
      const tags = [...new Set(input.tags)];
      if (tags.join('\u0000') !== before.tags.join('\u0000')) {
        changes.tags = tags;
        record('tags_changed', before.tags, tags);
      }
    }
    if (history.length > 0) {
      await updateTicketRow(tx, before.id, { ...changes, updatedAt: now });
      await insertHistory(tx, history);
    }
    return { id: before.id, changed: history.map((h) => h.action) };
  });
  if (id.changed.length > 0) await ctx.events.emit('ticket.updated', { ticketId: id.id, changes: id.changed, actorType: actor.type });
  return toTicket((await findTicketView(ctx.db, eq(tickets.id, id.id)))!);
}

// DELETE never removes a ticket: it closes it, keeping the conversation and history.
export async function closeTicket(ctx: TicketsContext, actor: Actor, ref: string) {
  return updateTicket(ctx, actor, ref, { status: 'closed' });
}
