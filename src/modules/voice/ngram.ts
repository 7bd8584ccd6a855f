// Clara's domain language model for PocketSphinx: a backoff trigram model with absolute
// discounting, written in ARPA format. Absolute discounting with D = n1 / (n1 + 2·n2) (Ney et al.)
// works well on the small, repetitive corpora a helpdesk has; the freed mass goes to the lower order.
export const BOS = '<s>';
export const EOS = '</s>';
const SEP = ' ';

export interface NgramModelStats {
  order: number;
  vocabulary: number;
  sentences: number;
  counts: number[];
}

export interface NgramModel {
  arpa: string;
  stats: NgramModelStats;
  vocabulary: string[];
}

interface Level {
  counts: Map<string, number>;
  /** Per context (the n-gram minus its last word): total count and distinct followers. */
  contexts: Map<string, { total: number; types: number }>;
}

function discount(counts: Map<string, number>): number {
  let n1 = 0;
  let n2 = 0;
  for (const c of counts.values()) {
    if (c === 1) n1++;
    else if (c === 2) n2++;
  }
  return n1 + n2 === 0 ? 0.5 : Math.min(0.9, Math.max(0.1, n1 / (n1 + 2 * n2)));
}

function countLevels(sentences: string[][], order: number): Level[] {
  const levels: Level[] = Array.from({ length: order }, () => ({ counts: new Map(), contexts: new Map() }));
  for (const words of sentences) {
    const padded = [BOS, ...words, EOS];
    for (let n = 1; n <= order; n++) {
      const level = levels[n - 1]!;
      for (let i = n === 1 ? 1 : 0; i + n <= padded.length; i++) {
        const key = padded.slice(i, i + n).join(SEP);
        level.counts.set(key, (level.counts.get(key) ?? 0) + 1);
      }
    }
  }
  for (const level of levels.slice(1)) {
    for (const [key, c] of level.counts) {
      const ctx = key.slice(0, key.lastIndexOf(SEP));
      const entry = level.contexts.get(ctx) ?? { total: 0, types: 0 };
      entry.total += c;
      entry.types += 1;
      level.contexts.set(ctx, entry);
    }
  }
  return levels;
}

const log10 = (p: number) => Math.log10(Math.max(p, 1e-99));
const fmt = (x: number) => x.toFixed(6);

export function buildNgramModel(sentences: string[][], order = 3): NgramModel {
  const levels = countLevels(sentences.filter((s) => s.length > 0), order);
  const unigrams = levels[0]!.counts;
  const total = [...unigrams.values()].reduce((a, b) => a + b, 0);
  // Unigrams: add-half smoothing so rare words keep a usable probability.
  const probs: Map<string, number>[] = [new Map()];
  const denominator = total + 0.5 * unigrams.size;
  for (const [w, c] of unigrams) probs[0]!.set(w, (c + 0.5) / denominator);

  for (let n = 2; n <= order; n++) {
    const level = levels[n - 1]!;
    const d = discount(level.counts);
    const p = new Map<string, number>();
    for (const [key, c] of level.counts) p.set(key, (c - d) / level.contexts.get(key.slice(0, key.lastIndexOf(SEP)))!.total);
    probs.push(p);
  }

  // Backoff weight of a context h: the mass left after its seen followers, spread over the lower
  // order in proportion, excluding what the lower order gives to those same followers.
  const backoffs: Map<string, number>[] = [];
  for (let n = 1; n < order; n++) {
    const higher = probs[n]!;
    const lower = probs[n - 1]!;
    const left = new Map<string, { seen: number; lower: number }>();
    for (const [key, p] of higher) {
      const ctx = key.slice(0, key.lastIndexOf(SEP));
      const lowerKey = key.split(SEP).slice(1).join(SEP);
      const entry = left.get(ctx) ?? { seen: 0, lower: 0 };
      entry.seen += p;
      entry.lower += lower.get(lowerKey) ?? 0;
      left.set(ctx, entry);
    }
    const bo = new Map<string, number>();
    for (const [ctx, e] of left) bo.set(ctx, Math.max(1e-6, 1 - e.seen) / Math.max(1e-6, 1 - e.lower));
    backoffs.push(bo);
  }

  const lines = ['\\data\\'];
  const counts = [unigrams.size + 1, ...probs.slice(1).map((p) => p.size)];
  counts.forEach((c, i) => lines.push(`ngram ${i + 1}=${c}`));
  for (let n = 1; n <= order; n++) {
    lines.push('', `\\${n}-grams:`);
    const bo = backoffs[n - 1];
    if (n === 1) lines.push(`-99.000000 ${BOS}\t${fmt(log10(bo?.get(BOS) ?? 1))}`);
    const keys = [...probs[n - 1]!.keys()].sort();
    for (const key of keys) {
      const weight = bo?.get(key);
      lines.push(`${fmt(log10(probs[n - 1]!.get(key)!))} ${key}${weight === undefined ? '' : `\t${fmt(log10(weight))}`}`);
    }
  }
  lines.push('', '\\end\\', '');
  const vocabulary = [...unigrams.keys()].filter((w) => w !== EOS).sort();
  return {
    arpa: lines.join('\n'),
    vocabulary,
    stats: { order, vocabulary: vocabulary.length, sentences: sentences.length, counts },
  };
}
