import { createHash } from 'node:crypto';
import type { ClassifierModel } from './artifact.js';
import { quantizeHead } from './artifact.js';
import { HEADS, type HeadName, type LabeledExample } from './example.js';
import {
  buildVocabulary,
  DEFAULT_FEATURE_CONFIG,
  featureCount,
  vectorize,
  type FeatureConfig,
  type SparseVector,
} from './features.js';
import { CATEGORIES, INTENTS, PRIORITIES } from './labels.js';
import { fitTemperature, rawLogits, trainSoftmax } from './linear-model.js';
import { stratifiedSplit } from './split.js';
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
}

export const DEFAULT_TRAIN_OPTIONS = { seed: 42, l2: 3e-5, maxIterations: 150, calibrationFraction: 0.1 };

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function hashExamples(examples: readonly LabeledExample[]): string {
  const hash = createHash('sha256');
  for (const e of examples) {
    hash.update(JSON.stringify([e.id, e.subject, e.description, e.category, e.priority, e.intent]));
  }
  return hash.digest('hex');
}

function rowsFor(head: HeadName, examples: readonly LabeledExample[], vectors: readonly SparseVector[]) {
  const classes = HEAD_CLASSES[head];
  const rows: SparseVector[] = [];
  const labels: number[] = [];
  examples.forEach((e, i) => {
    const label = e[head];
    if (label === undefined) return;
    rows.push(vectors[i]);
    labels.push(classes.indexOf(label));
  });
  return { rows, labels: Int32Array.from(labels) };
}

/** Trains all heads on `examples`, calibrating each on a seeded slice of them. */
export function trainClassifier(examples: readonly LabeledExample[], options: TrainOptions = {}): ClassifierModel {
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
  report({ stage: 'features', iteration: 0, maxIterations: 1 });
  const trainTexts = train.map(normalizeTicket);
  const vocab = buildVocabulary(trainTexts, config);
  const trainVectors = trainTexts.map((t) => vectorize(vocab, t));
  const calibrationVectors = calibration.map((e) => vectorize(vocab, normalizeTicket(e)));
  report({ stage: 'features', iteration: 1, maxIterations: 1 });

  const heads = {} as ClassifierModel['heads'];
  const rowCounts = {} as Record<HeadName, number>;
  for (const name of HEADS) {
    const fit = rowsFor(name, train, trainVectors);
    if (fit.rows.length === 0) throw new Error(`no training rows carry a ${name} label`);
    const trained = trainSoftmax(fit.rows, fit.labels, [...HEAD_CLASSES[name]], featureCount(vocab), {
      l2,
      maxIterations,
      onIteration: (iteration, loss) => report({ stage: name, iteration, maxIterations, loss }),
    });
    const { head } = quantizeHead(trained);
    const cal = rowsFor(name, calibration, calibrationVectors);
    head.temperature = fitTemperature(cal.rows.map((x) => rawLogits(head, x)), cal.labels);
    heads[name] = head;
    rowCounts[name] = fit.rows.length;
    report({ stage: name, iteration: maxIterations, maxIterations });
  }

  const dataHash = hashExamples(examples);
  return {
    modelId: sha256(JSON.stringify([dataHash, config, seed, l2, maxIterations])).slice(0, 12),
    vocab,
    heads,
    training: { seed, dataHash, sources: options.sources ?? [], rows: rowCounts, l2, maxIterations },
  };
}
