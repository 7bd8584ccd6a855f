import { AppError } from '../../core/errors';
import { hashToken, randomToken } from '../../core/secrets';
import { createTicket } from './ticket-create.service';
import { addCustomerMessage } from './ticket-messages.service';
import type { TicketsContext } from './tickets.context';
import { findMessages, findTicketByTokenHash } from './tickets.queries';
import type { PublicCreateTicketBody } from './tickets.schema';

// Customers without an account follow their ticket with a secret token; only its hash is stored.
export async function createPublicTicket(ctx: TicketsContext, input: PublicCreateTicketBody, baseUrl: string) {
  const token = randomToken(24);
  const ticket = await createTicket(ctx, { type: 'system', id: null }, {
    subject: input.subject,
    description: input.description,
    channel: input.channel,
    customer: { email: input.email, name: input.name },
    publicTokenHash: hashToken(token),
  });
  return { number: ticket.number, token, status: ticket.status, status_url: `${baseUrl}/api/public/tickets/${token}` };
}

async function findByToken(ctx: TicketsContext, token: string) {
  const row = await findTicketByTokenHash(ctx.db, hashToken(token));
  if (!row) throw new AppError('TICKET_NOT_FOUND');
  return row;
}

export async function getPublicTicket(ctx: TicketsContext, token: string) {
  const row = await findByToken(ctx, token);
  const messages = await findMessages(ctx.db, row.id, { includeInternal: false });
  return {
    number: row.number,
    subject: row.subject,
    status: row.status,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    messages: messages.map((m) => ({ author_type: m.message.authorType, body: m.message.body, created_at: m.message.createdAt.toISOString() })),
  };
}

export async function replyAsCustomer(ctx: TicketsContext, token: string, body: string) {
  const row = await findByToken(ctx, token);
  await addCustomerMessage(ctx, row.id, body);
  return getPublicTicket(ctx, token);
}
