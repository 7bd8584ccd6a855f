import { findQueues } from '../queues';
import { CATEGORIES, PRIORITIES, type TicketsContext } from '../tickets';
import { assignableMemberCounts } from './assignment.queries';
import { findRules } from './escalation.queries';

export interface QueueWarning {
  queue_id: string;
  queue: string;
  /** Routing-table entries that send new tickets there ("billing/urgent"). */
  routes: string[];
  /** Enabled escalation rules that move tickets there or hand them out there. */
  rules: string[];
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
  const sources = new Map<string, { routes: Set<string>; rules: Set<string> }>();
  const add = (ref: string | undefined, kind: 'routes' | 'rules', source: string) => {
    const queue = ref ? (byKey.get(ref.toLowerCase()) ?? byKey.get(ref)) : undefined;
    if (!queue) return;
    const entry = sources.get(queue.id) ?? { routes: new Set<string>(), rules: new Set<string>() };
    entry[kind].add(source);
    sources.set(queue.id, entry);
  };
  for (const category of CATEGORIES) {
    for (const priority of PRIORITIES) add(await ctx.classifier.route({ category, priority }), 'routes', `${category}/${priority}`);
  }
  for (const rule of await findRules(ctx.db, { enabledOnly: true })) {
    let target: string | undefined;
    for (const action of rule.actions) {
      if (action.type === 'move_to_queue') target = action.queue;
      if (action.type === 'move_to_queue' || action.type === 'assign_round_robin') add(action.queue ?? target, 'rules', rule.name);
    }
  }
  const members = await assignableMemberCounts(ctx.db);
  const items = queues.flatMap((q) => {
    const s = sources.get(q.id);
    return s && !members.get(q.id) ? [{ queue_id: q.id, queue: q.name, routes: [...s.routes], rules: [...s.rules] }] : [];
  });
  return { items };
}
