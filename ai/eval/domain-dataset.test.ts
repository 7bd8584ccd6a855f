import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDomainDataset, parseTickets, type DomainDataset } from './domain-dataset';
import { containsFact, factText } from './facts';

// Lines after the first batch were written later to give tuning more to go on (a second tune
// batch); the test split is the first batch's and never grows.
const FIRST_BATCH = { rosterly: { questions: 75, tickets: 83 }, fernhill: { questions: 79, tickets: 83 } };
// kitewire was written after the second round of tuning and is held out whole: every line is test.
const HELD_OUT = new Set(['kitewire']);

const folder = (name: string) => fileURLToPath(new URL(`../../eval/${name}/`, import.meta.url));

describe.each(['rosterly', 'fernhill', 'kitewire'])('eval/%s, a company Clara was not built on', (name) => {
  let dataset: DomainDataset;
  beforeAll(async () => {
    dataset = await loadDomainDataset(folder(name));
  });

  it('has 15–25 articles and at least 60 questions, about a third of them not covered', () => {
    expect(dataset.articles.length).toBeGreaterThanOrEqual(15);
    expect(dataset.articles.length).toBeLessThanOrEqual(25);
    expect(dataset.questions.length).toBeGreaterThanOrEqual(60);
    const uncovered = dataset.questions.filter((q) => q.relevant.length === 0).length / dataset.questions.length;
    expect(uncovered).toBeGreaterThanOrEqual(0.28);
    expect(dataset.questions.filter((q) => q.kind === 'near-miss').length).toBeGreaterThanOrEqual(10);
  });

  it('states every key fact in the article the question names', () => {
    const bodies = new Map(dataset.articles.map((a) => [a.slug, factText(`${a.title}\n${a.body}`)]));
    for (const q of dataset.questions.filter((x) => x.relevant.length > 0)) {
      expect(q.facts?.length, q.id).toBeGreaterThan(0);
      for (const fact of q.facts ?? []) expect(q.relevant.some((slug) => containsFact(bodies.get(slug) ?? '', fact)), `${q.id}: ${fact}`).toBe(true);
    }
  });

  it('has at least 80 labelled tickets with needs-a-person cases in both splits', () => {
    expect(dataset.tickets.length).toBeGreaterThanOrEqual(80);
    for (const split of HELD_OUT.has(name) ? (['test'] as const) : (['tune', 'test'] as const)) {
      expect(dataset.tickets.filter((t) => t.split === split && t.escalate).length).toBeGreaterThanOrEqual(5);
    }
  });

  it('splits by line: every third line of the first batch is tune, the rest test; later lines are tune; a held-out company is all test', () => {
    if (HELD_OUT.has(name)) {
      expect([...dataset.questions, ...dataset.tickets].filter((x) => x.split !== 'test')).toEqual([]);
      return;
    }
    const first = FIRST_BATCH[name as keyof typeof FIRST_BATCH];
    const expected = (i: number, batch: number) => (i >= batch || (i + 1) % 3 === 0 ? 'tune' : 'test');
    dataset.questions.forEach((q, i) => expect(q.split, q.id).toBe(expected(i, first.questions)));
    dataset.tickets.forEach((t, i) => expect(t.split, t.id).toBe(expected(i, first.tickets)));
  });
});

describe('parseTickets', () => {
  it('reports a bad label and a repeated id with their line numbers', () => {
    const ok = { id: 'a', subject: 's', body: 'b', category: 'billing', priority: 'high', escalate: false, split: 'test' };
    const source = [JSON.stringify(ok), JSON.stringify({ ...ok, id: 'b', category: 'shipping' }), JSON.stringify(ok)].join('\n');
    expect(() => parseTickets(source)).toThrow(/line 2: category[\s\S]*line 3: id "a" is used twice/);
  });
});
