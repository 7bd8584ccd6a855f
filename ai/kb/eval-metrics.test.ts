import { describe, expect, it } from 'vitest';
import { calibrate, evaluateRanking, splitByAnswer } from './eval-metrics';

describe('evaluateRanking', () => {
  it('computes Recall@1, Recall@5 and MRR@10 over the first relevant rank', () => {
    const queries = [
      { text: 'q1', relevant: new Set(['a']), group: 'a' },
      { text: 'q2', relevant: new Set(['b', 'c']), group: 'b' },
      { text: 'q3', relevant: new Set(['z']), group: 'z' },
    ];
    const ranked: Record<string, string[]> = { q1: ['a', 'x'], q2: ['x', 'y', 'c', 'b'], q3: ['x'] };
    const m = evaluateRanking(queries, (q) => ranked[q]);
    expect(m.recallAt1).toBeCloseTo(1 / 3);
    expect(m.recallAt5).toBeCloseTo(2 / 3);
    expect(m.mrrAt10).toBeCloseTo((1 + 1 / 3) / 3);
  });
});

describe('splitByAnswer', () => {
  it('keeps all items of a group on one side and is reproducible for a seed', () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ group: `g${i % 20}` }));
    const first = splitByAnswer(items, (x) => x.group, 1, 0.8);
    const again = splitByAnswer(items, (x) => x.group, 1, 0.8);
    expect(first).toEqual(again);
    expect(first.tune).toHaveLength(80);
    const tuneGroups = new Set(first.tune.map((x) => x.group));
    expect(first.test.some((x) => tuneGroups.has(x.group))).toBe(false);
  });
});

describe('calibrate', () => {
  it('chooses the lowest threshold reaching the target precision on the tune split', () => {
    const tune = [
      { confidence: 0.9, correct: true },
      { confidence: 0.5, correct: true },
      { confidence: 0.3, correct: false },
    ];
    expect(calibrate(tune, tune, 1)).toContain('Lowest threshold with tune precision ≥ 1: 0.35');
  });
});
