import type { Db } from '../../core/db';
import type { RetrievedChunk } from './answer.schema';
import { reciprocalRankFusion } from './fusion';
import type { KbContext } from './kb.context';
import { chunkHeadlines, chunkStamp, findChunkHits, publishedChunks, type ChunkHit } from './kb.queries';
import { vectorSearch } from './kb-vector';
import { normalizeQuery, type NormalizedQuery } from './query-normalize';
import { buildTermStats, candidateChunks, lexicalScores, type TermStats } from './term-stats';
import { analyzeTerms } from './text-analysis';

const CANDIDATES = 60;
/** The shared-cache name of the knowledge base's stamp: every process drops it when a write commits. */
export const KB_STAMP_CACHE = 'kb.stamp';

/** `tx` changes articles or chunks: every process reads the knowledge base's stamp again once it commits. */
export const stampChangedIn = (ctx: KbContext, tx: Db) => ctx.cache.changedIn(tx, KB_STAMP_CACHE);
// A new ticket's text is searched twice: for its category (in the request) and for the auto-answer (in
// its follow-up). The second one reuses the first while the knowledge base is unchanged. Under a burst
// the follow-ups run seconds behind the requests, so the memory holds a burst's worth; entries share
// their chunks' texts (one copy per chunk), so each costs about its query's length.
const RECENT_TTL_MS = 60_000;
const RECENT_LIMIT = 2_048;
// Texts kept of chunks searches found (a large knowledge base's rarely found chunks are read again).
const KNOWN_CHUNKS_LIMIT = 20_000;

export interface RetrievedHit extends RetrievedChunk {
  slug: string;
  /** The article's category (technical, billing, general): evidence for the ticket classifier. */
  category: string;
  /** The article's tags, searched with the chunk but never part of an answer. */
  keywords: string;
  snippet: string;
  fused: number;
  scores: { fulltext: number | null; vector: number | null; lexical: number };
}

// The term statistics and inverted index of the published chunks, counted again when the stamp changes.
// The stamp is read through the shared cache, which every process drops when a knowledge-base write
// commits (`stampChangedIn`), and again at the latest when the cache entry expires (a change made by hand).
async function kbTerms(ctx: KbContext): Promise<{ words: ReadonlySet<string>; stats: TermStats; stamp: string }> {
  const stamp = await ctx.cache.get(KB_STAMP_CACHE, () => chunkStamp(ctx.db));
  const cached = ctx.kb.vocabulary;
  if (cached?.stamp === stamp) return cached;
  const chunks = await publishedChunks(ctx.db);
  const stats = buildTermStats(chunks.map(searchableText), chunks.map((c) => c.id));
  ctx.kb.vocabulary = { words: stats.words, stats, stamp };
  return ctx.kb.vocabulary;
}

/** A chunk's text with its article's tags, as full-text search and the term statistics see it. */
export const searchableText = (c: { text: string; keywords?: string }) => (c.keywords ? `${c.text}\n${c.keywords}` : c.text);

const plain = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 240);

export interface Retrieval {
  normalized: NormalizedQuery;
  hits: RetrievedHit[];
}

// Hybrid retrieval. The knowledge base's inverted index (and pgvector, when an embedder is loaded) find
// the candidates; the lexical ranking is BM25 with the knowledge base's own term statistics, and
// with vectors it is fused with the vector ranking by RRF.
export async function retrieve(ctx: KbContext, query: string, limit: number, opts: { headlines?: boolean } = {}): Promise<Retrieval> {
  const terms = await kbTerms(ctx);
  const { stamp } = terms;
  const key = `${stamp}\u0000${query}`;
  const recent = ctx.kb.recent.get(key);
  if (!opts.headlines && recent && recent.limit >= limit && Date.now() - recent.at < RECENT_TTL_MS) {
    return { normalized: recent.result.normalized, hits: recent.result.hits.slice(0, limit).map((h) => ({ ...h })) };
  }
  const result = await search(ctx, terms, query, limit, opts);
  if (!opts.headlines) {
    if (ctx.kb.recent.size >= RECENT_LIMIT) ctx.kb.recent.delete(ctx.kb.recent.keys().next().value!);
    ctx.kb.recent.set(key, { at: Date.now(), limit, result });
  }
  return result;
}

