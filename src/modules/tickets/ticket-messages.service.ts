import { AppError } from '../../core/errors';
import { together } from '../../core/db';
import type { Actor } from '../../core/rbac';
import { actorRef } from './ticket-create.service';
import type { TicketsContext } from './tickets.context';
import { applyTicketChange } from './ticket-change';
import { autoAnswerFailure } from './auto-answer-record';
import { attachUploads, uploaderOf } from './attachments.service';
import { findMessages, lockTicket, sendMessage } from './tickets.queries';
import type { CreateMessageBody } from './tickets.schema';
import type { TicketMessageRow } from './tickets.table';
import { withSentiment } from './message-sentiment';

type MessageWithAuthor = Awaited<ReturnType<typeof findMessages>>[number];

function toMessage(m: MessageWithAuthor) {
  const author = m.authorUser?.id ? m.authorUser : m.authorCustomer?.id ? m.authorCustomer : null;
  return {
    id: m.message.id,
    ticket_id: m.message.ticketId,
    author_type: m.message.authorType,
    author: author ? { id: author.id, name: author.name } : null,
    channel: m.message.channel,
    body: m.message.body,
    internal: m.message.internal,
    created_at: m.message.createdAt.toISOString(),
  };
}

export async function listMessages(ctx: TicketsContext, ref: string, opts = { includeInternal: true }) {
  const ticket = await lockTicket(ctx.db, ref);
  if (!ticket) throw new AppError('TICKET_NOT_FOUND');
  return { items: (await findMessages(ctx.db, ticket.id, opts)).map(toMessage) };
}

// A staff reply or note. The first public reply stamps the ticket's first response (SLA).
export async function addStaffMessage(ctx: TicketsContext, actor: Actor, ref: string, input: CreateMessageBody) {
  if (actor.type !== 'user' && actor.type !== 'automation') throw new AppError('FORBIDDEN');
  const now = ctx.clock.now();
  const message = await ctx.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, ref);
    if (!ticket) throw new AppError('TICKET_NOT_FOUND');
    if (ticket.status === 'closed') throw new AppError('CONFLICT', 'The ticket is closed; reopen it first.');
    const { message: row, stored } = sendMessage(tx, {
      ticketId: ticket.id,
      authorType: actor.type === 'user' ? 'agent' : 'automation',
      authorUserId: actor.type === 'user' ? actor.id : null,
      channel: ticket.channel,
      body: input.body,
      internal: input.internal,
      createdAt: now,
    });
    // Sent together, in this order (the mail reads the files the message was given): one wait, then the mail's writes.
    const [saved] = await together([
      stored,
      input.attachment_ids?.length ? attachUploads(tx, input.attachment_ids, uploaderOf(actor), { ticketId: ticket.id, ticketMessageId: row.id }) : null,
      applyTicketChange(
        tx,
        ctx.sla,
        actorRef(actor),
        ticket,
        input.internal ? {} : { firstResponse: 'recorded' },
        { now, events: [{ action: input.internal ? 'note_added' : 'reply_sent', newValue: { message_id: row.id } }] },
      ),
      row.internal ? null : ctx.mail.messageAdded(tx, ticket, row),
    ]);
    return saved;
  });
  await emitMessage(ctx, message);
  const all = await findMessages(ctx.db, message.ticketId, { includeInternal: true });
  return toMessage(all.find((m) => m.message.id === message.id)!);
}

// A customer writing again: a resolved ticket reopens; a closed one stays closed. Writing back after
// Clara resolved the ticket by itself marks the automatic answer as failed.
export async function addCustomerMessage(
  ctx: TicketsContext,
  ticketId: string,
  body: string,
  opts: { metadata?: Record<string, unknown>; attachmentIds?: string[] } = {},
) {
  const now = ctx.clock.now();
  const { message, actions } = await ctx.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    if (!ticket) throw new AppError('TICKET_NOT_FOUND');
    if (ticket.status === 'closed') throw new AppError('CONFLICT', 'This ticket is closed. Please open a new one.');
    const { message: row, stored } = sendMessage(tx, {
      ticketId: ticket.id,
      authorType: 'customer',
      authorCustomerId: ticket.customerId,
      channel: ticket.channel,
      body,
      metadata: withSentiment(body, opts.metadata),
      createdAt: now,
    });
    const failure = autoAnswerFailure(ticket, now);
    // Waiting on the customer is over: a resolved or pending ticket is open again (the SLA clock runs again or re-arms).
    const [saved, , applied] = await together([
      stored,
      opts.attachmentIds?.length ? attachUploads(tx, opts.attachmentIds, { origin: 'customer' }, { ticketId: ticket.id, ticketMessageId: row.id }) : null,
      applyTicketChange(
        tx,
        ctx.sla,
        { actorType: 'customer', actorId: ticket.customerId },
        ticket,
        { ...(ticket.status === 'resolved' || ticket.status === 'pending' ? { status: 'open' as const } : {}), ...(failure ? { metadata: failure.metadata } : {}) },
        { now, events: [{ action: 'customer_replied', newValue: { message_id: row.id } }, ...(failure ? [failure.event] : [])] },
      ),
    ]);
    return { message: saved, actions: applied.actions.filter((a) => a !== 'customer_replied') };
  });
  await emitMessage(ctx, message);
  if (actions.length > 0) await ctx.events.emit('ticket.updated', { ticketId, changes: actions, actorType: 'customer' });
  return message;
}

async function emitMessage(ctx: TicketsContext, m: TicketMessageRow) {
  await ctx.events.emit('ticket.message_added', { ticketId: m.ticketId, messageId: m.id, authorType: m.authorType, internal: m.internal });
}
