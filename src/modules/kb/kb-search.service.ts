import type { RetrievedChunk } from './answer.schema';
import { reciprocalRankFusion } from './fusion';
import type { KbContext } from './kb.context';
import { chunkStamp, chunkVocabulary, findChunkHits, fulltextSearch } from './kb.queries';
import { vectorSearch } from './kb-vector';
import { normalizeQuery, type NormalizedQuery } from './query-normalize';

const CANDIDATES = 30;
const VOCABULARY_TTL_MS = 10_000;

export interface RetrievedHit extends RetrievedChunk {
  slug: string;
  snippet: string;
  fused: number;
  scores: { fulltext: number | null; vector: number | null };
}

async function vocabulary(ctx: KbContext): Promise<ReadonlySet<string>> {
  const cached = ctx.kb.vocabulary;
  if (cached && Date.now() - cached.checkedAt < VOCABULARY_TTL_MS) return cached.words;
  const stamp = await chunkStamp(ctx.db);
  const words = cached?.stamp === stamp ? cached.words : new Set(await chunkVocabulary(ctx.db));
  ctx.kb.vocabulary = { words, stamp, checkedAt: Date.now() };
  return words;
}

const plain = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 240);

// Hybrid retrieval: ranked full-text and (when an embedder is loaded) pgvector, fused by RRF.
export async function retrieve(ctx: KbContext, query: string, limit: number): Promise<{ normalized: NormalizedQuery; hits: RetrievedHit[] }> {
  const normalized = normalizeQuery(query, await vocabulary(ctx));
  const fulltext = await fulltextSearch(ctx.db, normalized.websearch, CANDIDATES);
  const embedder = ctx.kb.embedder;
  const vector = embedder ? await vectorSearch(ctx.db, embedder.modelId, (await embedder.embed([query]))[0]!, CANDIDATES) : [];
  const ftById = new Map(fulltext.map((h) => [h.chunk_id, h]));
  const vecById = new Map(vector.map((v) => [v.chunk_id, Number(v.similarity)]));
  const fused = reciprocalRankFusion(
    [
      { name: 'fulltext', ids: fulltext.map((h) => h.chunk_id) },
      { name: 'vector', ids: vector.map((v) => v.chunk_id) },
    ],
    { limit },
  );
  const missing = fused.map((f) => f.id).filter((id) => !ftById.has(id));
  const extra = new Map((await findChunkHits(ctx.db, missing)).map((h) => [h.chunk_id, h]));
  const topRank = Math.max(1e-9, ...fulltext.map((h) => Number(h.rank)));
  const hits: RetrievedHit[] = [];
  for (const f of fused) {
    const ft = ftById.get(f.id);
    const base = ft ?? extra.get(f.id);
    if (!base) continue;
    const ftScore = ft ? Number(ft.rank) : null;
    const vecScore = vecById.get(f.id) ?? null;
    hits.push({
      chunkId: base.chunk_id,
      articleId: base.article_id,
      articleTitle: base.title,
      headingPath: base.heading_path,
      text: base.text,
      slug: base.slug,
      snippet: ft?.snippet ?? plain(base.text),
      fused: f.score,
      // The answer's confidence reads score gaps: raw retriever scores keep them, RRF flattens them.
      score: Math.max(ftScore === null ? 0 : ftScore / topRank, vecScore ?? 0),
      scores: { fulltext: ftScore, vector: vecScore },
    });
  }
  return { normalized, hits };
}

export async function searchKb(ctx: KbContext, q: string, limit: number) {
  const { normalized, hits } = await retrieve(ctx, q, limit);
  return {
    mode: ctx.kb.mode,
    query: normalized.text,
    items: hits.map((h) => ({
      chunk_id: h.chunkId,
      article_id: h.articleId,
      slug: h.slug,
      title: h.articleTitle,
      heading_path: h.headingPath,
      snippet: h.snippet,
      score: h.fused,
      scores: h.scores,
    })),
  };
}
