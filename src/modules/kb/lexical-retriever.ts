import type { RetrievedChunk } from './answer.schema';
import { chunkMarkdown, type ChunkOptions } from './chunker';
import { normalizeQuery, type NormalizedQuery } from './query-normalize';
import { buildTermStats, lexicalScores } from './term-stats';
import { analyzeTerms } from './text-analysis';

export interface SourceArticle {
  id: string;
  title: string;
  body: string;
}

export interface LexicalRetriever {
  readonly chunkCount: number;
  /** The question as `search` sees it; give `.text` to `extractiveAnswer` so fixed typos count there too. */
  normalize(question: string): NormalizedQuery;
  /** Typo-normalizes the question, then ranks chunks as the product does (`lexicalScores`: BM25 plus heading terms). */
  search(question: string, limit?: number): RetrievedChunk[];
}

/**
 * Chunk articles and index them in memory: the no-database fallback for
 * retrieval, and the ranking used by tests and evaluations. Chunk ids are
 * `${articleId}#${ordinal}`.
 */
export function createLexicalRetriever(
  articles: readonly SourceArticle[],
  options: { chunk?: Omit<ChunkOptions, 'title'> } = {},
): LexicalRetriever {
  const chunks = articles.flatMap((article) =>
    chunkMarkdown(article.body, { ...options.chunk, title: article.title }).map((chunk) => ({
      chunkId: `${article.id}#${chunk.ordinal}`,
      articleId: article.id,
      articleTitle: article.title,
      headingPath: chunk.headingPath,
      text: chunk.text,
    })),
  );
  const texts = chunks.map((c) => c.text);
  const stats = buildTermStats(texts);
  return {
    chunkCount: chunks.length,
    normalize: (question) => normalizeQuery(question, stats.words),
    search(question, limit = 5) {
      const query = normalizeQuery(question, stats.words).text;
      const scores = lexicalScores(analyzeTerms(query), texts, stats);
      return chunks
        .map((chunk, i) => ({ ...chunk, score: scores[i] }))
        .filter((c) => c.score > 0)
        .sort((a, b) => b.score - a.score || (a.chunkId < b.chunkId ? -1 : 1))
        .slice(0, limit);
    },
  };
}