/** A chunk as retrieval uses it: its article, texts and the excerpt shown for it. */
export type KnownChunk = ChunkHit & { snippet: string };

// Chunks found before, per knowledge-base stamp: a search asks the database which chunks match and how
// well, and reads only the texts it has not seen (every remembered retrieval shares one copy of each).
async function knownChunks(ctx: KbContext, stamp: string, ids: string[]): Promise<Map<string, KnownChunk>> {
  const known = ctx.kb.chunks;
  if (known.stamp !== stamp || known.byId.size > KNOWN_CHUNKS_LIMIT) {
    known.stamp = stamp;
    known.byId.clear();
  }
  const missing = ids.filter((id) => !known.byId.has(id));
  for (const row of await findChunkHits(ctx.db, missing)) known.byId.set(row.chunk_id, { ...row, snippet: plain(row.text) });
  return known.byId;
}

async function search(
  ctx: KbContext,
  { words, stats, stamp }: { words: ReadonlySet<string>; stats: TermStats; stamp: string },
  query: string,
  limit: number,
  opts: { headlines?: boolean },
): Promise<Retrieval> {
  const normalized = normalizeQuery(query, words);
  const queryTerms = analyzeTerms(normalized.text);
  const lexicalIds = candidateChunks(stats, queryTerms, CANDIDATES);
  const embedder = ctx.kb.embedder;
  const vector = embedder ? await vectorSearch(ctx.db, embedder.modelId, (await embedder.embed([query]))[0]!, CANDIDATES) : [];
  const vecById = new Map(vector.map((v) => [v.chunk_id, Number(v.similarity)]));
  const lexicalSet = new Set(lexicalIds);
  const ids = [...lexicalIds, ...vector.map((v) => v.chunk_id).filter((id) => !lexicalSet.has(id))];
  const known = await knownChunks(ctx, stamp, ids);
  const candidates = ids.flatMap((id) => {
    const chunk = known.get(id);
    return chunk ? [chunk] : [];
  });
  const lexical = lexicalScores(queryTerms, candidates.map(searchableText), stats);
  const lexById = new Map(candidates.map((c, i) => [c.chunk_id, lexical[i]]));
  const lexicalOrder = candidates
    .map((c) => c.chunk_id)
    .filter((id) => (lexById.get(id) ?? 0) > 0)
    .sort((a, b) => lexById.get(b)! - lexById.get(a)! || (a < b ? -1 : 1));
  const fused = reciprocalRankFusion(
    [
      { name: 'lexical', ids: lexicalOrder },
      { name: 'vector', ids: vector.map((v) => v.chunk_id) },
    ],
    { limit },
  );
  const byId = new Map(candidates.map((c) => [c.chunk_id, c]));
  const topLexical = Math.max(1e-9, ...lexical);
  const hits: RetrievedHit[] = [];
  for (const f of fused) {
    const base = byId.get(f.id);
    if (!base) continue;
    const vecScore = vecById.get(f.id) ?? null;
    const lexScore = lexById.get(f.id) ?? 0;
    hits.push({
      chunkId: base.chunk_id,
      articleId: base.article_id,
      articleTitle: base.title,
      headingPath: base.heading_path,
      text: base.text,
      keywords: base.keywords,
      slug: base.slug,
      category: base.category,
      snippet: base.snippet,
      fused: f.score,
      // The answer's confidence reads score gaps: raw retriever scores keep them, RRF flattens them.
      score: Math.max(lexScore / topLexical, vecScore ?? 0),
      scores: { fulltext: null, vector: vecScore, lexical: lexScore },
    });
  }
  // Highlighted excerpts and PostgreSQL's full-text rank only for a results list, and only for the hits it shows.
  if (opts.headlines) {
    const marked = await chunkHeadlines(ctx.db, normalized.websearch, hits.map((h) => h.chunkId));
    for (const h of hits) {
      const found = marked.get(h.chunkId);
      if (!found) continue;
      h.snippet = found.snippet;
      h.scores.fulltext = found.rank;
    }
  }
  return { normalized, hits };
}

export async function searchKb(ctx: KbContext, q: string, limit: number) {
  const { normalized, hits } = await retrieve(ctx, q, limit, { headlines: true });
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
