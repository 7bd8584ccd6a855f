import { intakeComment, intakeRoute, TRIAGE_TAG } from './ticket-classification';
import { together, type Db } from '../../core/db';
import { AppError } from '../../core/errors';
import type { Actor } from '../../core/rbac';
import { customerIdByEmail, findCustomerById, upsertCustomerByEmail } from '../customers';
import { DEFAULT_QUEUE, findQueues, QUEUES_CACHE } from '../queues';
import type { Channel, Category, Priority } from './ticket-fields';
import { toTicket } from './ticket-view';
import type { TicketsContext } from './tickets.context';
import { findTicketView, insertHistory, type TicketView, insertMessage, insertStatusLink, insertTicket } from './tickets.queries';
import { attachUploads } from './attachments.service';
import { enqueueFollowUp, runFollowUp } from './ticket-follow-up.service';
import { withSentiment } from './message-sentiment';
import { randomUUID } from 'node:crypto';
import type { SQL } from 'drizzle-orm';

export interface NewTicket {
  subject: string;
  description: string;
  channel: Channel;
  customerId?: string;
  customer?: { email: string; name?: string };
  category?: Category;
  priority?: Priority;
  intent?: string;
  queueId?: string;
  tags?: string[];
  transcript?: string;
  metadata?: Record<string, unknown>;
  /** Stored on the first message (an inbound email's ids). */
  messageMetadata?: Record<string, unknown>;
  /** The hash of the status-page token the intake shows the customer. */
  publicTokenHash?: string;
  /** The customer's uploads (/api/public/uploads), attached to the first message. */
  attachmentIds?: string[];
}

export interface CreateOptions {
  /**
   * `queued` (requests): the follow-ups (rules, auto-answer, assignment, acknowledgment) run as a job
   * after the commit. `now`: run before returning — for callers that already are a job (inbound mail)
   * or replay history on their own clock (the demo).
   */
  followUps?: 'queued' | 'now';
}

export function actorRef(actor: Actor): { actorType: string; actorId: string | null } {
  return { actorType: actor.type, actorId: actor.id };
}

/**
 * The ticket's customer: one named by id must exist; one named by address is created or found, by a
 * statement sent without waiting for it — the ticket's row takes the customer's id by address, in order.
 */
async function customerFor(tx: Db, input: NewTicket, now: Date): Promise<{ customer: Promise<CustomerRef>; id: string | SQL }> {
  if (input.customerId) {
    const found = await findCustomerById(tx, input.customerId);
    if (!found) throw new AppError('CUSTOMER_NOT_FOUND');
    return { customer: Promise.resolve(found), id: found.id };
  }
  const { email, name } = input.customer!;
  const customer = upsertCustomerByEmail(tx, email, name, now);
  customer.catch(() => undefined); // awaited with the ticket's other writes
  return { customer, id: customerIdByEmail(email) };
}

type CustomerRef = { id: string; email: string; name: string | null };

async function holdForBacklog(ctx: TicketsContext): Promise<void> {
  const waitedMs = await ctx.intakeGate.pass();
  if (waitedMs > 0) ctx.metrics.intakeHeld.observe(waitedMs / 1000);
}

// The one intake path for every channel: classify what is missing, route, stamp SLA, record history.
export async function createTicket(ctx: TicketsContext, actor: Actor, input: NewTicket, opts: CreateOptions = {}) {
  const queued = opts.followUps !== 'now';
  // Queued follow-ups must keep up: while earlier tickets' automatic answers wait, this one waits first.
  if (queued) await holdForBacklog(ctx);
  const needsClassification = !input.category || !input.priority;
  const classification = needsClassification
    ? await ctx.classifier.classify({ subject: input.subject, description: input.description })
    : null;
  const priority = input.priority ?? classification?.priority ?? 'normal';
  const category = input.category ?? classification?.category ?? 'general';
  // Routing reads settings through ctx.db: it must happen outside the transaction (PGlite has one connection).
  const route = input.queueId ? null : await intakeRoute(ctx.classifier, { category, priority }, classification, Boolean(input.category));
  const queueName = route?.queueName ?? null;
  const triage = route?.triage ?? false;
  const now = ctx.clock.now();
  const { row: ticket, view } = await ctx.db.transaction(async (tx) => {
    const all = await ctx.cache.get(QUEUES_CACHE, () => findQueues(tx));
    const named = (name: string) => all.find((q) => q.name === name);
    const queue = input.queueId ? all.find((q) => q.id === input.queueId) : (named(queueName ?? DEFAULT_QUEUE) ?? named(DEFAULT_QUEUE));
    if (!queue) throw new AppError('QUEUE_NOT_FOUND');
    if (!queue.active) throw new AppError('CONFLICT', `${queue.name} is archived: choose another queue.`);
    const sla = await ctx.sla.start(tx, priority, now);
    const metadata = { ...(input.metadata ?? {}), ...(classification?.details ? { classification: classification.details } : {}) };
    const intent = input.intent ?? classification?.intent ?? null;
    // Every write is sent at once (the ticket's id is chosen here): the transaction waits on the database
    // once, not six times, and holds the embedded database's one connection that much shorter.
    const ticketId = randomUUID();
    const customer = await customerFor(tx, input, now);
    const [customerRow, row, first] = await together([
      customer.customer,
      insertTicket(tx, {
        id: ticketId,
        subject: input.subject,
        description: input.description,
        channel: input.channel,
        status: 'open',
        category,
        priority,
        intent,
        tags: [...new Set([...(input.tags ?? []), ...(triage ? [TRIAGE_TAG] : [])])],
        transcript: input.transcript ?? null,
        metadata,
        customerId: customer.id,
        queueId: queue.id,
        ...sla,
        createdAt: now,
        updatedAt: now,
      }),
      insertMessage(tx, {
        ticketId,
        authorType: 'customer',
        authorCustomerId: customer.id,
        channel: input.channel,
        body: input.description,
        metadata: withSentiment(input.description, input.messageMetadata),
        createdAt: now,
      }),
      input.publicTokenHash ? insertStatusLink(tx, ticketId, input.publicTokenHash, now) : null,
      insertHistory(tx, [
        {
          ticketId,
          ...actorRef(actor),
          action: 'created',
          newValue: { status: 'open', category, priority, intent, queue: queue.name, channel: input.channel },
          comment: classification ? intakeComment(triage, queue.name) : null,
          createdAt: now,
        },
      ]),
      queued ? enqueueFollowUp(ctx, tx, { ticketId, actorType: actor.type }) : null,
    ]);
    if (input.attachmentIds?.length) await attachUploads(tx, input.attachmentIds, { origin: 'customer' }, { ticketId, ticketMessageId: first.id });
    // As stored: nobody is assigned before the follow-ups run.
    const stored: TicketView = { ticket: row, customer: { id: customerRow.id, email: customerRow.email, name: customerRow.name }, queue: { id: queue.id, name: queue.name }, assignee: null };
    return { row, view: stored };
  });
  ctx.metrics.ticketsCreated.inc({ channel: ticket.channel });
  if (queued) {
    ctx.jobs.wake();
    return toTicket(view);
  }
  await runFollowUp(ctx, { ticketId: ticket.id, actorType: actor.type });
  return toTicket((await findTicketView(ctx.db, ticket.id))!);
}
