import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import {
  evaluateModel,
  HEADS,
  INTENT_CATEGORY,
  isIntent,
  loadClassifier,
  loadCorpus,
  metadataPath,
  parseFeedbackJsonl,
  resolveDatasetsDir,
  serializeModel,
  shouldPromote,
  trainClassifier,
  DEFAULT_TRAIN_OPTIONS,
  type LabeledExample,
  type TrainStage,
} from '../../src/modules/classify/index.js';

const HELP = `Train Clara's ticket classifier.

Usage: npx tsx scripts/classify/train.ts [options]

  --out <file>        artifact to write (default models/classifier-v1.json)
  --feedback <file>   JSONL of {subject, description, category?, priority?, intent?}; repeatable
  --seed <n>          training seed (default ${DEFAULT_TRAIN_OPTIONS.seed})
  --l2 <x>            L2 regularization strength (default ${DEFAULT_TRAIN_OPTIONS.l2})
  --date <YYYY-MM-DD> training date stored in the .meta.json (default: today, UTC)
  --include-nc        also train on support-tickets-en (CC BY-NC: not for shipped models)
  --baseline <file>   compare with this artifact instead of the existing --out file
  --sample <n>        train on every n-th training row only (quick retrains, tests)
  --force             write even if the new model scores worse than the current one
  -h, --help          show this help

Datasets are read from $CLARA_DATASETS_DIR (default ../shared/datasets).`;

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'models/classifier-v1.json' },
    feedback: { type: 'string', multiple: true, default: [] },
    seed: { type: 'string', default: String(DEFAULT_TRAIN_OPTIONS.seed) },
    l2: { type: 'string', default: String(DEFAULT_TRAIN_OPTIONS.l2) },
    date: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    'include-nc': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    baseline: { type: 'string' },
    sample: { type: 'string', default: '1' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const datasetsDir = resolveDatasetsDir();
const corpus = loadCorpus({ datasetsDir, includeNonCommercial: values['include-nc'] });
const feedback: LabeledExample[] = values.feedback.flatMap((file) =>
  parseFeedbackJsonl(readFileSync(file, 'utf8'), path.basename(file)).map((e) =>
    e.category || !e.intent || !isIntent(e.intent) ? e : { ...e, category: INTENT_CATEGORY[e.intent] },
  ),
);
const every = Math.max(1, Number(values.sample));
const examples = [...corpus.train.filter((_, i) => i % every === 0), ...feedback];
console.log(`datasets: ${datasetsDir}`);
console.log(`training rows: ${examples.length} (${feedback.length} feedback), held-out rows: ${corpus.test.length}`);

const maxIterations = DEFAULT_TRAIN_OPTIONS.maxIterations;
const stageOffset: Record<TrainStage, number> = { features: 0, category: 1, priority: 1 + maxIterations, intent: 1 + 2 * maxIterations };
const bar = new cliProgress.SingleBar(
  { format: 'training [{bar}] {percentage}% | {stage} | loss {loss}', hideCursor: true },
  cliProgress.Presets.shades_classic,
);
bar.start(1 + HEADS.length * maxIterations, 0, { stage: 'features', loss: '-' });
const started = performance.now();
const model = trainClassifier(examples, {
  seed: Number(values.seed),
  l2: Number(values.l2),
  maxIterations,
  sources: [...corpus.sources, ...(feedback.length ? ['agent feedback'] : [])],
  onProgress: ({ stage, iteration, loss }) =>
    bar.update(stageOffset[stage] + iteration, { stage, loss: loss === undefined ? '-' : loss.toFixed(4) }),
});
bar.stop();
const trainingSeconds = (performance.now() - started) / 1000;

const report = evaluateModel(model, corpus.test);
const crossDomain = evaluateModel(model, corpus.crossDomainTest);
for (const head of HEADS) {
  const m = report.heads[head];
  if (m) console.log(`${head.padEnd(9)} acc ${m.accuracy.toFixed(4)}  macro-F1 ${m.macroF1.toFixed(4)}  ECE ${m.ece.toFixed(4)}`);
}

const out = path.resolve(values.out);
const baseline = values.baseline ? path.resolve(values.baseline) : out;
if (existsSync(baseline)) {
  const current = evaluateModel(loadClassifier(baseline).model, corpus.test);
  const decision = shouldPromote(report, current);
  console.log(`compared with ${current.modelId}: ${decision.promote ? 'promote' : 'keep current'} (${decision.reasons.join('; ')})`);
  if (!decision.promote && !values.force) {
    console.log('not written; use --force to overwrite');
    process.exit(2);
  }
}

const summary = (r: typeof report) =>
  Object.fromEntries(
    Object.entries({ ...r.heads, ...(r.priorityWithRules ? { priorityWithRules: r.priorityWithRules } : {}) }).map(
      ([head, m]) => [head, { rows: m.rows, accuracy: m.accuracy, macroF1: m.macroF1, ece: m.ece }],
    ),
  );
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, serializeModel(model));
writeFileSync(
  metadataPath(out),
  `${JSON.stringify(
    {
      modelId: model.modelId,
      trainedAt: values.date,
      trainingSeconds: Math.round(trainingSeconds * 10) / 10,
      sources: model.training.sources,
      heldOut: { ...report.heldOut, metrics: summary(report) },
      crossDomain: { dataset: 'support-tickets-en', ...crossDomain.heldOut, metrics: summary(crossDomain) },
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${out} (${model.modelId}) in ${trainingSeconds.toFixed(1)} s of training`);
