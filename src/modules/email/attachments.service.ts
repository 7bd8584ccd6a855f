import { AppError } from '../../core/errors';
import { getTicket, type TicketsContext } from '../tickets';
import { findAttachment, listTicketAttachments } from './inbound.queries';

export async function listAttachments(ctx: TicketsContext, ref: string) {
  const ticket = await getTicket(ctx, ref);
  const rows = await listTicketAttachments(ctx.db, ticket.id);
  return {
    items: rows.map((a) => ({
      id: a.id,
      message_id: a.ticketMessageId,
      filename: a.filename,
      content_type: a.contentType,
      size: a.size,
      created_at: a.createdAt.toISOString(),
    })),
  };
}

export async function downloadAttachment(ctx: TicketsContext, id: string) {
  const row = await findAttachment(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Attachment not found.');
  return { filename: row.filename, contentType: row.contentType, content: row.content };
}
