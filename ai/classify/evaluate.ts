import { createHash } from 'node:crypto';
import {
  type ClassifierModel,
  decidePriority,
  type HeadName,
  HEADS,
  normalizeTicket,
  predictModel,
  type Priority,
  type TrainingExample,
  vectorize,
} from '../../src/modules/classify';

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

export interface ConfusionPair {
  gold: string;
  predicted: string;
  count: number;
}

export interface HeadMetrics {
  rows: number;
  accuracy: number;
  macroF1: number;
  /** Expected calibration error over equal-width confidence bins. */
  ece: number;
  perClass: Record<string, ClassMetrics>;
  reliability: ReliabilityBin[];
  /** The most frequent (gold → predicted) mistakes, most frequent first. */
  confusions: ConfusionPair[];
}

export interface EvaluationReport {
  modelId: string;
  /** Hash of the held-out row ids: reports are only comparable when these match. */
  heldOut: { rows: number; fingerprint: string };
  heads: Partial<Record<HeadName, HeadMetrics>>;
  /** Priority after the urgency keyword rules, as shipped to users. */
  priorityWithRules?: HeadMetrics;
}

const safeDiv = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function topConfusions(gold: readonly string[], predicted: readonly string[], limit = 10): ConfusionPair[] {
  const counts = new Map<string, ConfusionPair>();
  gold.forEach((g, i) => {
    if (g === predicted[i]) return;
    const key = `${g}\u0000${predicted[i]}`;
    const pair = counts.get(key) ?? { gold: g, predicted: predicted[i], count: 0 };
    pair.count++;
    counts.set(key, pair);
  });
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold) || a.predicted.localeCompare(b.predicted))
    .slice(0, limit);
}

export function headMetrics(gold: string[], predicted: string[], confidence: number[], bins = 10): HeadMetrics {
  const classes = [...new Set([...gold, ...predicted])].sort();
  const perClass: Record<string, ClassMetrics> = {};
  for (const label of classes) {
    let tp = 0, fp = 0, fn = 0;
    gold.forEach((g, i) => {
      if (predicted[i] === label && g === label) tp++;
      else if (predicted[i] === label) fp++;
      else if (g === label) fn++;
    });
    const precision = safeDiv(tp, tp + fp);
    const recall = safeDiv(tp, tp + fn);
    perClass[label] = { precision, recall, f1: safeDiv(2 * precision * recall, precision + recall), support: tp + fn };
  }
  const reliability: ReliabilityBin[] = Array.from({ length: bins }, (_, b) => ({
    from: b / bins, to: (b + 1) / bins, count: 0, meanConfidence: 0, accuracy: 0,
  }));
  let correct = 0;
  gold.forEach((g, i) => {
    const bin = reliability[Math.min(bins - 1, Math.floor(confidence[i] * bins))];
    bin.count++;
    bin.meanConfidence += confidence[i];
    if (g === predicted[i]) {
      bin.accuracy++;
      correct++;
    }
  });
  let ece = 0;
  for (const bin of reliability) {
    bin.meanConfidence = safeDiv(bin.meanConfidence, bin.count);
    bin.accuracy = safeDiv(bin.accuracy, bin.count);
    ece += (bin.count / Math.max(1, gold.length)) * Math.abs(bin.accuracy - bin.meanConfidence);
  }
  const f1s = Object.values(perClass).map((m) => m.f1);
  return {
    rows: gold.length,
    accuracy: safeDiv(correct, gold.length),
    macroF1: safeDiv(f1s.reduce((a, b) => a + b, 0), f1s.length),
    ece,
    perClass,
    reliability,
    confusions: topConfusions(gold, predicted),
  };
}

export function fingerprint(examples: readonly TrainingExample[]): string {
  const hash = createHash('sha256');
  for (const e of examples) hash.update(`${e.id}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** Scores the model's heads on rows it must never have trained on. */
export function evaluateModel(model: ClassifierModel, heldOut: readonly TrainingExample[]): EvaluationReport {
  const gold = { category: [], priority: [], intent: [] } as Record<HeadName, string[]>;
  const predicted = { category: [], priority: [], intent: [] } as Record<HeadName, string[]>;
  const confidence = { category: [], priority: [], intent: [] } as Record<HeadName, number[]>;
  const withRules: string[] = [];
  const ruleConfidence: number[] = [];
  for (const example of heldOut) {
    const text = normalizeTicket(example);
    const prediction = predictModel(model, vectorize(model.vocab, text));
    for (const head of HEADS) {
      const label = example[head];
      const p = prediction.labels[head];
      const c = prediction.confidence[head];
      if (label === undefined || p === undefined || c === undefined) continue;
      gold[head].push(label);
      predicted[head].push(p);
      confidence[head].push(c);
    }
    const modelPriority = prediction.labels.priority as Priority | undefined;
    const modelConfidence = prediction.confidence.priority;
    if (example.priority !== undefined && modelPriority !== undefined && modelConfidence !== undefined) {
      const decided = decidePriority(example, { priority: modelPriority, confidence: modelConfidence });
      withRules.push(decided.priority);
      ruleConfidence.push(decided.confidence);
    }
  }
  const heads: EvaluationReport['heads'] = {};
  for (const head of HEADS) {
    if (gold[head].length > 0) heads[head] = headMetrics(gold[head], predicted[head], confidence[head]);
  }
  return {
    modelId: model.modelId,
    heldOut: { rows: heldOut.length, fingerprint: fingerprint(heldOut) },
    heads,
    ...(withRules.length > 0 ? { priorityWithRules: headMetrics(gold.priority, withRules, ruleConfidence) } : {}),
  };
}

export interface PromotionDecision {
  promote: boolean;
  reasons: string[];
}

/**
 * A retrained model replaces the current one only if, on the same held-out rows,
 * no head loses accuracy or macro-F1 by more than `tolerance`.
 */
export function shouldPromote(
  next: EvaluationReport,
  current: EvaluationReport | undefined,
  tolerance = 0,
): PromotionDecision {
  if (!current) return { promote: true, reasons: ['no current model'] };
  if (next.heldOut.fingerprint !== current.heldOut.fingerprint) {
    return { promote: false, reasons: ['reports use different held-out rows; re-evaluate both on one split'] };
  }
  const reasons: string[] = [];
  for (const head of HEADS) {
    const before = current.heads[head];
    const after = next.heads[head];
    if (!before) continue;
    if (!after) {
      reasons.push(`${head}: missing from the new report`);
      continue;
    }
    for (const metric of ['accuracy', 'macroF1'] as const) {
      if (after[metric] < before[metric] - tolerance) {
        reasons.push(`${head} ${metric} dropped ${before[metric].toFixed(4)} → ${after[metric].toFixed(4)}`);
      }
    }
  }
  return { promote: reasons.length === 0, reasons: reasons.length ? reasons : ['no head got worse'] };
}
