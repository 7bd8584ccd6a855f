import { z } from 'zod';
import type { VoiceContext } from './voice.context';
import { BUILD_LM_JOB, ensureLanguageModel } from './voice-lm.service';
import { TRANSCRIBE_JOB, TRANSCRIBE_MAX_ATTEMPTS, transcribeTicket } from './voice-transcribe.service';

// A knowledge-base edit arrives a few at a time (imports): one rebuild shortly after covers them all.
const LM_REBUILD_DELAY_MS = 30_000;

export function registerVoiceJobs(ctx: VoiceContext): void {
  ctx.jobs.register({
    name: TRANSCRIBE_JOB,
    schema: z.object({ ticketId: z.string().uuid() }),
    maxAttempts: TRANSCRIBE_MAX_ATTEMPTS,
    backoffMs: 15_000,
    handler: async ({ ticketId }, job) => {
      await transcribeTicket(ctx, ticketId, { attempt: job.attempt, maxAttempts: TRANSCRIBE_MAX_ATTEMPTS });
    },
  });
  ctx.jobs.register({
    name: BUILD_LM_JOB,
    schema: z.object({}),
    maxAttempts: 3,
    handler: async () => {
      await ctx.voice.start();
      if (ctx.voice.speechToText?.name === 'pocketsphinx' && ctx.config.CLARA_VOICE_DOMAIN_LM) await ensureLanguageModel(ctx);
    },
  });
  ctx.events.on('kb.changed', async () => {
    const runAt = new Date(ctx.clock.now().getTime() + LM_REBUILD_DELAY_MS);
    await ctx.jobs.enqueue(ctx.db, BUILD_LM_JOB, {}, { runAt, singletonKey: BUILD_LM_JOB });
  });
}
