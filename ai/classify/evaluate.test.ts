import { describe, expect, it } from 'vitest';
import { headMetrics, shouldPromote, type EvaluationReport } from './evaluate.js';

function report(accuracy: number, macroF1: number, fingerprint = 'abc'): EvaluationReport {
  const m = { rows: 10, accuracy, macroF1, ece: 0, perClass: {}, reliability: [], confusions: [] };
  return { modelId: 'm', heldOut: { rows: 10, fingerprint }, heads: { category: m, priority: m, intent: m } };
}

describe('headMetrics', () => {
  it('computes accuracy, per-class precision/recall and macro-F1', () => {
    const m = headMetrics(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b'], [0.9, 0.6, 0.8, 0.7]);
    expect(m.accuracy).toBe(0.75);
    expect(m.perClass.a).toMatchObject({ precision: 1, recall: 0.5, support: 2 });
    expect(m.perClass.b.precision).toBeCloseTo(2 / 3);
    expect(m.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2);
  });

  it('has zero calibration error when confidence matches accuracy in every bin', () => {
    const m = headMetrics(['a', 'a', 'a', 'a'], ['a', 'a', 'b', 'b'], [0.5, 0.5, 0.5, 0.5]);
    expect(m.ece).toBeCloseTo(0);
  });
});

describe('shouldPromote', () => {
  it('promotes a model that is at least as good on every head', () => {
    expect(shouldPromote(report(0.9, 0.9), report(0.9, 0.88)).promote).toBe(true);
  });

  it('keeps the current model when one metric drops', () => {
    const decision = shouldPromote(report(0.91, 0.85), report(0.9, 0.88));
    expect(decision.promote).toBe(false);
    expect(decision.reasons[0]).toMatch(/macroF1 dropped/);
  });

  it('refuses to compare reports from different held-out rows', () => {
    expect(shouldPromote(report(0.99, 0.99, 'x'), report(0.5, 0.5, 'y')).promote).toBe(false);
  });
});
