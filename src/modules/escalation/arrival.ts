import type { Priority } from '../tickets';
import { evaluateCondition, type Facts } from './conditions';
import { DEFAULT_RULES } from './default-rules';
import { scoreSentiment } from './detectors';
import type { Condition } from './rules.schema';

export interface ArrivalEscalation {
  rule: string;
  reasons: string[];
}

/**
 * The rules that would fire on a brand-new ticket (no SLA state, never reopened, not VIP),
 * read from its first message exactly as `evaluateEscalations` reads it on `ticket_created`.
 * Pure: used by the evaluation to measure escalation without a database.
 */
export function escalationsOnArrival(
  ticket: { subject: string; body: string; priority: Priority },
  rules: readonly { name: string; conditions: Condition }[] = DEFAULT_RULES,
): ArrivalEscalation[] {
  const facts: Facts = {
    priority: ticket.priority,
    reopenCount: 0,
    vip: false,
    sla: { first_response: 'ok', resolution: 'ok' },
    classifierConfidence: null,
    answerConfidence: null,
    message: { id: 'arrival', text: `${ticket.subject}\n${ticket.body}`, sentiment: scoreSentiment(ticket.body) },
  };
  return rules.flatMap((rule) => {
    const match = evaluateCondition(rule.conditions, facts);
    return match ? [{ rule: rule.name, reasons: match.reasons }] : [];
  });
}
