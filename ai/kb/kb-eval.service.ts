import type { KbContext } from '../../src/modules/kb/kb.context';
import { askKb } from '../../src/modules/kb/kb-answer.service';
import { importArticles } from '../../src/modules/kb/kb-import.service';
import { retrieve } from '../../src/modules/kb/kb-search.service';
import type { EvalDataset } from './eval-dataset';
import { evaluateAutoResolve, evaluateRetrieval, pickThreshold, type SplitOption } from './eval-runners';
import { findArticle } from '../../src/modules/kb/kb.queries';

// Runs the eval through the product's own retrieval (PostgreSQL full-text, plus vectors when loaded).
export async function runKbEval(ctx: KbContext, dataset: EvalDataset, opts: SplitOption & { onProgress?: (stage: string) => void } = {}) {
  opts.onProgress?.('importing articles');
  await importArticles(ctx, dataset.articles);
  const slugById = new Map<string, string>();
  const slugOf = async (articleId: string) => {
    if (!slugById.has(articleId)) slugById.set(articleId, (await findArticle(ctx.db, articleId))?.slug ?? articleId);
    return slugById.get(articleId)!;
  };
  const search = async (q: string) => {
    const { hits } = await retrieve(ctx, q, 20);
    return Promise.all(hits.map((h) => Promise.resolve(h.slug)));
  };
  const ask = async (q: string) => {
    const r = await askKb(ctx, q);
    return { confidence: r.confidence, topSlug: r.citations[0] ? await slugOf(r.citations[0].article_id) : null };
  };
  opts.onProgress?.('retrieval');
  const retrievalTest = await evaluateRetrieval(dataset.questions, search, { split: opts.split ?? 'test' });
  opts.onProgress?.('auto-resolve');
  const tune = await evaluateAutoResolve(dataset.questions, ask, undefined, { split: 'tune' });
  const test = await evaluateAutoResolve(dataset.questions, ask, undefined, { split: opts.split ?? 'test' });
  return { retrieval: retrievalTest, autoResolve: { tune, test, picked: pickThreshold(tune) } };
}
