import type { CoreContext } from '../../core/context';
import { loadEmbedder, type Embedder, type EmbedderState } from './embedder';
import { ensureVectorSchema } from './kb-vector';
import { createLlmClient, type LlmClient } from './llm';
import type { TermStats } from './term-stats';
import type { KnownChunk, Retrieval } from './kb-search.service';

// Process-wide retrieval parts: the embedder loads in the background and never blocks start-up.
export class KbRuntime {
  private state: EmbedderState = { embedder: null, reason: 'loading the embedding model' };
  private loading: Promise<void> | null = null;
  readonly llm: LlmClient | null;
  /** The knowledge base's vocabulary and term statistics, cached until its chunks change. */
  vocabulary: { words: ReadonlySet<string>; stats: TermStats; stamp: string } | null = null;
  /** Recent retrievals by knowledge-base stamp and text (`kb-search.service.ts`). */
  readonly recent = new Map<string, { at: number; limit: number; result: Retrieval }>();
  /** Chunks searches found, with their texts, for one knowledge-base stamp (every retrieval shares them). */
  readonly chunks: { stamp: string; byId: Map<string, KnownChunk> } = {
    stamp: '',
    byId: new Map(),
  };

  /** This process changed articles or chunks: recount the statistics, search again. */
  changed(): void {
    this.vocabulary = null;
    this.recent.clear();
    this.chunks.byId.clear();
  }

  constructor(private readonly ctx: Pick<CoreContext, 'config' | 'log' | 'database'>) {
    this.llm = createLlmClient(ctx.config);
  }

  start(): Promise<void> {
    this.loading ??= (async () => {
      if (this.ctx.database.vector) await ensureVectorSchema(this.ctx.database.db);
      this.state = await loadEmbedder(this.ctx.config, this.ctx.log, this.ctx.database.vector);
      this.ctx.log.info({ retrieval: this.mode, reason: this.state.reason }, 'knowledge-base retrieval ready');
    })();
    return this.loading;
  }

  get embedder(): Embedder | null {
    return this.state.embedder;
  }

  get mode(): 'hybrid' | 'fulltext' {
    return this.state.embedder ? 'hybrid' : 'fulltext';
  }

  get reason(): string {
    return this.state.reason;
  }
}
