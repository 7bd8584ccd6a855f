import { describe, expect, it } from 'vitest';
import { buildVocabulary, charNgrams, countTerms, featureCount, termName } from './features.js';
import { textFeatures, vectorize } from './text-features.js';
import { normalizeText } from './text-normalize.js';

const corpus = [
  'my invoice for march is missing',
  'the invoice amount is wrong',
  'i cannot log in to my account',
  'password reset email never arrives',
  'the app crashes when i export a report',
  'export to csv crashes the app',
].map(normalizeText);

describe('features', () => {
  const vocab = buildVocabulary(corpus, {
    stopwords: true, minDf: 1, maxWordFeatures: 1000, maxCharFeatures: 1000, charMin: 3, charMax: 5,
  });

  it('builds the same vocabulary and vector for the same input', () => {
    const again = buildVocabulary(corpus, vocab.config);
    expect(again.words).toEqual(vocab.words);
    expect(again.chars).toEqual(vocab.chars);
    expect(vectorize(again, corpus[0])).toEqual(vectorize(vocab, corpus[0]));
  });

  it('produces sparse, sorted, unit-length vectors', () => {
    const x = vectorize(vocab, corpus[4]);
    expect(x.indices.length).toBeLessThan(featureCount(vocab) / 4);
    expect([...x.indices]).toEqual([...x.indices].sort((a, b) => a - b));
    const norm = Math.sqrt(x.values.reduce((sum, v) => sum + v * v, 0));
    expect(norm).toBeCloseTo(1, 5);
  });

  it('caps the vocabulary at the configured size', () => {
    const small = buildVocabulary(corpus, { ...vocab.config, maxWordFeatures: 5, maxCharFeatures: 7 });
    expect(small.words).toHaveLength(5);
    expect(small.chars).toHaveLength(7);
  });

  it('keeps most char n-grams of a word when it has a typo', () => {
    const clean = new Set(charNgrams('invoice', 3, 5));
    const shared = charNgrams('invoce', 3, 5).filter((g) => clean.has(g));
    expect(shared.length).toBeGreaterThanOrEqual(5);
  });

  it('vectorizes exactly the vocabulary terms countTerms finds, with their counts', () => {
    const text = normalizeText('The invoice, the invoice: my March invoice is wrong');
    const counts = countTerms(text, vocab.config);
    const { x, tf } = textFeatures(vocab, text);
    const block = (j: number) => (j < vocab.words.length ? 'word' : 'char');
    const found = new Map([...x.indices].map((j, n) => [`${block(j)} ${termName(vocab, j)}`, tf[n]]));
    const expected = new Map([
      ...[...counts.words].filter(([t]) => vocab.wordIndex.has(t)).map(([t, c]) => [`word ${t}`, c] as const),
      ...[...counts.chars].filter(([t]) => vocab.charIndex.has(t)).map(([t, c]) => [`char ${t}`, c] as const),
    ]);
    expect(found).toEqual(expected);
    expect(found.get('word invoice')).toBe(3);
  });

  it('ignores terms that are not in the vocabulary', () => {
    expect(vectorize(vocab, 'zzzz qqqq').indices).toHaveLength(0);
  });
});
