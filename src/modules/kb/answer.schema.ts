import { z } from 'zod';

/** A chunk as returned by retrieval; `score` may be BM25, cosine or fused RRF: only its order and gaps are used. */
export const RetrievedChunk = z.object({
  chunkId: z.string(),
  articleId: z.string(),
  articleTitle: z.string(),
  headingPath: z.array(z.string()),
  text: z.string(),
  score: z.number(),
});
export type RetrievedChunk = z.infer<typeof RetrievedChunk>;

export const Citation = z.object({
  articleId: z.string(),
  chunkId: z.string(),
  title: z.string(),
  snippet: z.string(),
});
export type Citation = z.infer<typeof Citation>;

export const AnswerResult = z.object({
  answer: z.string(),
  citations: z.array(Citation),
  confidence: z.number().min(0).max(1),
});
export type AnswerResult = z.infer<typeof AnswerResult>;
