import type { CoreContext } from '../../core/context';
import type { BounceReport } from './inbound-parse';
import { findOutboxByMessageIds, updateOutbox } from './outbox.queries';

/** Marks the email a delivery report is about as bounced; returns that email, if it is one of ours. */
export async function recordBounce(ctx: CoreContext, report: BounceReport): Promise<{ ticketId: string | null } | null> {
  const [original] = await findOutboxByMessageIds(ctx.db, report.originalIds);
  if (!original) return null;
  const now = ctx.clock.now();
  await updateOutbox(ctx.db, original.id, {
    bouncedAt: now,
    bounce: { status: report.status, action: report.action, recipient: report.recipient, diagnostic: report.diagnostic },
    updatedAt: now,
  });
  ctx.log.warn({ outboxId: original.id, status: report.status }, 'outbound email bounced');
  return { ticketId: original.ticketId };
}
