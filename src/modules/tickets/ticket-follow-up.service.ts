import { z } from 'zod';
import type { Db } from '../../core/db';
import type { Actor } from '../../core/rbac';
import type { TicketsContext } from './tickets.context';
import { lockTicket } from './tickets.queries';

// What happens to a new ticket after it is stored — escalation rules, the knowledge-base
// auto-answer, auto-assignment (the `ticket.created` listeners, in their order) and then the
// customer's acknowledgment — runs as one durable job enqueued in the create transaction. The
// request answers as soon as the ticket is committed, a crash after the commit loses none of the
// follow-ups, and the acknowledgment is only sent when Clara did not already answer: one mail.
export const FOLLOW_UP_JOB = 'tickets.follow_up';

const ACTOR_TYPES = ['user', 'customer', 'automation', 'system'] as const satisfies readonly Actor['type'][];
const FollowUp = z.object({ ticketId: z.string().uuid(), actorType: z.enum(ACTOR_TYPES) });
export type FollowUp = z.infer<typeof FollowUp>;

/** Queues the follow-ups of a ticket created in `tx`; they run once it commits. */
export async function enqueueFollowUp(ctx: TicketsContext, tx: Db, payload: FollowUp): Promise<void> {
  await ctx.jobs.enqueue(tx, FOLLOW_UP_JOB, payload, { maxAttempts: 5 });
}

/** Whether the ticket's follow-ups have yet to run (the status page tells the customer Clara is reading). */
export function followUpPending(ctx: TicketsContext, ticketId: string): Promise<boolean> {
  return ctx.jobs.isQueued(FOLLOW_UP_JOB, { ticketId });
}

/** The listeners, then the acknowledgment (it reads the ticket as the listeners left it). */
export async function runFollowUp(ctx: TicketsContext, { ticketId, actorType }: FollowUp): Promise<void> {
  await ctx.events.emit('ticket.created', { ticketId, actorType });
  // No acknowledgment to send (staff-created tickets): no need to lock the ticket for one.
  if (!ctx.mail.acknowledges(actorType)) return;
  await ctx.db.transaction(async (tx) => {
    const row = await lockTicket(tx, ticketId);
    if (row) await ctx.mail.ticketCreated(tx, row, actorType);
  });
}

export function registerFollowUpJobs(ctx: TicketsContext): void {
  ctx.jobs.register({ name: FOLLOW_UP_JOB, schema: FollowUp, backoffMs: 2_000, handler: (payload) => runFollowUp(ctx, payload) });
}
