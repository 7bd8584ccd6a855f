import { analyzeTerms, words, type AnalyzeOptions } from './text-analysis';

export interface LexicalDocument {
  id: string;
  text: string;
}

export interface LexicalHit {
  id: string;
  score: number;
}

export interface Bm25Options {
  /** Term-frequency saturation; 1.2 is the usual default. */
  k1?: number;
  /** Length normalisation, 0 (none) to 1 (full). */
  b?: number;
  analyze?: AnalyzeOptions;
}

export interface Bm25Index {
  readonly size: number;
  /** Distinct normalized surface words, e.g. the vocabulary for typo correction. */
  readonly vocabulary: ReadonlySet<string>;
  search(query: string, limit?: number): LexicalHit[];
}

interface Posting {
  doc: number;
  tf: number;
}

/**
 * A small in-memory Okapi BM25 index over analyzed terms (see text-analysis).
 * Meant for tests, evaluation and as a fallback when full-text search in the
 * database is unavailable; it is rebuilt from scratch, not updated in place.
 */
export function createBm25Index(documents: readonly LexicalDocument[], options: Bm25Options = {}): Bm25Index {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const postings = new Map<string, Posting[]>();
  const lengths: number[] = [];
  const vocabulary = new Set<string>();

  documents.forEach((document, doc) => {
    const terms = analyzeTerms(document.text, options.analyze);
    lengths.push(terms.length);
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) {
      const list = postings.get(term) ?? [];
      list.push({ doc, tf });
      postings.set(term, list);
    }
    for (const word of words(document.text)) vocabulary.add(word);
  });

  const n = documents.length;
  const avgLength = n > 0 ? lengths.reduce((sum, l) => sum + l, 0) / n : 0;

  function search(query: string, limit = 10): LexicalHit[] {
    const scores = new Map<number, number>();
    for (const term of new Set(analyzeTerms(query, options.analyze))) {
      const list = postings.get(term);
      if (!list) continue;
      // Lucene's IDF: unlike the textbook form it stays positive for terms in over half the documents.
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const norm = k1 * (1 - b + (b * lengths[doc]) / (avgLength || 1));
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (k1 + 1)) / (tf + norm));
      }
    }
    return [...scores]
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, limit)
      .map(([doc, score]) => ({ id: documents[doc].id, score }));
  }

  return { size: n, vocabulary, search };
}
