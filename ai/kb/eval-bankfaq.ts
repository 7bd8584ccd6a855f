// Evaluates in-memory retrieval + the extractive answerer on shared/datasets/bank-faq.
// Run: npx tsx ai/kb/eval-bankfaq.ts [--data ../shared/datasets/bank-faq] [--seed 42]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extractiveAnswer } from '../../src/modules/kb/answer';
import { calibrate, evaluateRanking, splitByAnswer, type LabeledQuery } from './eval-metrics';
import { parseCsv } from '../../src/modules/kb/csv';
import { reciprocalRankFusion } from '../../src/modules/kb/fusion';
import { createBm25Index, type LexicalHit } from '../../src/modules/kb/lexical-rank';
import { normalizeQuery } from '../../src/modules/kb/query-normalize';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/datasets/bank-faq' },
    seed: { type: 'string', default: '42' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log('Usage: npx tsx ai/kb/eval-bankfaq.ts [--data DIR] [--seed N]\n');
  console.log('Recall@1, Recall@5, MRR@10 of bank-faq questions → answers for several in-memory rankers,');
  console.log('then extractive-answer citation accuracy and confidence calibration on a held-out split.');
  process.exit(0);
}

function readRecords(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

const dir = resolve(args.data);
const answers = readRecords(join(dir, 'answers.csv'));
const questionRows = readRecords(join(dir, 'questions.csv'));
const relevant = new Map<string, Set<string>>();
for (const row of questionRows) relevant.set(row.question, (relevant.get(row.question) ?? new Set()).add(row.answer_id));
const queries: LabeledQuery[] = questionRows.map((row) => ({
  text: row.question,
  relevant: relevant.get(row.question) ?? new Set(),
  group: row.answer_id,
}));
const answerText = new Map(answers.map((a) => [a.answer_id, a.answer]));
const docs = answers.map((a) => ({ id: a.answer_id, text: a.answer }));

const bm25 = createBm25Index(docs);
const plain = createBm25Index(docs, { analyze: { stem: false, dropStopwords: false } });
const fused = (q: string): LexicalHit[] =>
  reciprocalRankFusion([
    { name: 'bm25', ids: bm25.search(q, 50).map((h) => h.id) },
    { name: 'plain', ids: plain.search(q, 50).map((h) => h.id) },
  ]).map((r) => ({ id: r.id, score: r.score }));
const rankers: Record<string, (q: string) => LexicalHit[]> = {
  'BM25 (stem-lite, stopwords dropped)': (q) => bm25.search(q, 10),
  'BM25 (plain words)': (q) => plain.search(q, 10),
  'RRF of both (k=60)': (q) => fused(q).slice(0, 10),
  'BM25 + typo-normalized query': (q) => bm25.search(normalizeQuery(q, bm25.vocabulary).text, 10),
};

console.log(`bank-faq: ${queries.length} questions, ${docs.length} answers\n`);
console.log('| ranker | Recall@1 | Recall@5 | MRR@10 | ms/query |\n| --- | --- | --- | --- | --- |');
for (const [name, rank] of Object.entries(rankers)) {
  const started = performance.now();
  const m = evaluateRanking(queries, (q) => rank(q).map((h) => h.id));
  const ms = (performance.now() - started) / queries.length;
  console.log(`| ${name} | ${m.recallAt1.toFixed(3)} | ${m.recallAt5.toFixed(3)} | ${m.mrrAt10.toFixed(3)} | ${ms.toFixed(2)} |`);
}

const outcomes = queries.map((q) => {
  const hits = bm25.search(q.text, 5);
  const chunks = hits.map((h) => ({
    chunkId: h.id,
    articleId: h.id,
    articleTitle: '',
    headingPath: [],
    text: answerText.get(h.id) ?? '',
    score: h.score,
  }));
  const result = extractiveAnswer(q.text, chunks);
  const cited = result.citations[0]?.articleId;
  return { query: q, confidence: result.confidence, correct: cited !== undefined && q.relevant.has(cited) };
});
const citedCorrect = outcomes.filter((o) => o.correct).length / outcomes.length;
console.log(`\nExtractive answer over BM25 top 5, first citation relevant: ${citedCorrect.toFixed(3)}`);

const { tune, test } = splitByAnswer(outcomes, (o) => o.query.group, Number(args.seed), 0.8);
console.log(`\nConfidence calibration (split by answer_id, seed ${args.seed}: ${tune.length} tune / ${test.length} held-out questions)`);
console.log(calibrate(tune, test));
