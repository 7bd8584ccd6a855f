import { CATEGORY_TRIAGE_BELOW, type Category, type Priority } from '../../src/modules/classify';
import { escalationsOnArrival } from '../../src/modules/escalation';
import { mayAutoResolve } from '../../src/modules/kb';
import { AUTO_RESOLVE_THRESHOLDS } from '../kb/eval-runners';
import type { EvalQuestion, EvalSplit } from '../kb/eval-dataset';
import type { DomainDataset, EvalTicket } from './domain-dataset';
import { containsAllFacts } from './facts';

/** What the evaluation needs from Clara: the product's own answer and classifier paths. */
export interface DomainEvalDeps {
  ask(question: string): Promise<{ answer: string | null; confidence: number; citations: readonly { slug: string }[]; scope?: { covered: boolean } }>;
  classify(ticket: { subject: string; description: string }): Promise<{
    category: Category;
    priority: Priority;
    confidence: { category: number; priority: number };
  }>;
  /** The auto-resolve bar in use. */
  threshold: number;
}

export interface ClassifierFigures {
  n: number;
  category: number;
  priority: number;
  /** Tickets whose category confidence is below CATEGORY_TRIAGE_BELOW: they go to a person to sort. */
  uncertain: number;
  /** Category accuracy of the others, the ones routed by their predicted category. */
  categoryWhenSure: number | null;
  /** The most frequent (gold → predicted) mistakes. */
  confusions: { head: 'category' | 'priority'; gold: string; predicted: string; count: number }[];
}

export interface EscalationFigures {
  /** Tickets that need a person, and how many of them a rule escalated. */
  positives: number;
  caught: number;
  recall: number | null;
  negatives: number;
  falseEscalations: number;
  falseRate: number | null;
  missed: string[];
  falseIds: string[];
}

export interface AnswerFigures {
  answerable: number;
  /** The answer cites a relevant article first. */
  rightArticleFirst: number;
  /** The answer states every key fact of the question. */
  factPresent: number;
  misses: { id: string; reason: 'wrong article' | 'fact missing'; cited: string | null; answer: string }[];
}

export interface GateRow {
  threshold: number;
  resolved: number;
  correct: number;
  /** Correct and stating every key fact. */
  correctWithFacts: number;
  uncoveredResolved: number;
  precision: number | null;
  coverage: number;
}

