import type { Config } from '../../core/config';
import type { Logger } from '../../core/logger';
import { EMBEDDING_DIMENSIONS } from './kb-vector';

export interface Embedder {
  readonly modelId: string;
  embed(texts: string[]): Promise<number[][]>;
}

export interface EmbedderState {
  embedder: Embedder | null;
  /** Why semantic search is on or off, for /health and the logs. */
  reason: string;
}

// Local sentence embeddings; the model comes from CLARA_MODEL_DIR or, with internet, the Hugging Face hub.
async function loadTransformers(config: Config): Promise<Embedder> {
  const { pipeline, env } = await import('@huggingface/transformers');
  if (config.CLARA_MODEL_DIR) {
    env.localModelPath = config.CLARA_MODEL_DIR;
    env.allowRemoteModels = false;
  }
  const extractor = await pipeline('feature-extraction', config.CLARA_EMBEDDING_MODEL, { dtype: 'q8' });
  return {
    modelId: `transformers:${config.CLARA_EMBEDDING_MODEL}`,
    embed: async (texts) => {
      const output = await extractor(texts, { pooling: 'mean', normalize: true });
      return output.tolist() as number[][];
    },
  };
}

function ollama(url: string, model: string): Embedder {
  return {
    modelId: `ollama:${model}`,
    embed: async (texts) => {
      const res = await fetch(new URL('/api/embed', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model, input: texts }),
        signal: AbortSignal.timeout(30_000),
      });
      if (!res.ok) throw new Error(`Ollama embeddings answered ${res.status}`);
      const body = (await res.json()) as { embeddings?: number[][] };
      if (!Array.isArray(body.embeddings) || body.embeddings.length !== texts.length) throw new Error('Ollama embeddings: unexpected answer');
      return body.embeddings;
    },
  };
}

async function checked(embedder: Embedder): Promise<Embedder> {
  const [probe] = await embedder.embed(['clara']);
  if (probe?.length !== EMBEDDING_DIMENSIONS) {
    throw new Error(`${embedder.modelId} gives ${probe?.length ?? 0}-dimensional vectors; the index stores ${EMBEDDING_DIMENSIONS}`);
  }
  return embedder;
}

// Never fatal: without an embedder Clara searches full-text only and says so once.
export async function loadEmbedder(config: Config, log: Logger, vectorAvailable: boolean): Promise<EmbedderState> {
  if (config.CLARA_EMBEDDINGS === 'off') return { embedder: null, reason: 'embeddings switched off (CLARA_EMBEDDINGS=off)' };
  if (!vectorAvailable) return { embedder: null, reason: 'the database has no pgvector extension' };
  const useOllama = config.CLARA_EMBEDDINGS === 'ollama' || (config.CLARA_EMBEDDINGS === 'auto' && config.CLARA_OLLAMA_URL);
  try {
    if (useOllama) {
      if (!config.CLARA_OLLAMA_URL) throw new Error('CLARA_OLLAMA_URL is not set');
      const embedder = await checked(ollama(config.CLARA_OLLAMA_URL, config.CLARA_OLLAMA_EMBED_MODEL));
      return { embedder, reason: `embeddings from Ollama (${config.CLARA_OLLAMA_EMBED_MODEL})` };
    }
    const embedder = await checked(await loadTransformers(config));
    return { embedder, reason: `local embeddings (${config.CLARA_EMBEDDING_MODEL})` };
  } catch (err) {
    const reason = `no embedding model could be loaded (${(err as Error).message}); full-text search only`;
    // One line, no stack: on machines without internet this is the expected path.
    log.warn({ cause: (err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : undefined }, reason);
    return { embedder: null, reason };
  }
}
