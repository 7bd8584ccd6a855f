import type { ClassifyContext } from './classify.context';
import { TRAIN_JOB, TrainJobPayload, trainWithFeedback } from './classify.service';

export function registerClassifyJobs(ctx: ClassifyContext): void {
  ctx.jobs.register({
    name: TRAIN_JOB,
    schema: TrainJobPayload,
    maxAttempts: 1,
    handler: async (payload) => {
      const run = await trainWithFeedback(ctx, payload);
      ctx.log.info({ promoted: run.promoted, decision: run.decision }, 'classifier retraining finished');
    },
  });
}
