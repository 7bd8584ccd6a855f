import { systemActor } from '../../core/rbac';
import { addCustomerMessage, createTicket, findTicketRow, insertAttachments, prepareAttachments, type TicketsContext } from '../tickets';
import type { InboundStatus } from './email.table';
import { recordBounce } from './bounce.service';
import { parseInbound, type InboundEmail } from './inbound-parse';
import { findInbound, findMessageFromInbound, findTicketByNumber, updateInbound } from './inbound.queries';
import { findTicketIdByMessageIds } from './outbox.queries';
import { enqueueAcknowledgment } from './ticket-mail.service';
import { ticketNumberFromSubject } from './threading';

async function finish(ctx: TicketsContext, id: string, status: InboundStatus, outcome: string, ticketId: string | null = null) {
  await updateInbound(ctx.db, id, { status, outcome, ticketId, processedAt: ctx.clock.now(), error: null });
  return outcome;
}

// A reply threads by the Message-IDs it answers (mail we sent or received); failing that, by a
// [#1234] subject tag, but only from that ticket's customer so a guessed number cannot hijack a ticket.
async function threadTarget(ctx: TicketsContext, mail: InboundEmail): Promise<string | null> {
  const byHeaders = await findTicketIdByMessageIds(ctx.db, mail.parents);
  const byTag = byHeaders ? null : ticketNumberFromSubject(mail.subject);
  const tagged = byTag ? await findTicketByNumber(ctx.db, byTag) : null;
  const id = byHeaders ?? (tagged && tagged.customerEmail === mail.from?.address ? tagged.id : null);
  if (!id) return null;
  const ticket = await findTicketRow(ctx.db, id);
  return ticket && ticket.status !== 'closed' ? ticket.id : null;
}

/**
 * Turns one stored mail into a ticket or a ticket message. Safe to run again after a crash at any
 * point: the message carries the inbound id, and the final step commits only once.
 */
export async function processInboundEmail(ctx: TicketsContext, inboundId: string): Promise<string> {
  const row = await findInbound(ctx.db, inboundId);
  if (!row || row.status !== 'received') return 'skipped';
  const mail = await parseInbound(row.raw);
  if (!mail.from) return finish(ctx, row.id, 'ignored', 'no_sender');
  if (mail.from.address === ctx.config.CLARA_SUPPORT_ADDRESS.toLowerCase()) return finish(ctx, row.id, 'ignored', 'own_address');
  if (mail.bounce) {
    const bounced = await recordBounce(ctx, mail.bounce);
    return finish(ctx, row.id, bounced ? 'processed' : 'ignored', bounced ? 'bounce' : 'bounce_unmatched', bounced?.ticketId ?? null);
  }
  const target = await threadTarget(ctx, mail);
  // An out-of-office answer to our mail would reopen the ticket and could start a reply loop.
  if (target && mail.autoReply) return finish(ctx, row.id, 'ignored', 'auto_reply', target);

  const files = await prepareAttachments(mail.attachments, ctx.config.CLARA_EMAIL_MAX_ATTACHMENT_BYTES);
  const metadata = {
    email: { inbound_email_id: row.id, message_id: mail.messageId, from: mail.from.address, subject: mail.subject, html: mail.html },
    attachments: files.stored.map((a) => ({ filename: a.filename, content_type: a.contentType, size: a.size })),
    ...(files.skipped.length ? { skipped_attachments: files.skipped } : {}),
  };
  const body = mail.body || '(empty message)';
  const where = target ? { ticketId: target } : { customerEmail: mail.from.address };
  let message = await findMessageFromInbound(ctx.db, row.id, where);
  if (!message && target) {
    message = await addCustomerMessage(ctx, target, body, { metadata });
  } else if (!message) {
    const ticket = await createTicket(ctx, systemActor, {
      subject: mail.subject.slice(0, 300) || '(no subject)',
      description: body,
      channel: 'email',
      customer: { email: mail.from.address, ...(mail.from.name ? { name: mail.from.name } : {}) },
      metadata: { email: { inbound_email_id: row.id, auto_reply: !mail.automated } },
      messageMetadata: metadata,
      // This already runs as a job: the rules and the auto-answer run now, before the acknowledgment below.
    }, { followUps: 'now' });
    message = await findMessageFromInbound(ctx.db, row.id, { ticketId: ticket.id });
  }
  if (!message) throw new Error('inbound email message vanished');
  const ticketMessage = message;

  return ctx.db.transaction(async (tx) => {
    const locked = await findInbound(tx, row.id, { lock: true });
    if (locked?.status !== 'received') return 'skipped';
    const ticket = (await findTicketRow(tx, ticketMessage.ticketId))!;
    await insertAttachments(
      tx,
      files.stored.map((a) => ({ ...a, origin: 'email' as const, ticketId: ticket.id, ticketMessageId: ticketMessage.id, inboundEmailId: row.id, createdAt: ctx.clock.now() })),
    );
    const createdHere = (ticket.metadata.email as { inbound_email_id?: string } | undefined)?.inbound_email_id === row.id;
    const outcome = createdHere ? 'ticket_created' : 'message_added';
    await updateInbound(tx, row.id, { status: 'processed', outcome, ticketId: ticket.id, ticketMessageId: ticketMessage.id, processedAt: ctx.clock.now(), error: null });
    // After the update above, so the acknowledgment threads under this mail.
    if (createdHere) await enqueueAcknowledgment(ctx, tx, ticket);
    return outcome;
  });
}
