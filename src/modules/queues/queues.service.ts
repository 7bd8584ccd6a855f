import { eq } from 'drizzle-orm';
import type { CoreContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Actor } from '../../core/rbac';
import { recordAudit } from '../audit';
import { queues, type QueueRow } from './queues.table';

export const queueView = (q: QueueRow) => ({ id: q.id, name: q.name, description: q.description, tier: q.tier, active: q.active });

/**
 * Change a queue's description. The description is more than a label: the classifier reads it as
 * the team's own words for which tickets belong there (`queueCategoryEvidence`), so a team can say
 * "gift cards, Klarna and vouchers are billing" without retraining anything.
 */
export async function updateQueue(ctx: Pick<CoreContext, 'db' | 'clock' | 'events'>, actor: Actor, id: string, body: { description: string }, ip?: string) {
  const view = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(queues).where(eq(queues.id, id)).for('update');
    if (!before) throw new AppError('NOT_FOUND', 'Queue not found.');
    const [after] = await tx.update(queues).set({ description: body.description }).where(eq(queues.id, id)).returning();
    await recordAudit(ctx, tx, actor, {
      action: 'queue.updated',
      targetType: 'queue',
      targetId: id,
      details: { name: before.name, old: { description: before.description }, new: { description: after!.description } },
      ip,
    });
    return queueView(after!);
  });
  await ctx.events.emit('queue.changed', { queueId: id });
  return view;
}
