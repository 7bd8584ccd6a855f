import { eq } from 'drizzle-orm';
import { together, type Db } from '../../core/db';
import type { Actor } from '../../core/rbac';
import { customers } from '../customers';
import { findMessageFiles, issueStatusLink, statusPageUrl, type SentMessage, type TicketMailer, type TicketRow } from '../tickets';
import type { OutboxDeps } from './email.context';
import type { OutboxKind } from './email.table';
import { enqueueEmail } from './outbox.service';
import { ticketThread } from './outbox.queries';
import { escapeHtml, renderTemplate, textToHtml, type TemplateKey } from './templates';
import { markdownToHtml, markdownToText } from '../../core/markdown';
import { templateFor } from './templates.service';
import { referencesFor, taggedSubject } from './threading';

/** Demo tickets belong to made-up customers: nothing about them is ever mailed. */
function isDemo(ticket: TicketRow): boolean {
  return ticket.metadata.demo === true;
}

/** Set on tickets from mail that must never get an automatic answer (auto-replies, lists, bounces). */
export function autoReplyAllowed(ticket: TicketRow): boolean {
  const email = ticket.metadata.email as { auto_reply?: boolean } | undefined;
  return email?.auto_reply !== false;
}

/** Where links in customer emails point: CLARA_PUBLIC_URL, else this server on localhost. */
export function emailLinksBase(config: OutboxDeps['config']): string {
  return config.CLARA_PUBLIC_URL ?? `http://localhost:${config.PORT}`;
}

// RFC 2606 reserves .invalid: the voice channel files callers without an address under it.
function deliverable(address: string): boolean {
  return !/\.invalid$/i.test(address);
}

async function customerOf(db: Db, ticket: TicketRow) {
  const [row] = await db.select({ email: customers.email, name: customers.name }).from(customers).where(eq(customers.id, ticket.customerId));
  return row!;
}

/**
 * The message as the mail shows it. Clara's automatic answers are Markdown: rendered for the HTML
 * part, plain text without markers for the text part, and their sources as links to the articles
 * on the support site. Everything else is the text as typed.
 */
export function messageBodies(message: SentMessage | undefined, base: string): { body: string; body_html: string } {
  const body = message?.body ?? '';
  if (!message || message.authorType !== 'automation' || message.metadata.auto_answer !== true) return { body, body_html: textToHtml(body) };
  const citations = Array.isArray(message.metadata.citations) ? (message.metadata.citations as { article_id?: string; title?: string }[]) : [];
  const sources = citations.flatMap((c) => (c.article_id && c.title ? [{ title: c.title, url: `${base}/support/articles/${encodeURIComponent(c.article_id)}` }] : []));
  const text = markdownToText(body) + (sources.length ? `\n\nSources:\n${sources.map((s) => `- ${s.title}: ${s.url}`).join('\n')}` : '');
  const html =
    markdownToHtml(body) +
    (sources.length ? `<p>Sources: ${sources.map((s) => `<a href="${escapeHtml(s.url)}">${escapeHtml(s.title)}</a>`).join(', ')}</p>` : '');
  return { body: text, body_html: html };
}

interface TicketEmail {
  key: TemplateKey;
  kind: OutboxKind;
  dedupeKey: string;
  message?: SentMessage;
}

