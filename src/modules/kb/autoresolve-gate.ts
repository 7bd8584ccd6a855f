import { shouldAutoResolve } from './answer';
import { DEFAULT_MAX_PRIORITY, type AutoResolvePriority } from './autoresolve-settings.schema';

export interface GateAnswer {
  answer: string | null;
  confidence: number;
  citations: readonly unknown[];
  /** From `askKb`: a question about something the cited article does not mention is never auto-resolved. */
  scope?: { covered: boolean };
}

export interface GatePolicy {
  threshold: number;
  /** The highest priority that may be resolved automatically (default: normal); urgent never is. */
  maxPriority?: AutoResolvePriority;
}

const RANK: Record<string, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/**
 * Whether Clara may resolve a new ticket with this answer by itself: a cited answer whose
 * article covers what the question asks (`answer-scope.ts`), a ticket whose priority is at most
 * the limit (never urgent), and a confidence at or above the bar. The auto-answer job and the
 * evaluation both decide here, so the measured gate is the product's gate.
 */
export function mayAutoResolve(result: GateAnswer, ticket: { priority: string }, policy: GatePolicy): boolean {
  if (!result.answer || result.citations.length === 0) return false;
  if (result.scope && !result.scope.covered) return false;
  const rank = RANK[ticket.priority] ?? RANK.urgent!;
  if (rank >= RANK.urgent! || rank > RANK[policy.maxPriority ?? DEFAULT_MAX_PRIORITY]!) return false;
  return shouldAutoResolve(result.confidence, policy.threshold);
}
