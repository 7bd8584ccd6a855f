import { AppError } from '../../core/errors';
import { hashToken, randomToken } from '../../core/secrets';
import { createTicket } from './ticket-create.service';
import { addCustomerMessage } from './ticket-messages.service';
import type { TicketsContext } from './tickets.context';
import { findMessages, findTicketByTokenHash } from './tickets.queries';
import type { PublicCreateTicketBody, PublicFeedbackBody, PublicReplyBody, PublicTicket } from './tickets.schema';
import { listTicketAttachments } from './attachments.queries';
import { autoAnswerOf } from './auto-answer-record';
import { recordAutoAnswerFeedback } from './auto-answer-feedback.service';
import { followUpPending } from './ticket-follow-up.service';

// Customers without an account follow their ticket with a secret token; only its hash is stored.
export async function createPublicTicket(ctx: TicketsContext, input: PublicCreateTicketBody, baseUrl: string) {
  const token = randomToken(24);
  const ticket = await createTicket(ctx, { type: 'system', id: null }, {
    subject: input.subject,
    description: input.description,
    channel: input.channel,
    customer: { email: input.email, name: input.name },
    publicTokenHash: hashToken(token),
    attachmentIds: input.attachment_ids,
  });
  return { number: ticket.number, token, status: ticket.status, status_url: `${baseUrl}/api/public/tickets/${token}` };
}

async function findByToken(ctx: TicketsContext, token: string) {
  const row = await findTicketByTokenHash(ctx.db, hashToken(token));
  if (!row) throw new AppError('TICKET_NOT_FOUND');
  return row;
}

/** The name a customer sees on a message: Clara for automatic answers, their own name; staff stay anonymous ("Support team"). */
export const BOT_NAME = 'Clara';

function sourcesOf(metadata: Record<string, unknown>): { article_id: string; title: string }[] | undefined {
  const citations = metadata.citations;
  if (metadata.auto_answer !== true || !Array.isArray(citations)) return undefined;
  return citations.flatMap((c: { article_id?: unknown; title?: unknown }) =>
    typeof c.article_id === 'string' && typeof c.title === 'string' ? [{ article_id: c.article_id, title: c.title }] : [],
  );
}

export async function getPublicTicket(ctx: TicketsContext, token: string): Promise<PublicTicket> {
  const row = await findByToken(ctx, token);
  const messages = await findMessages(ctx.db, row.id, { includeInternal: false });
  const files = await listTicketAttachments(ctx.db, row.id, { publicOnly: true });
  const auto = autoAnswerOf(row);
  return {
    number: row.number,
    subject: row.subject,
    status: row.status,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    messages: messages.map((m) => ({
      author_type: m.message.authorType,
      author_name: m.message.authorType === 'automation' ? BOT_NAME : m.message.authorType === 'customer' ? (m.authorCustomer?.name ?? null) : null,
      body: m.message.body,
      created_at: m.message.createdAt.toISOString(),
      sources: sourcesOf(m.message.metadata),
      attachments: files
        .filter((f) => f.ticketMessageId === m.message.id)
        .map((f) => ({ id: f.id, filename: f.filename, content_type: f.contentType, size: f.size })),
    })),
    auto_answer: !auto ? null : { state: auto.failed_at ? 'did_not_help' : auto.confirmed_at ? 'helped' : 'awaiting_feedback' },
    answering: await followUpPending(ctx, row.id),
  };
}

export async function giveAutoAnswerFeedback(ctx: TicketsContext, token: string, body: PublicFeedbackBody) {
  const row = await findByToken(ctx, token);
  await recordAutoAnswerFeedback(ctx, row.id, body.helped, body.comment);
  return getPublicTicket(ctx, token);
}

export async function replyAsCustomer(ctx: TicketsContext, token: string, input: PublicReplyBody) {
  const row = await findByToken(ctx, token);
  await addCustomerMessage(ctx, row.id, input.body, { attachmentIds: input.attachment_ids });
  return getPublicTicket(ctx, token);
}