// Renders a ticket template and queues it, threaded under the customer's latest mail. Each mail
// carries a new link to the ticket's status page.
export async function enqueueTicketEmail(ctx: OutboxDeps, tx: Db, ticket: TicketRow, email: TicketEmail) {
  if (isDemo(ticket)) return null;
  // Reads that do not depend on each other go out together: one wait on the database, not four.
  const [customer, thread, template, files] = await together([
    customerOf(tx, ticket),
    ticketThread(tx, ticket.id, (ticket.metadata.email as { inbound_email_id?: string } | undefined)?.inbound_email_id),
    templateFor(ctx, tx, email.key),
    mailFiles(tx, email.message, ctx.config.CLARA_EMAIL_MAX_ATTACHMENT_BYTES),
  ]);
  if (!deliverable(customer.email)) return null;
  const link = issueStatusLink(tx, ticket.id, ctx.clock.now());
  const statusUrl = statusPageUrl(emailLinksBase(ctx.config), link.token);
  const bodies = messageBodies(email.message, emailLinksBase(ctx.config));
  if (files.left.length) {
    const note = `Too large for email, on your ticket page: ${files.left.join(', ')}`;
    bodies.body += `\n\n${note}`;
    bodies.body_html += `<p>${escapeHtml(note)}</p>`;
  }
  const rendered = renderTemplate(template, {
    ticket: { number: ticket.number, subject: ticket.subject, status_url: statusUrl },
    customer: { name: customer.name ?? customer.email, email: customer.email },
    message: bodies,
    subject: taggedSubject(ticket.subject, ticket.number),
    support: { name: ctx.config.CLARA_SUPPORT_NAME, address: ctx.config.CLARA_SUPPORT_ADDRESS },
  });
  const [, queued] = await together([
    link.stored,
    enqueueEmail(ctx, tx, {
      kind: email.kind,
      to: customer.email,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      ticketId: ticket.id,
      ticketMessageId: email.message?.id ?? null,
      inReplyTo: thread.lastInbound,
      references: referencesFor(thread.ids),
      dedupeKey: email.dedupeKey,
      attachments: files.attached,
    }),
  ]);
  return queued;
}

// A reply's files go with its mail while they fit the size limit; the rest are named, to download from the status page.
// Clara's own messages (automatic answers) carry no files: nothing to read for them.
async function mailFiles(tx: Db, message: SentMessage | undefined, maxBytes: number) {
  const attached: { filename: string; contentType: string; content: Buffer }[] = [];
  const left: string[] = [];
  let total = 0;
  const withFiles = message && message.authorType !== 'automation';
  for (const f of withFiles ? await findMessageFiles(tx, message.id) : []) {
    if (total + f.size > maxBytes) left.push(f.filename);
    else {
      total += f.size;
      attached.push({ filename: f.filename, contentType: f.contentType, content: f.content });
    }
  }
  return { attached, left };
}

// The customer hears back by email whatever channel they came by: an acknowledgment, every public
// reply and auto-answer, and a resolution notice. Email tickets are acknowledged once their mail
// is processed (inbound-process.service), so the acknowledgment threads under it.
export function createTicketMailer(ctx: OutboxDeps): TicketMailer {
  const acknowledges = (by: Actor['type']) => by !== 'user';
  return {
    acknowledges,
    async ticketCreated(tx, ticket, by) {
      if (ticket.channel === 'email' || !acknowledges(by)) return;
      await enqueueAcknowledgment(ctx, tx, ticket);
    },
    async ticketResolved(tx, ticket) {
      if (!autoReplyAllowed(ticket)) return;
      const at = ticket.resolvedAt?.getTime() ?? ctx.clock.now().getTime();
      await enqueueTicketEmail(ctx, tx, ticket, { key: 'resolution', kind: 'resolution', dedupeKey: `resolved:${ticket.id}:${at}` });
    },
    async messageAdded(tx, ticket, message) {
      if (message.internal) return;
      const automated = message.authorType === 'automation';
      if (automated && !autoReplyAllowed(ticket)) return;
      const isAutoAnswer = automated && message.metadata.auto_answer === true;
      await enqueueTicketEmail(ctx, tx, ticket, {
        key: isAutoAnswer ? 'auto_answer' : 'reply',
        kind: isAutoAnswer ? 'auto_answer' : 'reply',
        dedupeKey: `message:${message.id}`,
        message,
      });
    },
  };
}

/** "We got your request #1234", unless Clara already answered the ticket or must stay quiet. */
export async function enqueueAcknowledgment(ctx: OutboxDeps, tx: Db, ticket: TicketRow) {
  if (!autoReplyAllowed(ticket) || ticket.metadata.auto_resolved === true || ticket.firstRespondedAt) return null;
  return enqueueTicketEmail(ctx, tx, ticket, { key: 'acknowledgment', kind: 'acknowledgment', dedupeKey: `ack:${ticket.id}` });
}
