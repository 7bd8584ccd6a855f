import { z } from 'zod';
import type { TicketsContext } from '../tickets';
import type { EmailContext } from './email.context';
import { PROCESS_JOB } from './inbound-store.service';
import { processInboundEmail } from './inbound-process.service';
import { updateInbound } from './inbound.queries';
import { deliverOutboxEmail, SEND_JOB } from './outbox.service';

const PROCESS_ATTEMPTS = 5;

export function registerEmailJobs(ctx: EmailContext & TicketsContext): void {
  // Retries of a send are the outbox's own (backoff, dead letter); the job only runs one attempt.
  ctx.jobs.register({
    name: SEND_JOB,
    schema: z.object({ outboxId: z.string().uuid() }),
    maxAttempts: 3,
    handler: async ({ outboxId }) => {
      await deliverOutboxEmail(ctx, outboxId);
    },
  });

  ctx.jobs.register({
    name: PROCESS_JOB,
    schema: z.object({ inboundId: z.string().uuid() }),
    maxAttempts: PROCESS_ATTEMPTS,
    backoffMs: 30_000,
    handler: async ({ inboundId }, job) => {
      try {
        const outcome = await processInboundEmail(ctx, inboundId);
        ctx.log.info({ inboundId, outcome }, 'inbound email processed');
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const failed = job.attempt >= PROCESS_ATTEMPTS;
        await updateInbound(ctx.db, inboundId, { error: message.slice(0, 2000), ...(failed ? { status: 'failed' as const } : {}) });
        throw err;
      }
    },
  });
}
