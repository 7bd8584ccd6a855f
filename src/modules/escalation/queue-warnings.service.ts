import { findQueues } from '../queues';
import { CATEGORIES, PRIORITIES, type TicketsContext } from '../tickets';
import { assignableMemberCounts } from './assignment.queries';
import { findRules } from './escalation.queries';

export interface QueueWarning {
  queue_id: string;
  queue: string;
  /** What sends tickets there: routing entries and enabled escalation rules. */
  sources: string[];
}

/**
 * Queues that receive tickets — from the routing table or from an enabled escalation rule that
 * moves or hands out tickets there — but have no member who could be given them: those tickets
 * wait unassigned with nobody told. (The Escalations queue ships empty and four default rules
 * send tickets there.)
 */
export async function queueWarnings(ctx: TicketsContext): Promise<{ items: QueueWarning[] }> {
  const queues = (await findQueues(ctx.db)).filter((q) => q.active);
  const byKey = new Map(queues.flatMap((q) => [[q.name.toLowerCase(), q] as const, [q.id, q] as const]));
  const sources = new Map<string, string[]>();
  const add = (ref: string | undefined, source: string) => {
    const queue = ref ? byKey.get(ref.toLowerCase()) ?? byKey.get(ref) : undefined;
    if (queue) sources.set(queue.id, [...(sources.get(queue.id) ?? []), source]);
  };
  for (const category of CATEGORIES) {
    for (const priority of PRIORITIES) add(await ctx.classifier.route({ category, priority }), `routing: ${category}, ${priority}`);
  }
  for (const rule of await findRules(ctx.db, { enabledOnly: true })) {
    let target: string | undefined;
    for (const action of rule.actions) {
      if (action.type === 'move_to_queue') {
        target = action.queue;
        add(action.queue, `rule "${rule.name}" moves tickets here`);
      }
      if (action.type === 'assign_round_robin' && (action.queue ?? target)) add(action.queue ?? target, `rule "${rule.name}" hands tickets out here`);
    }
  }
  const members = await assignableMemberCounts(ctx.db);
  const items = queues
    .filter((q) => sources.has(q.id) && !members.get(q.id))
    .map((q) => ({ queue_id: q.id, queue: q.name, sources: [...new Set(sources.get(q.id))] }));
  return { items };
}
