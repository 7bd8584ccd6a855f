import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serializeModel, type ClassifierModel } from './artifact.js';
import { loadClassifier, metadataPath } from './classifier.js';
import { loadCorpus, resolveDatasetsDir } from './datasets.js';
import { evaluateModel, shouldPromote, type EvaluationReport } from './evaluate.js';
import { HEADS, type LabeledExample } from './example.js';
import { parseFeedbackJsonl } from './feedback.js';
import { INTENT_CATEGORY, isIntent } from './labels.js';
import { DEFAULT_TRAIN_OPTIONS, trainClassifier, type TrainProgress } from './train.js';

export interface TrainRunOptions {
  /** Artifact to write; its `.meta.json` goes beside it. */
  out: string;
  /** Training date stored in the `.meta.json` (YYYY-MM-DD); the artifact itself holds no date. */
  date: string;
  datasetsDir?: string;
  /** Agents' corrections, added to the training rows only (never to the held-out split). */
  feedback?: readonly LabeledExample[];
  seed?: number;
  l2?: number;
  /** Also train on support-tickets-en (CC BY-NC: never for shipped models). */
  includeNonCommercial?: boolean;
  /** Artifact to compare with; default: the existing `out` file. */
  baseline?: string;
  /** Train on every n-th corpus row only (quick retrains, tests). */
  sample?: number;
  /** Write even if the new model scores worse than the one it replaces. */
  force?: boolean;
  log?: (line: string) => void;
  onProgress?: (progress: TrainProgress) => void;
}

export interface TrainRunResult {
  written: boolean;
  model: ClassifierModel;
  report: EvaluationReport;
  comparison?: { against: string; promote: boolean; reasons: string[] };
  trainingSeconds: number;
}

/** Agent corrections (JSONL) as training rows; a missing category is filled in from the intent. */
export function feedbackExamples(jsonl: string, sourceName: string): LabeledExample[] {
  return parseFeedbackJsonl(jsonl, sourceName).map((e) =>
    e.category || !e.intent || !isIntent(e.intent) ? e : { ...e, category: INTENT_CATEGORY[e.intent] },
  );
}

function summary(report: EvaluationReport) {
  const heads = { ...report.heads, ...(report.priorityWithRules ? { priorityWithRules: report.priorityWithRules } : {}) };
  return Object.fromEntries(
    Object.entries(heads).map(([head, m]) => [head, { rows: m.rows, accuracy: m.accuracy, macroF1: m.macroF1, ece: m.ece }]),
  );
}

/**
 * The product training run behind `clara train` and scripts/classify/train.ts: trains on the
 * corpus (+ feedback), scores the held-out split, and writes the artifact only if it does not
 * score worse than the current one (or `force`).
 */
export function runTraining(options: TrainRunOptions): TrainRunResult {
  const log = options.log ?? (() => {});
  const datasetsDir = options.datasetsDir ?? resolveDatasetsDir();
  const corpus = loadCorpus({ datasetsDir, includeNonCommercial: options.includeNonCommercial });
  const feedback = options.feedback ?? [];
  const every = Math.max(1, options.sample ?? 1);
  const examples = [...corpus.train.filter((_, i) => i % every === 0), ...feedback];
  log(`datasets: ${datasetsDir}`);
  log(`training rows: ${examples.length} (${feedback.length} feedback), held-out rows: ${corpus.test.length}`);

  const started = performance.now();
  const model = trainClassifier(examples, {
    seed: options.seed ?? DEFAULT_TRAIN_OPTIONS.seed,
    l2: options.l2 ?? DEFAULT_TRAIN_OPTIONS.l2,
    sources: [...corpus.sources, ...(feedback.length ? ['agent feedback'] : [])],
    onProgress: options.onProgress,
  });
  const trainingSeconds = (performance.now() - started) / 1000;

  const report = evaluateModel(model, corpus.test);
  for (const head of HEADS) {
    const m = report.heads[head];
    if (m) log(`${head.padEnd(9)} acc ${m.accuracy.toFixed(4)}  macro-F1 ${m.macroF1.toFixed(4)}  ECE ${m.ece.toFixed(4)}`);
  }

  const out = path.resolve(options.out);
  const baseline = options.baseline ? path.resolve(options.baseline) : out;
  let comparison: TrainRunResult['comparison'];
  if (existsSync(baseline)) {
    const current = evaluateModel(loadClassifier(baseline).model, corpus.test);
    const decision = shouldPromote(report, current);
    comparison = { against: current.modelId, ...decision };
    // classifier-training.ts parses this line from the child process's output.
    log(`compared with ${current.modelId}: ${decision.promote ? 'promote' : 'keep current'} (${decision.reasons.join('; ')})`);
    if (!decision.promote && !options.force) {
      log('not written; use --force to overwrite');
      return { written: false, model, report, comparison, trainingSeconds };
    }
  }

  const crossDomain = evaluateModel(model, corpus.crossDomainTest);
  const meta = {
    modelId: model.modelId,
    trainedAt: options.date,
    trainingSeconds: Math.round(trainingSeconds * 10) / 10,
    sources: model.training.sources,
    heldOut: { ...report.heldOut, metrics: summary(report) },
    crossDomain: { dataset: 'support-tickets-en', ...crossDomain.heldOut, metrics: summary(crossDomain) },
  };
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, serializeModel(model));
  writeFileSync(metadataPath(out), `${JSON.stringify(meta, null, 2)}\n`);
  log(`wrote ${out} (${model.modelId}) in ${trainingSeconds.toFixed(1)} s of training`);
  return { written: true, model, report, comparison, trainingSeconds };
}
