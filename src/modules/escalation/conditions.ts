import type { Priority, SlaState } from '../tickets';
import { DETECTORS, type DetectorName, type SentimentScore } from './detectors';
import type { Condition, LeafCondition } from './rules.schema';

/** What the rules look at: one ticket and the customer message that triggered the evaluation. */
export interface Facts {
  priority: Priority;
  reopenCount: number;
  vip: boolean;
  sla: { first_response: SlaState; resolution: SlaState };
  /** ticket.metadata.classification.confidence, when the classifier labelled the ticket. */
  classifierConfidence: Partial<Record<'category' | 'priority' | 'intent', number>> | null;
  /** Confidence of the knowledge-base answer suggested or sent, if any. */
  answerConfidence: number | null;
  message: { id: string; text: string; sentiment: SentimentScore } | null;
}

/** Why a condition holds: causes key the once-only record, reasons are read by people. */
export interface Match {
  causes: string[];
  reasons: string[];
}

const DETECTOR_REASON: Record<DetectorName, string> = {
  human_request: 'the customer asked to speak to a person',
  repeat_contact: 'the customer says they have written about this before',
  threat: 'the customer threatens to cancel or take legal steps',
  legal_threat: 'the customer threatens legal steps or a chargeback',
  anger: 'the customer is angry',
  frustration: 'the customer is strongly frustrated',
  security_incident: 'the message reports a possible security breach or data loss',
  safety: 'the message reports an injury or a safety risk',
};

const RANK: Record<SlaState, number> = { ok: 0, warning: 1, breached: 2 };
const round = (n: number) => Math.round(n * 100) / 100;

function onMessage(f: Facts, reason: (text: string) => string | null): Match | null {
  if (!f.message) return null;
  const r = reason(f.message.text);
  return r ? { causes: [`message:${f.message.id}`], reasons: [r] } : null;
}

function detector(name: DetectorName, f: Facts): Match | null {
  return onMessage(f, (text) => {
    const hit = DETECTORS[name](text);
    return hit ? `${DETECTOR_REASON[name]} ("${hit.quote}")` : null;
  });
}

function leaf(c: LeafCondition, f: Facts): Match | null {
  switch (c.type) {
    case 'sla': {
      const targets = c.target ? [c.target] : (['first_response', 'resolution'] as const);
      const hit = targets.find((t) => RANK[f.sla[t]] >= RANK[c.state]);
      if (!hit) return null;
      const what = hit === 'first_response' ? 'first response' : 'resolution';
      const reason = c.state === 'breached' ? `the ${what} SLA was breached` : `the ${what} SLA is about to be breached`;
      return { causes: [`sla:${hit}:${c.state}`], reasons: [reason] };
    }
    case 'priority':
      return c.in.includes(f.priority) ? { causes: [`priority:${f.priority}`], reasons: [`the priority is ${f.priority}`] } : null;
    case 'sentiment_below':
      return onMessage(f, () =>
        f.message!.sentiment.score < c.threshold ? `the customer's message reads negative (sentiment ${f.message!.sentiment.score})` : null,
      );
    case 'human_requested':
      return detector('human_request', f);
    case 'repeat_contact':
      return detector('repeat_contact', f);
    case 'detector':
      return detector(c.name, f);
    case 'keywords':
      return onMessage(f, (text) => {
        const lower = text.toLowerCase();
        const word = c.words.find((k) => lower.includes(k.toLowerCase()));
        return word ? `the message mentions "${word}"` : null;
      });
    case 'reopened':
      return f.reopenCount >= c.at_least
        ? { causes: [`reopened:${f.reopenCount}`], reasons: [`the ticket was reopened ${f.reopenCount} times`] }
        : null;
    case 'vip':
      return f.vip ? { causes: ['vip'], reasons: ['the customer is a VIP'] } : null;
    case 'low_confidence': {
      const value = c.source === 'answer' ? f.answerConfidence : (f.classifierConfidence?.[c.head ?? 'category'] ?? null);
      if (value === null || value >= c.below) return null;
      const who = c.source === 'answer' ? 'the suggested answer' : `the classifier (${c.head ?? 'category'})`;
      return { causes: [`confidence:${c.source}`], reasons: [`${who} is unsure (confidence ${round(value)})`] };
    }
  }
}

/** Evaluates a condition tree: `all` joins every reason, `any` takes the first that holds. */
export function evaluateCondition(c: Condition, f: Facts): Match | null {
  if ('type' in c) return leaf(c, f);
  if ('all' in c) {
    const matches: Match[] = [];
    for (const child of c.all) {
      const m = evaluateCondition(child, f);
      if (!m) return null;
      matches.push(m);
    }
    return { causes: [...new Set(matches.flatMap((m) => m.causes))].sort(), reasons: [...new Set(matches.flatMap((m) => m.reasons))] };
  }
  if ('any' in c) {
    for (const child of c.any) {
      const m = evaluateCondition(child, f);
      if (m) return m;
    }
    return null;
  }
  return evaluateCondition(c.not, f) ? null : { causes: [], reasons: [] };
}
