import { describe, expect, it } from 'vitest';
import type { EvalQuestion } from '../kb/eval-dataset';
import type { DomainDataset, EvalTicket } from './domain-dataset';
import { evaluateDomain, type DomainEvalDeps } from './domain-eval';
import { formatDomainReport } from './domain-report';

const q = (id: string, relevant: string[], facts?: string[]): EvalQuestion => ({ id, question: id, relevant, split: 'test', style: 'paraphrase', ...(facts ? { facts } : {}) });
const t = (id: string, body: string, labels: Partial<EvalTicket> = {}): EvalTicket => ({
  id,
  subject: '',
  body,
  category: 'technical',
  priority: 'normal',
  escalate: false,
  split: 'test',
  ...labels,
});

const dataset: DomainDataset = {
  name: 'acme-test',
  folder: '/nowhere',
  queues: [],
  articles: [],
  questions: [q('right', ['a'], ['30 days']), q('no-fact', ['a'], ['14 days']), q('wrong', ['b'], ['x']), q('uncovered', [])],
  tickets: [
    t('human', 'Please let me talk to a real person about this.', { escalate: true }),
    t('quiet', 'How do I export my data?', { category: 'technical' }),
    t('billing', 'Why was I charged twice?', { category: 'billing', priority: 'high' }),
  ],
};

// The answers and labels an imagined Clara gives: everything the report counts is visible here.
const deps: DomainEvalDeps = {
  threshold: 0.85,
  async ask(question) {
    const answers: Record<string, { answer: string; confidence: number; slug: string }> = {
      right: { answer: 'Returns are accepted for 30 days.', confidence: 0.9, slug: 'a' },
      'no-fact': { answer: 'Returns are accepted.', confidence: 0.6, slug: 'a' },
      wrong: { answer: 'Something else.', confidence: 0.95, slug: 'c' },
      uncovered: { answer: 'Near but not it.', confidence: 0.88, slug: 'a' },
    };
    const a = answers[question];
    return { answer: a.answer, confidence: a.confidence, citations: [{ slug: a.slug }] };
  },
  async classify({ description }) {
    const billing = description.includes('charged');
    return { category: billing ? 'billing' : 'technical', priority: 'normal', confidence: { category: 0.9, priority: 0.9 } };
  },
};

describe('evaluateDomain', () => {
  it('counts right articles, stated facts and what the gate resolves at the threshold in use', async () => {
    const r = await evaluateDomain(dataset, deps);
    expect(r.answers).toMatchObject({ answerable: 3, rightArticleFirst: 2, factPresent: 1 });
    expect(r.autoResolve.atThreshold).toMatchObject({ resolved: 3, correct: 1, uncoveredResolved: 1, correctWithFacts: 1 });
    expect(r.autoResolve.atThreshold.precision).toBeCloseTo(1 / 3);
    expect(r.autoResolve.wrong.map((w) => w.id)).toEqual(['wrong', 'uncovered']);
  });

  it('scores the classifier and the arrival escalation rules on the labelled tickets', async () => {
    const r = await evaluateDomain(dataset, deps);
    expect(r.classifier).toMatchObject({ n: 3, category: 1 });
    expect(r.classifier?.priority).toBeCloseTo(2 / 3);
    expect(r.escalation).toMatchObject({ positives: 1, caught: 1, recall: 1, negatives: 2, falseEscalations: 0 });
  });

  it('never resolves an urgent ticket, whatever the confidence', async () => {
    const urgent: DomainEvalDeps = { ...deps, classify: async () => ({ category: 'technical', priority: 'urgent', confidence: { category: 1, priority: 1 } }) };
    const r = await evaluateDomain(dataset, urgent);
    expect(r.autoResolve.atThreshold.resolved).toBe(0);
  });

  it('marks each figure against its target', async () => {
    const text = formatDomainReport(await evaluateDomain(dataset, deps));
    expect(text).toMatch(/MISS uncovered auto-resolved/);
    expect(text).toMatch(/ok {3}category accuracy/);
  });
});
