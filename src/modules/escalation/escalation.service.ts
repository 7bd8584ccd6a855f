import { isSentiment, lockTicket, scoreSentiment, type SentimentScore, type TicketMessageRow, type TicketRow, type TicketsContext } from '../tickets';
import { evaluateCondition, type Facts, type Match } from './conditions';
import { EscalationWork } from './escalation-actions';
import { ESCALATION_RULES, findRuleSubject, findRules, recordEscalation, setMessageMetadata } from './escalation.queries';
import type { EscalationRuleRow } from './escalation.table';

export type Trigger = { kind: 'ticket_created' } | { kind: 'customer_message'; messageId: string } | { kind: 'sla' };

export interface FiredRule {
  ruleId: string;
  rule: string;
  reason: string;
}

const automation = { actorType: 'automation', actorId: null };

function confidenceOf(metadata: Record<string, unknown>): Facts['classifierConfidence'] {
  const c = (metadata.classification as { confidence?: unknown } | undefined)?.confidence;
  return typeof c === 'object' && c !== null ? (c as Facts['classifierConfidence']) : null;
}

function answerConfidenceOf(metadata: Record<string, unknown>): number | null {
  for (const key of ['auto_answer', 'kb_suggestion']) {
    const c = (metadata[key] as { confidence?: unknown } | undefined)?.confidence;
    if (typeof c === 'number') return c;
  }
  return null;
}

// The message the rules read. Customers' messages are stored with their sentiment; one stored before that gets it now.
async function triggeringMessage(ctx: TicketsContext, row: TicketMessageRow | null, trigger: Trigger, subject: string): Promise<Facts['message']> {
  if (!row || row.authorType !== 'customer') return null;
  const text = trigger.kind === 'ticket_created' ? `${subject}\n${row.body}` : row.body;
  let sentiment = row.metadata.sentiment;
  if (!isSentiment(sentiment)) {
    sentiment = scoreSentiment(row.body);
    await setMessageMetadata(ctx.db, row.id, { sentiment });
  }
  return { id: row.id, text, sentiment: sentiment as SentimentScore };
}

export function readableReason(rule: EscalationRuleRow, match: Match): string {
  const why = match.reasons.join('; ') || 'its conditions hold';
  return `Rule "${rule.name}": ${why}.`;
}

/**
 * Runs the enabled rules against a ticket; each rule fires at most once per cause. `unchanged` gets the
 * ticket's row when no rule applied, so the caller may hand it on instead of having it read again.
 */
export async function evaluateEscalations(
  ctx: TicketsContext,
  ticketId: string,
  trigger: Trigger,
  unchanged?: (ticket: TicketRow) => void,
): Promise<FiredRule[]> {
  const found = await findRuleSubject(ctx.db, ticketId, trigger.kind === 'customer_message' ? trigger.messageId : null);
  if (!found) return [];
  if (found.ticket.status === 'resolved' || found.ticket.status === 'closed') {
    unchanged?.(found.ticket);
    return [];
  }
  const t = found.ticket;
  const facts: Facts = {
    priority: t.priority,
    reopenCount: Number(t.metadata.reopen_count ?? 0),
    vip: found.vip,
    sla: { first_response: t.firstRespondedAt ? 'ok' : t.slaFirstResponseState, resolution: t.slaResolutionState },
    classifierConfidence: confidenceOf(t.metadata),
    answerConfidence: answerConfidenceOf(t.metadata),
    message: await triggeringMessage(ctx, found.message, trigger, t.subject),
  };
  const matches = (await ctx.cache.get(ESCALATION_RULES, () => findRules(ctx.db, { enabledOnly: true })))
    .map((rule) => ({ rule, match: evaluateCondition(rule.conditions, facts) }))
    .filter((m): m is { rule: EscalationRuleRow; match: Match } => m.match !== null);
  if (matches.length === 0) {
    unchanged?.(t);
    return [];
  }

  const now = ctx.clock.now();
  const { fired, changed } = await ctx.db.transaction(async (tx) => {
    const row = await lockTicket(tx, ticketId);
    if (!row || row.status === 'resolved' || row.status === 'closed') return { fired: [], changed: [] };
    const work = new EscalationWork(ctx, tx, row, automation, now);
    const done: FiredRule[] = [];
    for (const { rule, match } of matches) {
      const cause = match.causes.join('|') || 'ticket';
      const reason = readableReason(rule, match);
      if (!(await recordEscalation(tx, { ticketId, ruleId: rule.id, cause, reason, actorType: 'automation', createdAt: now }))) continue;
      work.record('escalated', null, { rule_id: rule.id, rule: rule.name, cause, reasons: match.reasons }, reason);
      for (const action of rule.actions) await work.apply(action, reason, `escalation rule "${rule.name}"`);
      done.push({ ruleId: rule.id, rule: rule.name, reason });
    }
    await work.flush({ title: `Ticket #${row.number} escalated: ${done.map((d) => d.rule).join(', ')}` });
    return { fired: done, changed: [...work.changed] };
  });
  for (const f of fired) await ctx.events.emit('ticket.escalated', { ticketId, ruleId: f.ruleId, reason: f.reason, actorType: 'automation' });
  if (changed.length > 0) await ctx.events.emit('ticket.updated', { ticketId, changes: changed, actorType: 'automation' });
  return fired;
}
