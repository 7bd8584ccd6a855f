import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus, resolveDatasetsDir } from './datasets.js';
import { evaluateModel, shouldPromote, type EvaluationReport } from './evaluate.js';
import { parseFeedbackJsonl } from './feedback.js';
import {
  type ClassifierModel,
  DEFAULT_TRAIN_OPTIONS,
  HEADS,
  INTENT_CATEGORY,
  isIntent,
  type LabeledExample,
  loadClassifier,
  type TrainingMeta,
  metadataPath,
  serializeModel,
  trainClassifier,
  type TrainProgress,
} from '../../src/modules/classify';

export interface TrainRunOptions {
  /** Artifact to write, its `.meta.json` beside it; without it nothing is written and the caller keeps the values. */
  out?: string;
  /** Training date stored in the metadata (YYYY-MM-DD); the artifact itself holds no date. */
  date: string;
  datasetsDir?: string;
  /** Agents' corrections, added to the training rows only (never to the held-out split). */
  feedback?: readonly LabeledExample[];
  seed?: number;
  l2?: number;
  /** Also train on support-tickets-en (CC BY-NC: never for shipped models). */
  includeNonCommercial?: boolean;
  /** Model (or artifact file) to compare with; default: the existing `out` file. */
  baseline?: string | ClassifierModel;
  /** Train on every n-th corpus row only (quick retrains, tests). */
  sample?: number;
  /** Promote even if the new model scores worse than the one it replaces. */
  force?: boolean;
  log?: (line: string) => void;
  onProgress?: (progress: TrainProgress) => void;
}

export interface TrainRunResult {
  /** The new model is to replace the baseline (it did not score worse, or `force`); with `out`, it was written. */
  promoted: boolean;
  /** "promote (...)" or "keep current (...)", as the admin's training history shows it. */
  decision: string;
  model: ClassifierModel;
  meta: TrainingMeta;
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

function baselineModel(baseline: TrainRunOptions['baseline'], out: string | undefined): ClassifierModel | undefined {
  if (baseline && typeof baseline !== 'string') return baseline;
  const file = baseline ? path.resolve(baseline) : out && path.resolve(out);
  return file && existsSync(file) ? loadClassifier(file).model : undefined;
}

/**
 * The product training run behind `clara train`, ai/classify/train-cli.ts and the admin retrain
 * job (train-worker.ts): trains on the corpus (+ feedback), scores the held-out split, and
 * promotes the new model only if it does not score worse than the baseline (or `force`).
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

  const crossDomain = evaluateModel(model, corpus.crossDomainTest);
  const meta: TrainingMeta = {
    modelId: model.modelId,
    trainedAt: options.date,
    trainingSeconds: Math.round(trainingSeconds * 10) / 10,
    sources: model.training.sources,
    heldOut: { ...report.heldOut, metrics: summary(report) },
    crossDomain: { dataset: 'support-tickets-en', ...crossDomain.heldOut, metrics: summary(crossDomain) },
  };

  const current = baselineModel(options.baseline, options.out);
  let comparison: TrainRunResult['comparison'];
  let decision = 'promote';
  if (current) {
    const currentReport = evaluateModel(current, corpus.test);
    const verdict = shouldPromote(report, currentReport);
    comparison = { against: currentReport.modelId, ...verdict };
    decision = `${verdict.promote ? 'promote' : 'keep current'} (${verdict.reasons.join('; ')})`;
    log(`compared with ${currentReport.modelId}: ${decision}`);
  }
  const promoted = !comparison || comparison.promote || Boolean(options.force);
  const result = { promoted, decision, model, meta, report, comparison, trainingSeconds };
  if (!options.out) return result;
  if (!promoted) {
    log('not written; use --force to overwrite');
    return result;
  }
  const out = path.resolve(options.out);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, serializeModel(model));
  writeFileSync(metadataPath(out), `${JSON.stringify(meta, null, 2)}\n`);
  log(`wrote ${out} (${model.modelId}) in ${trainingSeconds.toFixed(1)} s of training`);
  return result;
}
