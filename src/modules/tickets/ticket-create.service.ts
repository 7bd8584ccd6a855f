import { intakeComment, intakeRoute, TRIAGE_TAG } from './ticket-classification';
import type { Db } from '../../core/db';
import { AppError } from '../../core/errors';
import type { Actor } from '../../core/rbac';
import { findCustomerById, upsertCustomerByEmail } from '../customers';
import { DEFAULT_QUEUE, findQueues, QUEUES_CACHE } from '../queues';
import type { Channel, Category, Priority } from './ticket-fields';
import { toTicket } from './ticket-view';
import type { TicketsContext } from './tickets.context';
import { findTicketView, insertHistory, type TicketView, insertMessage, insertStatusLink, insertTicket } from './tickets.queries';
import { tickets } from './tickets.table';
import { attachUploads } from './attachments.service';
import { enqueueFollowUp, runFollowUp } from './ticket-follow-up.service';
import { withSentiment } from './message-sentiment';
import { eq } from 'drizzle-orm';

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

async function resolveCustomer(tx: Db, input: NewTicket, now: Date) {
  if (input.customerId) {
    const found = await findCustomerById(tx, input.customerId);
    if (!found) throw new AppError('CUSTOMER_NOT_FOUND');
    return found;
  }
  return upsertCustomerByEmail(tx, input.customer!.email, input.customer!.name, now);
}

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
    const customer = await resolveCustomer(tx, input, now);
    const customerId = customer.id;
    const all = await ctx.cache.get(QUEUES_CACHE, () => findQueues(tx));
    const named = (name: string) => all.find((q) => q.name === name);
    const queue = input.queueId ? all.find((q) => q.id === input.queueId) : (named(queueName ?? DEFAULT_QUEUE) ?? named(DEFAULT_QUEUE));
    if (!queue) throw new AppError('QUEUE_NOT_FOUND');
    if (!queue.active) throw new AppError('CONFLICT', `${queue.name} is archived: choose another queue.`);
    const sla = await ctx.sla.start(tx, priority, now);
    const metadata = { ...(input.metadata ?? {}), ...(classification?.details ? { classification: classification.details } : {}) };
    const row = await insertTicket(tx, {
      subject: input.subject,
      description: input.description,
      channel: input.channel,
      category,
      priority,
      intent: input.intent ?? classification?.intent ?? null,
      tags: [...new Set([...(input.tags ?? []), ...(triage ? [TRIAGE_TAG] : [])])],
      transcript: input.transcript ?? null,
      metadata,
      customerId,
      queueId: queue.id,
      ...sla,
      createdAt: now,
      updatedAt: now,
    });
    // The rest needs only the ticket's id: sent together, one wait on the database instead of four.
    const [first] = await Promise.all([
      insertMessage(tx, {
        ticketId: row.id,
        authorType: 'customer',
        authorCustomerId: customerId,
        channel: row.channel,
        body: row.description,
        metadata: withSentiment(row.description, input.messageMetadata),
        createdAt: now,
      }),
      input.publicTokenHash ? insertStatusLink(tx, row.id, input.publicTokenHash, now) : null,
      insertHistory(tx, [
        {
          ticketId: row.id,
          ...actorRef(actor),
          action: 'created',
          newValue: { status: row.status, category: row.category, priority: row.priority, intent: row.intent, queue: queue.name, channel: row.channel },
          comment: classification ? intakeComment(triage, queue.name) : null,
          createdAt: now,
        },
      ]),
      queued ? enqueueFollowUp(ctx, tx, { ticketId: row.id, actorType: actor.type }) : null,
    ]);
    if (input.attachmentIds?.length) await attachUploads(tx, input.attachmentIds, { origin: 'customer' }, { ticketId: row.id, ticketMessageId: first.id });
    // As stored: nobody is assigned before the follow-ups run.
    const stored: TicketView = { ticket: row, customer: { id: customer.id, email: customer.email, name: customer.name }, queue: { id: queue.id, name: queue.name }, assignee: null };
    return { row, view: stored };
  });
  ctx.metrics.ticketsCreated.inc({ channel: ticket.channel });
  if (queued) {
    ctx.jobs.wake();
    return toTicket(view);
  }
  await runFollowUp(ctx, { ticketId: ticket.id, actorType: actor.type });
  return toTicket((await findTicketView(ctx.db, eq(tickets.id, ticket.id)))!);
}
