import type { Vocabulary } from './features.js';
import type { SoftmaxHead } from './linear-model.js';
import { tokenFeatures, type TextFeatures } from './text-features.js';

// Dense per-vocabulary scratch (zeroed after each call): array reads instead of Maps keep a
// long e-mail's explanation cheap.
const scratchByVocab = new WeakMap<Vocabulary, { contribution: Float64Array; counts: Float64Array }>();

function scratchFor(vocab: Vocabulary) {
  let scratch = scratchByVocab.get(vocab);
  if (!scratch) {
    scratch = { contribution: new Float64Array(vocab.idf.length), counts: new Float64Array(vocab.idf.length) };
    scratchByVocab.set(vocab, scratch);
  }
  return scratch;
}

/**
 * Words (and bigrams) that pushed the ticket toward `classIndex` the most.
 * Char n-gram evidence is credited back to the words it came from, so agents see
 * "invoice" rather than " inv".
 */
export function topTerms(
  vocab: Vocabulary,
  head: SoftmaxHead,
  classIndex: number,
  { x, tf, tokens }: TextFeatures,
  limit = 5,
): string[] {
  const k = head.classes.length;
  const { contribution, counts } = scratchFor(vocab);
  for (let n = 0; n < x.indices.length; n++) {
    const base = x.indices[n] * k;
    let mean = 0;
    for (let c = 0; c < k; c++) mean += head.weights[base + c] / k;
    contribution[x.indices[n]] = x.values[n] * (head.weights[base + classIndex] - mean);
    counts[x.indices[n]] = tf[n];
  }
  const of = (index: number | undefined) => (index === undefined || index < 0 ? 0 : contribution[index]);
  const multiplicity = new Map<string, number>();
  for (const t of tokens) multiplicity.set(t, (multiplicity.get(t) ?? 0) + 1);

  const scores = new Map<string, number>();
  for (const [token, m] of multiplicity) {
    const features = tokenFeatures(vocab, token);
    let score = of(features.word);
    for (const j of features.chars) {
      const c = of(j);
      // Only grams present in x count (their tf is at least 1).
      if (c !== 0) score += (c * m) / counts[j];
    }
    scores.set(token, score);
  }
  for (let i = 1; i < tokens.length; i++) {
    const bigram = `${tokens[i - 1]} ${tokens[i]}`;
    scores.set(bigram, of(vocab.wordIndex.get(bigram)));
  }
  for (const j of x.indices) contribution[j] = counts[j] = 0;
  return [...scores.entries()]
    .filter(([term, score]) => score > 0 && term.length > 1)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([term]) => term);
}
