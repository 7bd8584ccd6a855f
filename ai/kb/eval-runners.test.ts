import { describe, expect, it } from 'vitest';
import type { EvalQuestion } from './eval-dataset';
import {
  AUTO_RESOLVE_THRESHOLDS,
  evaluateAutoResolve,
  evaluateRetrieval,
  formatAutoResolveTable,
  formatRetrievalReport,
  pickThreshold,
  type AutoResolveAnswer,
  type AutoResolveRow,
} from './eval-runners';

const question = (id: string, relevant: string[], extra: Partial<EvalQuestion> = {}): EvalQuestion => ({
  id,
  question: id,
  relevant,
  split: 'test',
  style: 'paraphrase',
  ...extra,
});

const fixedSearch = (ranked: Record<string, string[]>) => async (q: string) => ranked[q] ?? [];
const fixedAnswers = (answers: Record<string, AutoResolveAnswer>) => async (q: string) => answers[q];

describe('evaluateRetrieval', () => {
  const questions = [
    question('q1', ['a']),
    question('q2', ['b', 'c'], { style: 'typo' }),
    question('q3', ['z'], { style: 'typo' }),
    question('q4', ['d'], { split: 'tune' }),
    question('none', []),
  ];
  const search = fixedSearch({
    q1: ['a', 'x'],
    q2: ['x', 'y', 'c', 'b'],
    q3: ['x'],
    q4: ['d'],
    none: ['a'],
  });

  it('computes recall@1, recall@5 and MRR@10 from the first relevant rank, skipping unanswerable questions', async () => {
    const report = await evaluateRetrieval(questions, search, { split: 'test' });
    expect(report.n).toBe(3);
    expect(report.recallAt1).toBeCloseTo(1 / 3);
    expect(report.recallAt5).toBeCloseTo(2 / 3);
    expect(report.mrrAt10).toBeCloseTo((1 + 1 / 3 + 0) / 3);
  });

  it('breaks the scores down by style and lists the questions not found at rank 1', async () => {
    const report = await evaluateRetrieval(questions, search, { split: 'test' });
    expect(report.perStyle.paraphrase).toEqual({ n: 1, recallAt1: 1, recallAt5: 1, mrrAt10: 1 });
    expect(report.perStyle.typo.n).toBe(2);
    expect(report.perStyle.typo.mrrAt10).toBeCloseTo(1 / 6);
    expect(report.misses.map((m) => [m.id, m.rank])).toEqual([
      ['q2', 3],
      ['q3', null],
    ]);
  });

  it('counts an article returned several times once, at its best rank', async () => {
    const report = await evaluateRetrieval([question('q', ['b'])], fixedSearch({ q: ['a', 'a', 'a', 'a', 'a', 'b'] }));
    expect(report.recallAt1).toBe(0);
    expect(report.mrrAt10).toBeCloseTo(1 / 2);
  });

  it('uses every split when none is given', async () => {
    expect((await evaluateRetrieval(questions, search)).n).toBe(4);
  });

  it('reports zeros for a split without answerable questions', async () => {
    const report = await evaluateRetrieval([question('none', [])], search);
    expect(report).toMatchObject({ n: 0, recallAt1: 0, recallAt5: 0, mrrAt10: 0, misses: [] });
  });
});

