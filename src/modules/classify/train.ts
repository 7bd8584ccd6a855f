import { createHash } from 'node:crypto';
import type { ClassifierModel, TrainingInfo } from './artifact.js';
import { quantizeHead } from './artifact.js';
import { HEADS, type HeadName, type TrainingExample } from './example.js';
import { buildVocabulary, DEFAULT_FEATURE_CONFIG, featureCount, type FeatureConfig, type SparseVector } from './features.js';
import { CATEGORIES, INTENTS, PRIORITIES } from './labels.js';
import { fitTemperature, rawLogits, trainSoftmax } from './linear-model.js';
import { stratifiedSplit } from './split.js';
import { vectorize } from './text-features.js';
import { normalizeTicket } from './text-normalize.js';

export const HEAD_CLASSES: Record<HeadName, readonly string[]> = {
  category: CATEGORIES,
  priority: PRIORITIES,
  intent: INTENTS,
};

export type TrainStage = 'features' | HeadName;

export interface TrainProgress {
  stage: TrainStage;
  iteration: number;
  maxIterations: number;
  loss?: number;
  /** Overall progress: `step` of `steps` (feature extraction, then every trained head's iterations). */
  step: number;
  steps: number;
}

export interface TrainOptions {
  seed?: number;
  onProgress?: (progress: TrainProgress) => void;
  features?: Partial<FeatureConfig>;
  l2?: number;
  maxIterations?: number;
  /** Share of the given rows held out to fit the temperature (never trained on). */
  calibrationFraction?: number;
  sources?: string[];
  /** Label set per head (default: Clara's labels); a row with another label is an error. */
  labels?: Partial<Record<HeadName, readonly string[]>>;
}

export const DEFAULT_TRAIN_OPTIONS = { seed: 42, l2: 3e-5, maxIterations: 150, calibrationFraction: 0.1 };

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function hashExamples(examples: readonly TrainingExample[]): string {
  const hash = createHash('sha256');
  for (const e of examples) {
    hash.update(JSON.stringify([e.id, e.subject, e.description, e.category, e.priority, e.intent]));
  }
  return hash.digest('hex');
}

function rowsFor(
  head: HeadName,
  classes: readonly string[],
  examples: readonly TrainingExample[],
  vectors: readonly SparseVector[],
) {
  const rows: SparseVector[] = [];
  const labels: number[] = [];
  examples.forEach((e, i) => {
    const label = e[head];
    if (label === undefined) return;
    const index = classes.indexOf(label);
    if (index < 0) throw new Error(`${e.id}: "${label}" is not one of the ${head} labels`);
    rows.push(vectors[i]);
    labels.push(index);
  });
  return { rows, labels: Int32Array.from(labels) };
}

/**
 * Trains every head that has labelled rows (others are left out of the model, e.g. Banking77
 * only has intents), calibrating each on a seeded slice of the rows.
 */
export function trainClassifier(examples: readonly TrainingExample[], options: TrainOptions = {}): ClassifierModel {
  const seed = options.seed ?? DEFAULT_TRAIN_OPTIONS.seed;
  const l2 = options.l2 ?? DEFAULT_TRAIN_OPTIONS.l2;
  const maxIterations = options.maxIterations ?? DEFAULT_TRAIN_OPTIONS.maxIterations;
  const config: FeatureConfig = { ...DEFAULT_FEATURE_CONFIG, ...options.features };
  const report = options.onProgress ?? (() => {});

  const { train, test: calibration } = stratifiedSplit(
    examples,
    (e) => `${e.source}:${e.intent ?? e.category ?? e.priority ?? ''}`,
    options.calibrationFraction ?? DEFAULT_TRAIN_OPTIONS.calibrationFraction,
    seed,
  );
  const classesOf = (head: HeadName) => options.labels?.[head] ?? HEAD_CLASSES[head];
  const trainedHeads = HEADS.filter((head) => train.some((e) => e[head] !== undefined));
  if (trainedHeads.length === 0) throw new Error('no training rows carry a label');
  const steps = 1 + trainedHeads.length * maxIterations;
  const offset = (head: HeadName) => 1 + trainedHeads.indexOf(head) * maxIterations;

  report({ stage: 'features', iteration: 0, maxIterations: 1, step: 0, steps });
  const trainTexts = train.map(normalizeTicket);
  const vocab = buildVocabulary(trainTexts, config);
  const trainVectors = trainTexts.map((t) => vectorize(vocab, t));
  const calibrationVectors = calibration.map((e) => vectorize(vocab, normalizeTicket(e)));
  report({ stage: 'features', iteration: 1, maxIterations: 1, step: 1, steps });

  const heads: ClassifierModel['heads'] = {};
  const rowCounts: TrainingInfo['rows'] = {};
  for (const name of trainedHeads) {
    const classes = classesOf(name);
    const fit = rowsFor(name, classes, train, trainVectors);
    const progress = (iteration: number, loss?: number) =>
      report({ stage: name, iteration, maxIterations, loss, step: offset(name) + iteration, steps });
    const trained = trainSoftmax(fit.rows, fit.labels, [...classes], featureCount(vocab), {
      l2,
      maxIterations,
      onIteration: progress,
    });
    const { head } = quantizeHead(trained);
    const cal = rowsFor(name, classes, calibration, calibrationVectors);
    head.temperature = fitTemperature(cal.rows.map((x) => rawLogits(head, x)), cal.labels);
    heads[name] = head;
    rowCounts[name] = fit.rows.length;
    progress(maxIterations);
  }

  const dataHash = hashExamples(examples);
  // Custom label sets enter the id; the default stays out so shipped ids are unchanged.
  const idParts = [dataHash, config, seed, l2, maxIterations, ...(options.labels ? [options.labels] : [])];
  return {
    modelId: sha256(JSON.stringify(idParts)).slice(0, 12),
    vocab,
    heads,
    training: { seed, dataHash, sources: options.sources ?? [], rows: rowCounts, l2, maxIterations },
  };
}
