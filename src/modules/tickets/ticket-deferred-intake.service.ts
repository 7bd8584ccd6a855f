import { intakeComment, intakeRoute, TRIAGE_TAG } from './ticket-classification';
import type { Db } from '../../core/db';
import { AppError } from '../../core/errors';
import type { Actor } from '../../core/rbac';
import { findCustomerById, upsertCustomerByEmail } from '../customers';
import { DEFAULT_QUEUE, findQueueByName } from '../queues';
import { actorRef } from './ticket-create.service';
import type { Channel } from './ticket-fields';
import type { TicketsContext } from './tickets.context';
import { applyTicketChange } from './ticket-change';
import { findMessages, insertHistory, insertMessage, insertStatusLink, insertTicket, lockTicket, updateMessageBody } from './tickets.queries';
import type { TicketRow } from './tickets.table';

// A channel whose words arrive later (voice: the transcript) still gets its ticket at once, so the
// customer has a number and staff see it arrive. Classification, routing and the `ticket.created`
// listeners (escalation, auto-answer, assignment) wait for the text and then run exactly as for a
// web ticket: `ticket.created` is emitted when the intake completes, not when the row is inserted.
export const INTAKE_PENDING = 'pending';

export interface PendingTicket {
  subject: string;
  description: string;
  channel: Channel;
  customerId?: string;
  customer?: { email: string; name?: string };
  metadata?: Record<string, unknown>;
  publicTokenHash?: string;
}

export interface IntakeContent {
  subject: string;
  description: string;
  transcript?: string;
  metadata?: Record<string, unknown>;
}

type Within = (tx: Db, ticket: TicketRow) => Promise<void>;

/** Inserts the ticket (default queue, normal priority) and runs `within` in the same transaction. */
export async function createPendingTicket(ctx: TicketsContext, actor: Actor, input: PendingTicket, within?: Within): Promise<TicketRow> {
  const now = ctx.clock.now();
  const ticket = await ctx.db.transaction(async (tx) => {
    const customer = input.customerId ? await findCustomerById(tx, input.customerId) : await upsertCustomerByEmail(tx, input.customer!.email, input.customer!.name, now);
    if (!customer) throw new AppError('CUSTOMER_NOT_FOUND');
    const queue = await findQueueByName(tx, DEFAULT_QUEUE);
    if (!queue) throw new AppError('QUEUE_NOT_FOUND');
    const row = await insertTicket(tx, {
      subject: input.subject,
      description: input.description,
      channel: input.channel,
      category: 'general',
      priority: 'normal',
      metadata: { ...(input.metadata ?? {}), intake: INTAKE_PENDING },
      customerId: customer.id,
      queueId: queue.id,
      ...(await ctx.sla.start(tx, 'normal', now)),
      createdAt: now,
      updatedAt: now,
    });
    if (input.publicTokenHash) await insertStatusLink(tx, row.id, input.publicTokenHash, now);
    await insertMessage(tx, { ticketId: row.id, authorType: 'customer', authorCustomerId: customer.id, channel: row.channel, body: row.description, createdAt: now });
    await insertHistory(tx, [
      { ticketId: row.id, ...actorRef(actor), action: 'created', newValue: { status: row.status, queue: queue.name, channel: row.channel }, comment: 'waiting for its text', createdAt: now },
    ]);
    await ctx.mail.ticketCreated(tx, row, actor.type);
    if (within) await within(tx, row);
    return row;
  });
  ctx.metrics.ticketsCreated.inc({ channel: ticket.channel });
  return ticket;
}

/**
 * Gives a pending ticket its text, classifies and routes it (SLA counted from when it arrived) and
 * emits `ticket.created`. Returns false when the intake was already completed (a retried job).
 */
export async function completePendingIntake(ctx: TicketsContext, actor: Actor, ticketId: string, content: IntakeContent, within?: Within): Promise<boolean> {
  const classification = await ctx.classifier.classify({ subject: content.subject, description: content.description });
  // Routing reads settings through ctx.db: outside the transaction (PGlite has one connection).
  const { queueName, triage } = await intakeRoute(ctx.classifier, classification, classification, false);
  const now = ctx.clock.now();
  const done = await ctx.db.transaction(async (tx) => {
    const row = await lockTicket(tx, ticketId);
    if (!row || row.metadata.intake !== INTAKE_PENDING) return false;
    const queue = (await findQueueByName(tx, queueName)) ?? (await findQueueByName(tx, DEFAULT_QUEUE));
    if (!queue) throw new AppError('QUEUE_NOT_FOUND');
    const { row: updated } = await applyTicketChange(
      tx,
      ctx.sla,
      actorRef(actor),
      row,
      {
        intake: {
          subject: content.subject,
          description: content.description,
          transcript: content.transcript ?? null,
          category: classification.category,
          priority: classification.priority,
          intent: classification.intent,
          queueId: queue.id,
          tags: triage ? [...row.tags, TRIAGE_TAG] : row.tags,
        },
        metadata: { intake: undefined, ...(content.metadata ?? {}), ...(classification.details ? { classification: classification.details } : {}) },
      },
      { now, touch: true },
    );
    const [first] = await findMessages(tx, row.id, { includeInternal: false });
    if (first && first.message.authorType === 'customer') await updateMessageBody(tx, first.message.id, content.description);
    await insertHistory(tx, [
      {
        ticketId: row.id,
        ...actorRef(actor),
        action: 'intake_completed',
        newValue: { category: updated.category, priority: updated.priority, intent: updated.intent, queue: queue.name },
        comment: intakeComment(triage, queue.name),
        createdAt: now,
      },
    ]);
    if (within) await within(tx, updated);
    return true;
  });
  if (done) await ctx.events.emit('ticket.created', { ticketId, actorType: actor.type });
  return done;
}
