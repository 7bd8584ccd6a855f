import { describe, expect, it } from 'vitest';
import { answerFeatures, calibrate, CALIBRATION, featureVector, FEATURE_NAMES, type AnswerFeatures } from './answer-calibration';

const mid: AnswerFeatures = {
  extractive: 0.5,
  topScore: 0.5,
  margin: 0.3,
  articleCoverage: 0.6,
  answerCoverage: 0.5,
  knownCoverage: 0.7,
  knownShare: 0.8,
  terms: 4,
  headingCoverage: 0.5,
  focusCoverage: 0.5,
  answerFocusCoverage: 0.5,
  typeMatch: 1,
  knownFocus: 0.5,
};
const numeric = Object.keys(mid) as (keyof AnswerFeatures)[];

describe('calibrate', () => {
  it('has one non-negative weight per feature', () => {
    expect(CALIBRATION.weights).toHaveLength(FEATURE_NAMES.length);
    expect(featureVector(mid)).toHaveLength(FEATURE_NAMES.length);
    for (const w of CALIBRATION.weights) expect(w).toBeGreaterThanOrEqual(0);
  });

  it('returns a probability in [0,1] for extreme and broken inputs', () => {
    const low = Object.fromEntries(numeric.map((k) => [k, k === 'margin' ? -1 : 0])) as unknown as AnswerFeatures;
    const high = Object.fromEntries(numeric.map((k) => [k, k === 'terms' ? 1000 : k === 'topScore' ? 1e6 : 1])) as unknown as AnswerFeatures;
    for (const f of [low, high, mid, { ...mid, topScore: Number.NaN }, { ...mid, topScore: -5 }]) {
      const p = calibrate(f);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(Number.isFinite(p)).toBe(true);
    }
    expect(calibrate(low)).toBeLessThan(0.05);
    expect(calibrate(high)).toBeGreaterThan(0.95);
  });

  it('never decreases when any one feature grows', () => {
    for (const key of numeric) {
      const steps = key === 'terms' ? [1, 2, 4, 8, 16] : key === 'topScore' ? [0, 0.1, 0.5, 1, 3] : key === 'margin' ? [-1, -0.5, 0, 0.5, 1] : [0, 0.25, 0.5, 0.75, 1];
      const ps = steps.map((v) => calibrate({ ...mid, [key]: v }));
      for (let i = 1; i < ps.length; i++) expect(ps[i], `${key} ${steps[i]}`).toBeGreaterThanOrEqual(ps[i - 1]);
    }
  });
});

describe('answerFeatures', () => {
  const hit = (articleId: string, text: string, fulltext: number) => ({ articleId, text, scores: { fulltext, vector: null } });
  const answer = (articleId: string, text: string) => ({ answer: text, confidence: 0.6, citations: [{ articleId, chunkId: 'c', title: 't', snippet: '' }] });

  it('reads margin, coverage and known terms from the cited article', () => {
    const hits = [hit('a', 'Reset your password\n\nUse the forgot password link to reset it.', 2), hit('b', 'Login problems and sessions', 1)];
    const vocabulary = new Set(['reset', 'your', 'password', 'use', 'the', 'forgot', 'link', 'to', 'it', 'login', 'problems', 'and', 'sessions']);
    const f = answerFeatures('how do i reset my password zorblax', hits, answer('a', 'Use the forgot password link to reset it.'), vocabulary);
    expect(f.terms).toBe(3);
    expect(f.topScore).toBe(2);
    expect(f.margin).toBeCloseTo(0.5);
    expect(f.articleCoverage).toBeCloseTo(2 / 3);
    expect(f.knownCoverage).toBe(1);
    expect(f.knownShare).toBeCloseTo(2 / 3);
    expect(f.headingCoverage).toBe(1);
  });

  it('reads heading coverage from the title line and the ## headings of the cited chunks only', () => {
    const hits = [hit('a', 'Billing\n\nWe send invoices monthly.\n\n## Refund policy\n\nAsk support.', 2), hit('b', 'Invoices\n\nDownload them.', 1)];
    const f = answerFeatures('refund for my invoices', hits, answer('a', 'Ask support.'));
    expect(f.articleCoverage).toBe(1);
    expect(f.headingCoverage).toBeCloseTo(1 / 2);
  });

  it('gives a negative margin when the cited article is not the best full-text match', () => {
    const f = answerFeatures('invoice tax', [hit('a', 'invoice', 1), hit('b', 'tax invoice', 4)], answer('a', 'invoice'));
    expect(f.margin).toBeCloseTo(-0.75);
  });
});
