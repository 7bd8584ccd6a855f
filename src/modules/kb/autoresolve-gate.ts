import { shouldAutoResolve } from './answer';

export interface GateAnswer {
  answer: string | null;
  confidence: number;
  citations: readonly unknown[];
  /** From `askKb`: a question about something the cited article does not mention is never auto-resolved. */
  scope?: { covered: boolean };
}

/**
 * Whether Clara may resolve a new ticket with this answer by itself: a cited answer whose
 * article covers what the question asks (`answer-scope.ts`), a ticket that is not urgent,
 * and a confidence at or above the bar. The auto-answer job and the
 * evaluation both decide here, so the measured gate is the product's gate.
 */
export function mayAutoResolve(result: GateAnswer, ticket: { priority: string }, threshold: number): boolean {
  if (!result.answer || result.citations.length === 0) return false;
  if (result.scope && !result.scope.covered) return false;
  if (ticket.priority === 'urgent') return false;
  return shouldAutoResolve(result.confidence, threshold);
}