describe('evaluateAutoResolve', () => {
  const questions = [
    question('right-high', ['a']),
    question('right-mid', ['b']),
    question('wrong-mid', ['c']),
    question('right-low', ['d']),
    question('none-high', []),
    question('no-answer', ['e']),
  ];
  const ask = fixedAnswers({
    'right-high': { confidence: 0.95, topSlug: 'a' },
    'right-mid': { confidence: 0.8, topSlug: 'b' },
    'wrong-mid': { confidence: 0.75, topSlug: 'x' },
    'right-low': { confidence: 0.4, topSlug: 'd' },
    'none-high': { confidence: 0.9, topSlug: 'a' },
    'no-answer': { confidence: 0.99, topSlug: null },
  });

  it('counts precision over auto-resolves and coverage over answerable questions, unanswerable ones as wrong', async () => {
    const [low, mid, high] = await evaluateAutoResolve(questions, ask, [0.5, 0.8, 0.95]);
    // 0.5: right-high, right-mid, wrong-mid, none-high → 2 correct of 4; 5 answerable questions.
    expect(low).toEqual({ threshold: 0.5, precision: 0.5, coverage: 0.4, autoResolved: 4, wrong: 2, unanswerableAutoResolved: 1 });
    expect(mid).toEqual({ threshold: 0.8, precision: 2 / 3, coverage: 0.4, autoResolved: 3, wrong: 1, unanswerableAutoResolved: 1 });
    expect(high).toEqual({ threshold: 0.95, precision: 1, coverage: 0.2, autoResolved: 1, wrong: 0, unanswerableAutoResolved: 0 });
  });

  it('never auto-resolves an answer without a cited article, and reports null precision when nothing is taken', async () => {
    const [row] = await evaluateAutoResolve([question('no-answer', ['e'])], ask, [0.5]);
    expect(row).toEqual({ threshold: 0.5, precision: null, coverage: 0, autoResolved: 0, wrong: 0, unanswerableAutoResolved: 0 });
  });

  it('asks each question once and only the questions of the requested split', async () => {
    const asked: string[] = [];
    const spy = async (q: string) => {
      asked.push(q);
      return { confidence: 0.9, topSlug: 'a' };
    };
    await evaluateAutoResolve([question('t', ['a'], { split: 'tune' }), question('x', ['a'])], spy, undefined, { split: 'tune' });
    expect(asked).toEqual(['t']);
  });

  it('defaults to the thresholds 0.50 to 0.95 in steps of 0.05', () => {
    expect(AUTO_RESOLVE_THRESHOLDS).toEqual([0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]);
  });
});

describe('pickThreshold', () => {
  const row = (threshold: number, precision: number | null, unanswerableAutoResolved = 0): AutoResolveRow => ({
    threshold,
    precision,
    coverage: 0.5,
    autoResolved: precision === null ? 0 : 10,
    wrong: 0,
    unanswerableAutoResolved,
  });

  it('picks the lowest threshold reaching the precision with no unanswerable question auto-resolved', () => {
    const rows = [row(0.5, 0.9), row(0.6, 0.98, 1), row(0.7, 0.97), row(0.8, 1)];
    expect(pickThreshold(rows, { minPrecision: 0.97 })).toBe(0.7);
  });

  it('returns null when no threshold qualifies, ignoring thresholds that auto-resolve nothing', () => {
    expect(pickThreshold([row(0.5, 0.9), row(0.9, null)])).toBeNull();
  });
});

describe('report formatting', () => {
  it('prints one line per threshold and marks the picked one', () => {
    const rows: AutoResolveRow[] = [
      { threshold: 0.5, precision: 0.5, coverage: 0.4, autoResolved: 4, wrong: 2, unanswerableAutoResolved: 1 },
      { threshold: 0.95, precision: null, coverage: 0, autoResolved: 0, wrong: 0, unanswerableAutoResolved: 0 },
    ];
    const lines = formatAutoResolveTable(rows, { picked: 0.5 }).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^0\.50\s+0\.500\s+0\.400\s+4\s+2\s+1\s+← picked$/);
    expect(lines[3]).toMatch(/^0\.95\s+—/);
  });

  it('prints the overall and per-style scores and the misses', async () => {
    const report = await evaluateRetrieval([question('q1', ['a']), question('q2', ['b'], { style: 'typo' })], fixedSearch({ q1: ['a'], q2: ['x'] }));
    const text = formatRetrievalReport(report);
    expect(text).toMatch(/^all\s+2\s+0\.500\s+0\.500\s+0\.500$/m);
    expect(text).toMatch(/^typo\s+1\s+0\.000/m);
    expect(text).toContain('q2 [rank >10] "q2"\n    want b; got x');
  });
});
