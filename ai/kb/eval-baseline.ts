// Sanity baseline for the eval sets: in-memory BM25 (createLexicalRetriever) and the extractive answerer.
// The product retrieves with PostgreSQL full-text; this is only the no-database reference.
// Run: npx tsx ai/kb/eval-baseline.ts [--dataset eval/kb-demo --dataset eval/bank-faq] [--min-precision 0.97]
import { parseArgs } from 'node:util';
import { DEFAULT_AUTO_RESOLVE_THRESHOLD, extractiveAnswer } from '../../src/modules/kb/answer';
import { loadEvalDataset } from './eval-dataset';
import {
  evaluateAutoResolve,
  evaluateRetrieval,
  formatAutoResolveTable,
  formatRetrievalReport,
  pickThreshold,
  type AutoResolveRow,
} from './eval-runners';
import { createLexicalRetriever } from '../../src/modules/kb/lexical-retriever';

const { values: args } = parseArgs({
  options: {
    dataset: { type: 'string', multiple: true, default: ['eval/kb-demo', 'eval/bank-faq'] },
    'min-precision': { type: 'string', default: '0.97' },
    misses: { type: 'string', default: '10' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log('Usage: npx tsx ai/kb/eval-baseline.ts [--dataset DIR]... [--min-precision P] [--misses N]\n');
  console.log('For each eval folder: recall@1/@5 and MRR@10 of in-memory BM25 (test split, then all questions),');
  console.log('auto-resolve precision/coverage of the extractive answer on the tune split, the lowest threshold');
  console.log('reaching P there with no unanswerable question auto-resolved, and the test split at that threshold.');
  process.exit(0);
}
const minPrecision = Number(args['min-precision']);
// The ticket flow's default bar (issue 9: CLARA_AUTORESOLVE_THRESHOLD = 0.85) and the kb module's default.
const REFERENCE_THRESHOLDS = [0.85, DEFAULT_AUTO_RESOLVE_THRESHOLD];

const rowAt = (rows: AutoResolveRow[], t: number | null) => rows.find((r) => r.threshold === t);
const summary = (label: string, row: AutoResolveRow | undefined) =>
  row
    ? `${label}: precision ${row.precision === null ? '—' : row.precision.toFixed(3)}, coverage ${row.coverage.toFixed(3)}, ` +
      `${row.autoResolved} auto-resolved, ${row.wrong} wrong, ${row.unanswerableAutoResolved} unanswerable`
    : `${label}: —`;

for (const folder of args.dataset) {
  const started = performance.now();
  const dataset = await loadEvalDataset(folder);
  const retriever = createLexicalRetriever(dataset.articles.map((a) => ({ id: a.slug, title: a.title, body: a.body })));
  const search = async (q: string) => retriever.search(q, 50).map((chunk) => chunk.articleId);
  const ask = async (q: string) => {
    const result = extractiveAnswer(retriever.normalize(q).text, retriever.search(q, 5));
    return { confidence: result.confidence, topSlug: result.citations[0]?.articleId ?? null };
  };
  const count = (split: string, answerable: boolean) =>
    dataset.questions.filter((q) => q.split === split && q.relevant.length > 0 === answerable).length;
  console.log(`\n## ${dataset.name}: ${dataset.articles.length} articles, ${retriever.chunkCount} chunks`);
  console.log(`questions: tune ${count('tune', true)} answerable + ${count('tune', false)} unanswerable, ` +
    `test ${count('test', true)} + ${count('test', false)}`);

  console.error(`${dataset.name}: retrieval…`);
  const retrievalTest = await evaluateRetrieval(dataset.questions, search, { split: 'test' });
  console.log('\nRetrieval, in-memory BM25, test split:');
  console.log(formatRetrievalReport(retrievalTest, { maxMisses: Number(args.misses) }));
  const retrievalAll = await evaluateRetrieval(dataset.questions, search);
  console.log(`\nAll splits (n=${retrievalAll.n}): recall@1 ${retrievalAll.recallAt1.toFixed(3)}, ` +
    `recall@5 ${retrievalAll.recallAt5.toFixed(3)}, MRR@10 ${retrievalAll.mrrAt10.toFixed(3)}`);

  console.error(`${dataset.name}: auto-resolve…`);
  const tune = await evaluateAutoResolve(dataset.questions, ask, undefined, { split: 'tune' });
  const picked = pickThreshold(tune, { minPrecision });
  console.log(`\nAuto-resolve, extractive answer over BM25 top 5, TUNE split:`);
  console.log(formatAutoResolveTable(tune, { picked }));
  const test = await evaluateAutoResolve(dataset.questions, ask, undefined, { split: 'test' });
  console.log(`\nAuto-resolve, TEST split (threshold picked on tune: ${picked?.toFixed(2) ?? 'none'}):`);
  console.log(formatAutoResolveTable(test, { picked }));
  console.log('');
  const pickedLabel = picked === null ? `(none reaches ${minPrecision} on tune)` : picked.toFixed(2);
  console.log(summary(`test at the picked threshold ${pickedLabel}`, rowAt(test, picked)));
  for (const t of REFERENCE_THRESHOLDS) console.log(summary(`test at ${t.toFixed(2)}`, rowAt(test, t)));
  console.error(`${dataset.name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
