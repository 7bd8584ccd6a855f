import { charNgrams, type SparseVector, type TermCounts, type Vocabulary } from './features.js';
import type { SoftmaxHead } from './linear-model.js';
import { tokenize } from './text-normalize.js';

// Dense per-vocabulary scratch for the per-feature contributions (zeroed again after each
// call): array reads instead of a Map keep a long e-mail's explanation well under a millisecond.
const scratchByVocab = new WeakMap<Vocabulary, Float64Array>();

/**
 * Words (and bigrams) that pushed the ticket toward `classIndex` the most.
 * Char n-gram evidence is credited back to the words it came from, so agents see
 * "invoice" rather than " inv".
 */
export function topTerms(
  vocab: Vocabulary,
  head: SoftmaxHead,
  classIndex: number,
  normalized: string,
  x: SparseVector,
  counts: TermCounts,
  limit = 5,
): string[] {
  const k = head.classes.length;
  let contribution = scratchByVocab.get(vocab);
  if (!contribution) {
    contribution = new Float64Array(vocab.idf.length);
    scratchByVocab.set(vocab, contribution);
  }
  for (let n = 0; n < x.indices.length; n++) {
    const base = x.indices[n] * k;
    let mean = 0;
    for (let c = 0; c < k; c++) mean += head.weights[base + c] / k;
    contribution[x.indices[n]] = x.values[n] * (head.weights[base + classIndex] - mean);
  }
  const scratch = contribution;
  const of = (index: number | undefined) => (index === undefined ? 0 : scratch[index]);
  const gramCounts = counts.chars;
  const tokens = tokenize(normalized);
  const multiplicity = new Map<string, number>();
  for (const t of tokens) multiplicity.set(t, (multiplicity.get(t) ?? 0) + 1);

  const scores = new Map<string, number>();
  for (const [token, m] of multiplicity) {
    let score = of(vocab.wordIndex.get(token));
    for (const gram of charNgrams(token, vocab.config.charMin, vocab.config.charMax)) {
      score += (of(vocab.charIndex.get(gram)) * m) / (gramCounts.get(gram) ?? 1);
    }
    scores.set(token, score);
  }
  for (let i = 1; i < tokens.length; i++) {
    const bigram = `${tokens[i - 1]} ${tokens[i]}`;
    scores.set(bigram, of(vocab.wordIndex.get(bigram)));
  }
  for (let n = 0; n < x.indices.length; n++) scratch[x.indices[n]] = 0;
  return [...scores.entries()]
    .filter(([term, score]) => score > 0 && term.length > 1)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([term]) => term);
}
