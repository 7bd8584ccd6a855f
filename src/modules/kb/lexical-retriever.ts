import type { RetrievedChunk } from './answer.schema';
import { chunkMarkdown, type ChunkOptions } from './chunker';
import { createBm25Index, type Bm25Options } from './lexical-rank';
import { normalizeQuery, type NormalizedQuery } from './query-normalize';

export interface SourceArticle {
  id: string;
  title: string;
  body: string;
}

export interface LexicalRetriever {
  readonly chunkCount: number;
  /** The question as `search` sees it; give `.text` to `extractiveAnswer` so fixed typos count there too. */
  normalize(question: string): NormalizedQuery;
  /** Typo-normalizes the question, then ranks chunks with BM25. */
  search(question: string, limit?: number): RetrievedChunk[];
}

/**
 * Chunk articles and index them in memory: the no-database fallback for
 * retrieval, and the ranking used by tests and evaluations. Chunk ids are
 * `${articleId}#${ordinal}`.
 */
export function createLexicalRetriever(
  articles: readonly SourceArticle[],
  options: { chunk?: Omit<ChunkOptions, 'title'>; bm25?: Bm25Options } = {},
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
  const byId = new Map(chunks.map((c) => [c.chunkId, c]));
  const index = createBm25Index(
    chunks.map((c) => ({ id: c.chunkId, text: c.text })),
    options.bm25,
  );
  return {
    chunkCount: chunks.length,
    normalize: (question) => normalizeQuery(question, index.vocabulary),
    search(question, limit = 5) {
      const query = normalizeQuery(question, index.vocabulary).text;
      return index.search(query, limit).flatMap((hit) => {
        const chunk = byId.get(hit.id);
        return chunk ? [{ ...chunk, score: hit.score }] : [];
      });
    },
  };
}
