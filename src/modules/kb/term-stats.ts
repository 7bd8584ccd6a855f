import { analyzeTerms, words } from './text-analysis';

/** Document frequencies of the knowledge base's chunks, by analyzed term (stem-lite, no stopwords). */
export interface TermStats {
  n: number;
  df: ReadonlyMap<string, number>;
  avgLength: number;
  /** Distinct normalized surface words: the vocabulary typo correction and synonyms check against. */
  words: ReadonlySet<string>;
}

export function buildTermStats(texts: readonly string[]): TermStats {
  const df = new Map<string, number>();
  const vocabulary = new Set<string>();
  let total = 0;
  for (const text of texts) {
    const terms = analyzeTerms(text);
    total += terms.length;
    for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
    for (const w of words(text)) vocabulary.add(w);
  }
  return { n: texts.length, df, avgLength: texts.length ? total / texts.length : 0, words: vocabulary };
}

/** Lucene's BM25 IDF; a term no chunk has gets the IDF of a term in half a chunk. */
export function idf(stats: TermStats, term: string): number {
  const df = stats.df.get(term) ?? 0;
  return Math.log(1 + (stats.n - df + 0.5) / (df + 0.5));
}

const K1 = 1.2;
const B = 0.75;
// A question term in the chunk's title/heading line ("Title > Section") names what the chunk is about.
const HEADING_WEIGHT = 1;
// Two question terms next to each other in the chunk too ("credit card", "billing admin") are a phrase match.
const PHRASE_WEIGHT = 0.5;

/**
 * BM25 of each chunk for the question's terms, with the knowledge base's own document
 * frequencies (PostgreSQL's ts_rank_cd has no IDF: "order" would count as much as "kayak"),
 * plus a bonus for terms in the chunk's first line, its `Title > H2 > H3` path, and for
 * pairs of question terms that stand next to each other in the chunk as in the question.
 */
export function lexicalScores(queryTerms: readonly string[], chunkTexts: readonly string[], stats: TermStats): number[] {
  const terms = [...new Set(queryTerms)];
  const pairs = new Set(queryTerms.slice(1).map((t, i) => `${queryTerms[i]} ${t}`));
  return chunkTexts.map((text) => {
    const newline = text.indexOf('\n');
    const heading = new Set(analyzeTerms(newline === -1 ? text : text.slice(0, newline)));
    const body = analyzeTerms(text);
    const tf = new Map<string, number>();
    for (const t of body) tf.set(t, (tf.get(t) ?? 0) + 1);
    const norm = K1 * (1 - B + (B * body.length) / (stats.avgLength || 1));
    let score = 0;
    for (const t of terms) {
      const f = tf.get(t) ?? 0;
      if (f === 0) continue;
      const w = idf(stats, t);
      score += (w * f * (K1 + 1)) / (f + norm) + (heading.has(t) ? HEADING_WEIGHT * w : 0);
    }
    const seen = new Set<string>();
    for (let i = 1; i < body.length; i++) {
      const pair = `${body[i - 1]} ${body[i]}`;
      if (pairs.has(pair) && !seen.has(pair)) {
        seen.add(pair);
        score += (PHRASE_WEIGHT * (idf(stats, body[i - 1]) + idf(stats, body[i]))) / 2;
      }
    }
    return score;
  });
}
