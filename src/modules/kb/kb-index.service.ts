import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { chunkMarkdown } from './chunker';
import type { KbContext } from './kb.context';
import { deleteChunks, findArticle, replaceChunks, updateArticleRow } from './kb.queries';
import { chunksMissingEmbeddings, upsertEmbeddings } from './kb-vector';
import { stampChangedIn } from './kb-search.service';

export const REINDEX_JOB = 'kb.reindex';
export const ReindexPayload = z.object({ articleId: z.string().uuid(), version: z.number().int() });

const EMBED_BATCH = 32;

// Re-chunks one article; embeddings follow outside the transaction (the model may be slow).
export async function indexArticle(ctx: KbContext, articleId: string, opts: { embed: boolean } = { embed: true }): Promise<number> {
  const chunks = await ctx.db.transaction(async (tx) => {
    const article = await findArticle(tx, articleId, { lock: true });
    if (!article) {
      await deleteChunks(tx, articleId);
      await stampChangedIn(ctx, tx);
      return [];
    }
    const made = chunkMarkdown(article.body, { title: article.title });
    const rows = await replaceChunks(tx, article.id, made, article.tags.join(', '));
    await updateArticleRow(tx, article.id, { indexedVersion: article.version });
    await stampChangedIn(ctx, tx);
    return rows;
  });
  if (opts.embed) await embedChunks(ctx, chunks);
  ctx.kb.changed();
  return chunks.length;
}

export async function embedChunks(ctx: KbContext, chunks: { id: string; text: string }[]): Promise<number> {
  const embedder = ctx.kb.embedder;
  if (!embedder || chunks.length === 0) return 0;
  for (let i = 0; i < chunks.length; i += EMBED_BATCH) {
    const batch = chunks.slice(i, i + EMBED_BATCH);
    const vectors = await embedder.embed(batch.map((c) => c.text));
    await upsertEmbeddings(ctx.db, embedder.modelId, batch.map((c, j) => ({ chunkId: c.id, vector: vectors[j]! })));
  }
  return chunks.length;
}

// After a bulk import: HNSW inserts are slow on PGlite, so the index is dropped, filled and rebuilt.
export async function embedAllMissing(ctx: KbContext, onProgress?: (done: number) => void): Promise<number> {
  const embedder = ctx.kb.embedder;
  if (!embedder) return 0;
  await ctx.db.execute(sql`drop index if exists kb_embeddings_hnsw_idx`);
  let done = 0;
  try {
    for (;;) {
      const batch = await chunksMissingEmbeddings(ctx.db, embedder.modelId, 256);
      if (batch.length === 0) break;
      done += await embedChunks(ctx, batch);
      onProgress?.(done);
    }
  } finally {
    await ctx.db.execute(sql`create index if not exists kb_embeddings_hnsw_idx on kb_embeddings using hnsw (embedding vector_cosine_ops)`);
  }
  return done;
}

export function registerKbJobs(ctx: KbContext): void {
  ctx.jobs.register({
    name: REINDEX_JOB,
    schema: ReindexPayload,
    handler: async (p) => {
      const article = await findArticle(ctx.db, p.articleId);
      if (article && article.indexedVersion === p.version && article.version === p.version) return;
      await indexArticle(ctx, p.articleId);
    },
  });
}
