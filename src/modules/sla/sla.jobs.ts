import { z } from 'zod';
import type { CoreContext } from '../../core/context';
import { checkSlas } from './sla-check.service';

export const SLA_CHECK_JOB = 'sla.check';
const TICK_MS = 30_000;

export function registerSlaJobs(ctx: CoreContext): void {
  ctx.jobs.register({
    name: SLA_CHECK_JOB,
    schema: z.object({}),
    maxAttempts: 1,
    handler: async () => {
      const fired = await checkSlas(ctx);
      if (fired.length > 0) ctx.log.info({ marks: fired.length }, 'SLA warnings and breaches marked');
    },
  });
}

// One sla.check per minute, however many processes run this: the minute is the singleton key.
export async function scheduleSlaCheck(ctx: CoreContext): Promise<void> {
  const minute = ctx.clock.now().toISOString().slice(0, 16);
  await ctx.jobs.enqueue(ctx.db, SLA_CHECK_JOB, {}, { singletonKey: `minute:${minute}` });
}

/** Starts the scheduler; the returned function stops it. */
export function startSlaScheduler(ctx: CoreContext): () => void {
  const tick = () => scheduleSlaCheck(ctx).catch((err: unknown) => ctx.log.error({ err }, 'scheduling the SLA check failed'));
  void tick();
  const timer = setInterval(tick, TICK_MS);
  return () => clearInterval(timer);
}
