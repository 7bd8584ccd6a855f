import { analyzeTerms, words } from './text-analysis';

/** Document frequencies of the knowledge base's chunks, by analyzed term (stem-lite, no stopwords). */
export interface TermStats {
  n: number;
  df: ReadonlyMap<string, number>;
  avgLength: number;
  /** Distinct normalized surface words: the vocabulary typo correction and synonyms check against. */
  words: ReadonlySet<string>;
  /** Chunk texts already analyzed for ranking (bounded): every question ranks the same chunks again. */
  analyzed: Map<string, ChunkTerms>;
  /** Each chunk's analyzed length and id (its index in the texts counted; the index when no ids were given). */
  lengths: readonly number[];
  ids: readonly string[];
  /** Per term, the chunks that have it and how often: the inverted index that picks a question's candidates. */
  postings: ReadonlyMap<string, { chunks: number[]; tf: number[] }>;
}

/** A chunk's text as the ranking reads it. */
export interface ChunkTerms {
  length: number;
  tf: ReadonlyMap<string, number>;
  /** Terms of its first line (the `Title > H2 > H3` path). */
  heading: ReadonlySet<string>;
  /** Adjacent term pairs, "a b". */
  pairs: ReadonlySet<string>;
}

// A knowledge base's worth of chunks for a small team; past it the oldest analyses are dropped.
const ANALYZED_LIMIT = 4096;

function analyzeChunk(text: string, body = analyzeTerms(text)): ChunkTerms {
  const newline = text.indexOf('\n');
  const tf = new Map<string, number>();
  for (const t of body) tf.set(t, (tf.get(t) ?? 0) + 1);
  const pairs = new Set<string>();
  for (let i = 1; i < body.length; i++) pairs.add(`${body[i - 1]} ${body[i]}`);
  return { length: body.length, tf, heading: new Set(analyzeTerms(newline === -1 ? text : text.slice(0, newline))), pairs };
}

/** The chunk's analysis, from the cache when this text was ranked (or counted) before. */
export function chunkTerms(stats: TermStats, text: string): ChunkTerms {
  const cached = stats.analyzed.get(text);
  if (cached) return cached;
  const fresh = analyzeChunk(text);
  if (stats.analyzed.size >= ANALYZED_LIMIT) stats.analyzed.delete(stats.analyzed.keys().next().value!);
  stats.analyzed.set(text, fresh);
  return fresh;
}

/** The statistics of a knowledge base's chunks: `ids[i]` names `texts[i]` (default: its index). */
export function buildTermStats(texts: readonly string[], ids: readonly string[] = texts.map((_, i) => String(i))): TermStats {
  const df = new Map<string, number>();
  const vocabulary = new Set<string>();
  const analyzed = new Map<string, ChunkTerms>();
  const postings = new Map<string, { chunks: number[]; tf: number[] }>();
  const lengths: number[] = [];
  let total = 0;
  texts.forEach((text, chunk) => {
    const terms = analyzeTerms(text);
    total += terms.length;
    lengths.push(terms.length);
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, f] of counts) {
      df.set(t, (df.get(t) ?? 0) + 1);
      const list = postings.get(t);
      if (list) {
        list.chunks.push(chunk);
        list.tf.push(f);
      } else postings.set(t, { chunks: [chunk], tf: [f] });
    }
    for (const w of words(text)) vocabulary.add(w);
    if (analyzed.size < ANALYZED_LIMIT) analyzed.set(text, analyzeChunk(text, terms));
  });
  return { n: texts.length, df, avgLength: texts.length ? total / texts.length : 0, words: vocabulary, analyzed, lengths, ids, postings };
}

/**
 * The ids of the `limit` chunks with the best plain BM25 for the question's terms (ties by id), from the
 * inverted index: the candidates `lexicalScores` then ranks with its heading and phrase bonuses. A chunk
 * with none of the terms is never a candidate.
 */
export function candidateChunks(stats: TermStats, queryTerms: readonly string[], limit: number): string[] {
  const scores = new Map<number, number>();
  for (const term of new Set(queryTerms)) {
    const list = stats.postings.get(term);
    if (!list) continue;
    const w = idf(stats, term);
    list.chunks.forEach((chunk, i) => {
      scores.set(chunk, (scores.get(chunk) ?? 0) + bm25Term(stats, w, list.tf[i]!, stats.lengths[chunk]!));
    });
  }
  const { ids } = stats;
  return [...scores]
    .sort((a, b) => b[1] - a[1] || (ids[a[0]]! < ids[b[0]]! ? -1 : 1))
    .slice(0, limit)
    .map(([chunk]) => ids[chunk]!);
}

/** Lucene's BM25 IDF; a term no chunk has gets the IDF of a term in half a chunk. */
export function idf(stats: TermStats, term: string): number {
  const df = stats.df.get(term) ?? 0;
  return Math.log(1 + (stats.n - df + 0.5) / (df + 0.5));
}

const K1 = 1.2;
const B = 0.75;

/** One term's BM25 in a chunk: its IDF `w`, its count `f` there, the chunk's analyzed length. */
function bm25Term(stats: TermStats, w: number, f: number, length: number): number {
  return (w * f * (K1 + 1)) / (f + K1 * (1 - B + (B * length) / (stats.avgLength || 1)));
}
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
  const pairs = new Map<string, number>();
  for (let i = 1; i < queryTerms.length; i++) {
    const [a, b] = [queryTerms[i - 1]!, queryTerms[i]!];
    pairs.set(`${a} ${b}`, (PHRASE_WEIGHT * (idf(stats, a) + idf(stats, b))) / 2);
  }
  return chunkTexts.map((text) => {
    const { length, tf, heading, pairs: chunkPairs } = chunkTerms(stats, text);
    let score = 0;
    for (const t of terms) {
      const f = tf.get(t) ?? 0;
      if (f === 0) continue;
      const w = idf(stats, t);
      score += bm25Term(stats, w, f, length) + (heading.has(t) ? HEADING_WEIGHT * w : 0);
    }
    for (const [pair, bonus] of pairs) if (chunkPairs.has(pair)) score += bonus;
    return score;
  });
}
