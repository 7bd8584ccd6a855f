import type { Db } from '../../core/db';
import { findAssignmentMode, lockAssignableMembers, openTicketCounts, stampAssigned } from './assignment.queries';
import type { AssignmentMode } from './escalation.table';

const time = (d: Date | null) => d?.getTime() ?? 0;

/**
 * The member who gets the next ticket of a queue: round-robin takes whoever waited longest since
 * their last ticket; least-loaded takes whoever has the fewest unresolved tickets (ties: round-robin).
 * Deactivated users and viewers are skipped. Null when the queue has no one to give it to.
 */
export async function pickAssignee(tx: Db, queueId: string, mode?: Exclude<AssignmentMode, 'none'>, now = new Date()): Promise<string | null> {
  const members = await lockAssignableMembers(tx, queueId);
  if (members.length === 0) return null;
  const configured = await findAssignmentMode(tx, queueId);
  const strategy = mode ?? (configured === 'none' ? 'round_robin' : configured);
  const byTurn = [...members].sort((a, b) => time(a.lastAssignedAt) - time(b.lastAssignedAt) || +a.createdAt - +b.createdAt);
  let chosen = byTurn[0]!;
  if (strategy === 'least_loaded') {
    const load = await openTicketCounts(tx, members.map((m) => m.userId));
    chosen = byTurn.reduce((best, m) => ((load.get(m.userId) ?? 0) < (load.get(best.userId) ?? 0) ? m : best), chosen);
  }
  await stampAssigned(tx, queueId, chosen.userId, now);
  return chosen.userId;
}
