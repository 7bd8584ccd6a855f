import { AppError } from '../../core/errors';
import { autoAnswerOf, autoAnswerStands } from './auto-answer-record';
import { applyTicketChange } from './ticket-change';
import { addCustomerMessage } from './ticket-messages.service';
import type { TicketsContext } from './tickets.context';
import { lockTicket } from './tickets.queries';

export const DID_NOT_HELP = 'The automatic answer did not help.';

/**
 * The customer's verdict on Clara's answer from the status page. "Did not help" is a customer
 * message (their words, or a plain note) that reopens the ticket as a failed auto-resolution;
 * "solved it" keeps the ticket resolved and records the confirmation.
 */
export async function recordAutoAnswerFeedback(ctx: TicketsContext, ticketId: string, helped: boolean, comment?: string): Promise<void> {
  if (!helped) {
    const row = await lockTicket(ctx.db, ticketId);
    if (!row) throw new AppError('TICKET_NOT_FOUND');
    if (!autoAnswerStands(row)) throw new AppError('CONFLICT', 'There is no automatic answer waiting for your feedback.');
    await addCustomerMessage(ctx, ticketId, comment?.trim() || DID_NOT_HELP, { metadata: { did_not_help: true } });
    return;
  }
  await ctx.db.transaction(async (tx) => {
    const row = await lockTicket(tx, ticketId);
    if (!row) throw new AppError('TICKET_NOT_FOUND');
    if (!autoAnswerStands(row)) throw new AppError('CONFLICT', 'There is no automatic answer waiting for your feedback.');
    const record = autoAnswerOf(row)!;
    await applyTicketChange(
      tx,
      ctx.sla,
      { actorType: 'customer', actorId: row.customerId },
      row,
      { metadata: { auto_answer: { ...record, confirmed_at: ctx.clock.now().toISOString() } } },
      { now: ctx.clock.now(), events: [{ action: 'auto_answer_confirmed', newValue: { message_id: record.message_id }, comment: 'the customer said the answer solved it' }] },
    );
  });
}
