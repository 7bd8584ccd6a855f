import { systemActor } from '../../core/rbac';
import { getSetting } from '../../core/settings';
import { recordAudit } from '../audit';
import type { ClassifyContext } from './classify.context';
import { countCorrectedTickets } from './classify.queries';
import { LAST_TRAINING_SETTING, TRAIN_JOB } from './classify.service';

const LABEL_CHANGES = new Set(['category_changed', 'priority_changed', 'intent_changed']);

/**
 * Queues a retraining once agents have corrected CLARA_CLASSIFIER_RETRAIN_AFTER more tickets
 * than the last training saw. The job is the admin's retraining: the new model replaces the
 * current one only if it does not score worse on the held-out rows (the promotion guard).
 * The singleton key keeps it to one queued job however many processes notice.
 */
export async function retrainIfDue(ctx: ClassifyContext): Promise<boolean> {
  const after = ctx.config.CLARA_CLASSIFIER_RETRAIN_AFTER;
  if (after <= 0) return false;
  const corrected = await countCorrectedTickets(ctx.db);
  const last = await getSetting<{ feedback_examples?: number }>(ctx.db, LAST_TRAINING_SETTING);
  if (corrected - (last?.feedback_examples ?? 0) < after) return false;
  await ctx.db.transaction(async (tx) => {
    await ctx.jobs.enqueue(tx, TRAIN_JOB, { requested_by: null, sample: 1 }, { singletonKey: 'train', maxAttempts: 1 });
    await recordAudit(ctx, tx, systemActor, { action: 'classifier.train_scheduled', targetType: 'classifier', details: { corrected_tickets: corrected } });
  });
  return true;
}

export function subscribeAutoRetrain(ctx: ClassifyContext): void {
  ctx.events.on('ticket.updated', async ({ changes, actorType }) => {
    if (actorType !== 'user' || !changes.some((c) => LABEL_CHANGES.has(c))) return;
    await retrainIfDue(ctx);
  });
}