export interface DomainReport {
  dataset: string;
  split: EvalSplit;
  classifier: ClassifierFigures | null;
  escalation: EscalationFigures | null;
  answers: AnswerFigures;
  autoResolve: { threshold: number; atThreshold: GateRow; curve: GateRow[]; wrong: { id: string; cited: string; confidence: number; uncovered: boolean }[] };
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

function topConfusions(pairs: { head: 'category' | 'priority'; gold: string; predicted: string }[], limit = 6) {
  const counts = new Map<string, { head: 'category' | 'priority'; gold: string; predicted: string; count: number }>();
  for (const p of pairs) {
    const key = `${p.head}:${p.gold}:${p.predicted}`;
    const entry = counts.get(key) ?? { ...p, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold)).slice(0, limit);
}

async function evaluateTickets(tickets: readonly EvalTicket[], deps: DomainEvalDeps) {
  if (tickets.length === 0) return { classifier: null, escalation: null };
  let category = 0;
  let priority = 0;
  let uncertain = 0;
  let sureRight = 0;
  const mistakes: { head: 'category' | 'priority'; gold: string; predicted: string }[] = [];
  const escalation: EscalationFigures = { positives: 0, caught: 0, recall: null, negatives: 0, falseEscalations: 0, falseRate: null, missed: [], falseIds: [] };
  for (const t of tickets) {
    const predicted = await deps.classify({ subject: t.subject, description: t.body });
    if (predicted.category === t.category) category += 1;
    else mistakes.push({ head: 'category', gold: t.category, predicted: predicted.category });
    if (predicted.confidence.category < CATEGORY_TRIAGE_BELOW) uncertain += 1;
    else if (predicted.category === t.category) sureRight += 1;
    if (predicted.priority === t.priority) priority += 1;
    else mistakes.push({ head: 'priority', gold: t.priority, predicted: predicted.priority });
    const escalated = escalationsOnArrival({ subject: t.subject, body: t.body, priority: predicted.priority }).length > 0;
    if (t.escalate) {
      escalation.positives += 1;
      if (escalated) escalation.caught += 1;
      else escalation.missed.push(t.id);
    } else {
      escalation.negatives += 1;
      if (escalated) {
        escalation.falseEscalations += 1;
        escalation.falseIds.push(t.id);
      }
    }
  }
  escalation.recall = ratio(escalation.caught, escalation.positives);
  escalation.falseRate = ratio(escalation.falseEscalations, escalation.negatives);
  const n = tickets.length;
  const classifier = { n, category: category / n, priority: priority / n, uncertain, categoryWhenSure: ratio(sureRight, n - uncertain), confusions: topConfusions(mistakes) };
  return { classifier, escalation };
}

interface Outcome {
  q: EvalQuestion;
  answer: string | null;
  confidence: number;
  cited: string | null;
  scope?: { covered: boolean };
  priority: Priority;
}

const gate = (o: Outcome, threshold: number) =>
  mayAutoResolve({ answer: o.answer, confidence: o.confidence, citations: o.cited ? [o.cited] : [], scope: o.scope }, { priority: o.priority }, { threshold });

function gateRow(outcomes: readonly Outcome[], threshold: number): GateRow {
  const answerable = outcomes.filter((o) => o.q.relevant.length > 0).length;
  const resolved = outcomes.filter((o) => gate(o, threshold));
  const correct = resolved.filter((o) => o.cited !== null && o.q.relevant.includes(o.cited));
  return {
    threshold,
    resolved: resolved.length,
    correct: correct.length,
    correctWithFacts: correct.filter((o) => containsAllFacts(o.answer ?? '', o.q.facts)).length,
    uncoveredResolved: resolved.filter((o) => o.q.relevant.length === 0).length,
    precision: ratio(correct.length, resolved.length),
    coverage: answerable > 0 ? correct.length / answerable : 0,
  };
}

/**
 * Everything issue 13 measures on one company's data, through the product's own paths:
 * the classifier and the arrival escalation rules on the labelled tickets, and the
 * knowledge-base answer and the auto-resolve gate on the questions (each question is
 * classified too, because urgent tickets are never auto-resolved).
 */
export async function evaluateDomain(dataset: DomainDataset, deps: DomainEvalDeps, split: EvalSplit = 'test'): Promise<DomainReport> {
  const { classifier, escalation } = await evaluateTickets(dataset.tickets.filter((t) => t.split === split), deps);
  const outcomes: Outcome[] = [];
  for (const q of dataset.questions.filter((x) => x.split === split)) {
    const r = await deps.ask(q.question);
    const { priority } = await deps.classify({ subject: '', description: q.question });
    outcomes.push({ q, answer: r.answer, confidence: r.confidence, cited: r.citations[0]?.slug ?? null, scope: r.scope, priority });
  }
  const answerable = outcomes.filter((o) => o.q.relevant.length > 0);
  const answers: AnswerFigures = { answerable: answerable.length, rightArticleFirst: 0, factPresent: 0, misses: [] };
  for (const o of answerable) {
    const right = o.cited !== null && o.q.relevant.includes(o.cited);
    const facts = right && containsAllFacts(o.answer ?? '', o.q.facts);
    if (right) answers.rightArticleFirst += 1;
    if (facts) answers.factPresent += 1;
    if (!facts) answers.misses.push({ id: o.q.id, reason: right ? 'fact missing' : 'wrong article', cited: o.cited, answer: o.answer ?? '' });
  }
  const curve = AUTO_RESOLVE_THRESHOLDS.map((t) => gateRow(outcomes, t));
  const atThreshold = gateRow(outcomes, deps.threshold);
  const wrong = outcomes
    .filter((o) => gate(o, deps.threshold))
    .filter((o) => o.cited === null || !o.q.relevant.includes(o.cited))
    .map((o) => ({ id: o.q.id, cited: o.cited ?? '', confidence: o.confidence, uncovered: o.q.relevant.length === 0 }));
  return { dataset: dataset.name, split, classifier, escalation, answers, autoResolve: { threshold: deps.threshold, atThreshold, curve, wrong } };
}
