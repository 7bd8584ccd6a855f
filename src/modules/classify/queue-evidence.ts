import { STOPWORDS } from './features.js';
import type { Category } from './labels.js';
import type { RoutingTable } from './routing.js';

// The team's queue descriptions are weak labels for the category: "Billing & Payments — refunds,
// Klarna, gift cards, discount codes" says in this company's words which tickets are billing. A
// queue speaks for the categories the routing table sends to it (at normal priority).

/** How much the queue descriptions count against the knowledge-base evidence, chosen on the tune tickets of eval/rosterly and eval/fernhill. */
export const QUEUE_EVIDENCE_WEIGHT = 0.35;

const stem = (w: string) => w.replace(/ies$/, 'y').replace(/(?:es|s)$/, '').replace(/(?:ing|ed)$/, '');

function terms(text: string): Set<string> {
  const words = text.toLowerCase().match(/\p{L}[\p{L}'-]*/gu) ?? [];
  return new Set(words.filter((w) => w.length >= 3 && !STOPWORDS.has(w)).map(stem));
}

export interface QueueDescription {
  name: string;
  description: string;
}

/**
 * Category probabilities from the words a ticket shares with each category's queue name and
 * description (shares of the matching words), or null when it shares none.
 */
export function queueCategoryEvidence(text: string, queues: readonly QueueDescription[], routing: RoutingTable): Record<string, number> | null {
  const ticket = terms(text);
  const byName = new Map(queues.map((q) => [q.name, terms(`${q.name} ${q.description}`)]));
  const scores: Record<string, number> = {};
  let total = 0;
  for (const category of Object.keys(routing) as Category[]) {
    const described = byName.get(routing[category].normal);
    const score = described ? [...ticket].filter((t) => described.has(t)).length : 0;
    scores[category] = score;
    total += score;
  }
  if (total === 0) return null;
  return Object.fromEntries(Object.entries(scores).map(([c, s]) => [c, s / total]));
}

/** The knowledge base's and the queue descriptions' evidence in one, either alone when the other is missing. */
export function mixCategoryEvidence(kb: Record<string, number> | null, queues: Record<string, number> | null): Record<string, number> | null {
  if (!kb || !queues) return kb ?? queues;
  const categories = new Set([...Object.keys(kb), ...Object.keys(queues)]);
  return Object.fromEntries([...categories].map((c) => [c, (1 - QUEUE_EVIDENCE_WEIGHT) * (kb[c] ?? 0) + QUEUE_EVIDENCE_WEIGHT * (queues[c] ?? 0)]));
}
