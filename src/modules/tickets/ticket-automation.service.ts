import { AppError } from '../../core/errors';
import { together } from '../../core/db';
import type { TicketsContext } from './tickets.context';
import { applyTicketChange } from './ticket-change';
import { lockTicket, mergeTicketMetadata, sendMessage } from './tickets.queries';

export interface AutoAnswer {
  body: string;
  confidence: number;
  citations: { article_id: string; title: string; chunk_id: string }[];
  mode: string;
}

const automation = { actorType: 'automation', actorId: null };

// Clara answers and resolves in one transaction; a customer reply reopens the ticket as usual.
export async function resolveWithAutoAnswer(ctx: TicketsContext, ticketId: string, answer: AutoAnswer): Promise<boolean> {
  const now = ctx.clock.now();
  const resolved = await ctx.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    if (!ticket) throw new AppError('TICKET_NOT_FOUND');
    if (ticket.status !== 'open' || ticket.firstRespondedAt) return false;
    const { message, stored } = sendMessage(tx, {
      ticketId: ticket.id,
      authorType: 'automation',
      channel: ticket.channel,
      body: answer.body,
      metadata: { auto_answer: true, confidence: answer.confidence, citations: answer.citations, mode: answer.mode },
      createdAt: now,
    });
    // The message, the mail's reads and the ticket's change go out together and wait on the database once;
    // the mail's writes (its status link, the outbox row and its job) once more.
    await together([
      stored,
      ctx.mail.messageAdded(tx, ticket, message),
      applyTicketChange(
        tx,
        ctx.sla,
        automation,
        ticket,
        {
          status: 'resolved',
          firstResponse: 'silent',
          metadata: { auto_resolved: true, auto_answer: { confidence: answer.confidence, citations: answer.citations, message_id: message.id } },
        },
        {
          now,
          reason: 'answered from the knowledge base',
          events: [{ action: 'auto_answered', newValue: { message_id: message.id, confidence: answer.confidence }, comment: null }],
        },
      ),
    ]);
    return true;
  });
  if (resolved) await ctx.events.emit('ticket.updated', { ticketId, changes: ['auto_answered', 'status_changed'], actorType: 'automation' });
  return resolved;
}

// A suggestion is metadata only (no history, no SLA, not a change anyone sees in the timeline): one
// statement merges it, where locking the ticket to rewrite its metadata took four.
export async function attachSuggestion(ctx: TicketsContext, ticketId: string, suggestion: Record<string, unknown>): Promise<void> {
  await mergeTicketMetadata(ctx.db, ticketId, { kb_suggestion: suggestion });
}
