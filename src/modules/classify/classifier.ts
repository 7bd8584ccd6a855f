import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FORMAT_VERSION, parseModel, type ClassifierModel } from './artifact.js';
import type { ClassifyResult, TicketText } from './classify.schema.js';
import type { HeadName } from './example.js';
import { topTerms } from './explain.js';
import type { SparseVector } from './features.js';
import { INTENT_CATEGORY, isIntent, type Category, type Priority } from './labels.js';
import { predictProba } from './linear-model.js';
import { DEFAULT_ROUTING, routeTicket, type RoutingTable } from './routing.js';
import { textFeatures } from './text-features.js';
import { normalizeTicket } from './text-normalize.js';
import { decidePriority } from './priority-cues.js';

export const DEFAULT_ARTIFACT_PATH = fileURLToPath(new URL('../../../models/classifier-v1.json', import.meta.url));

/** One entry per head the model has. */
export interface ModelPrediction {
  labels: Partial<Record<HeadName, string>>;
  confidence: Partial<Record<HeadName, number>>;
  /** Probability the model gave each class, per head. */
  probabilities: Partial<Record<HeadName, Float64Array>>;
}

function argmax(values: Float64Array, allowed?: (index: number) => boolean): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    if (allowed && !allowed(i)) continue;
    if (best < 0 || values[i] > values[best]) best = i;
  }
  return best;
}

/**
 * Evidence about the category from outside the model: the categories of the team's knowledge-base
 * articles that match the ticket best (`kbCategoryEvidence`), as probabilities over categories.
 */
export interface PredictOptions {
  categoryEvidence?: Readonly<Record<string, number>>;
}

/**
 * How much the knowledge base's say counts against the model's, chosen on the tune tickets of
 * eval/rosterly and eval/fernhill (0.6, the middle of the 0.5–0.8 plateau of {0, 0.1, …, 1}):
 * the model learned other companies' words, the articles are written in this one's.
 */
export const KB_EVIDENCE_WEIGHT = 0.6;

function mixEvidence(p: Float64Array, classes: readonly string[], evidence: Readonly<Record<string, number>>): Float64Array {
  return p.map((v, i) => (1 - KB_EVIDENCE_WEIGHT) * v + KB_EVIDENCE_WEIGHT * (evidence[classes[i]] ?? 0));
}

/**
 * Model-only labels (no rules) for the heads the model has. With a category head and Clara's
 * intents, the intent is kept inside the predicted category.
 */
export function predictModel(model: ClassifierModel, x: SparseVector, options: PredictOptions = {}): ModelPrediction {
  const prediction: ModelPrediction = { labels: {}, confidence: {}, probabilities: {} };
  for (const name of ['category', 'priority'] as const) {
    const head = model.heads[name];
    if (!head) continue;
    const p = name === 'category' && options.categoryEvidence ? mixEvidence(predictProba(head, x), head.classes, options.categoryEvidence) : predictProba(head, x);
    const best = argmax(p);
    prediction.probabilities[name] = p;
    prediction.labels[name] = head.classes[best];
    prediction.confidence[name] = p[best];
  }
  const intentHead = model.heads.intent;
  if (intentHead) {
    const p = predictProba(intentHead, x);
    const category = prediction.labels.category;
    const inCategory = (i: number) => {
      const intent = intentHead.classes[i];
      return category === undefined || !isIntent(intent) || INTENT_CATEGORY[intent] === category;
    };
    const best = argmax(p, inCategory);
    let mass = 0;
    p.forEach((v, i) => (mass += inCategory(i) ? v : 0));
    prediction.probabilities.intent = p;
    prediction.labels.intent = intentHead.classes[best];
    prediction.confidence.intent = p[best] / (mass || 1);
  }
  return prediction;
}

/** The ticket classifier needs every head; evaluation models (Banking77) may have fewer. */
function allHeads<T>(values: Partial<Record<HeadName, T>>): Record<HeadName, T> {
  const { category, priority, intent } = values;
  if (category === undefined || priority === undefined || intent === undefined) {
    throw new Error('a ticket classifier needs category, priority and intent heads');
  }
  return { category, priority, intent };
}

export interface Classifier {
  readonly version: string;
  readonly trainedAt?: string;
  readonly model: ClassifierModel;
  classify(ticket: Partial<TicketText>, options?: PredictOptions): ClassifyResult;
}

export interface ClassifierOptions {
  trainedAt?: string;
  routing?: RoutingTable;
}

const round = (p: number) => Math.round(p * 1000) / 1000;

export function createClassifier(model: ClassifierModel, options: ClassifierOptions = {}): Classifier {
  const version = `v${FORMAT_VERSION}-${model.modelId}`;
  const routing = options.routing ?? DEFAULT_ROUTING;
  const heads = allHeads(model.heads);
  return {
    version,
    trainedAt: options.trainedAt,
    model,
    classify(ticket, predictOptions = {}) {
      const text = normalizeTicket(ticket);
      const features = textFeatures(model.vocab, text);
      const prediction = predictModel(model, features.x, predictOptions);
      const labels = allHeads(prediction.labels);
      const confidence = allHeads(prediction.confidence);
      const category = labels.category as Category;
      const decided = decidePriority(ticket, { priority: labels.priority as Priority, confidence: confidence.priority });
      const priority = decided.priority;
      const categoryIndex = heads.category.classes.indexOf(category);
      return {
        category,
        priority,
        intent: labels.intent,
        queue: routeTicket({ category, priority }, routing),
        confidence: {
          category: round(confidence.category),
          // A cue or keyword is deterministic; its confidence is not the model's to give.
          priority: round(decided.confidence),
          intent: round(confidence.intent),
        },
        model: { version, ...(options.trainedAt ? { trainedAt: options.trainedAt } : {}) },
        top_terms: topTerms(model.vocab, heads.category, categoryIndex, features),
        ...(decided.reason ? { rule: { reason: decided.reason } } : {}),
      };
    },
  };
}

export function metadataPath(artifactPath: string): string {
  return artifactPath.replace(/\.json$/, '') + '.meta.json';
}

/** Reads the artifact (and its optional `.meta.json` for the training date) synchronously. */
export function loadClassifier(artifactPath: string = DEFAULT_ARTIFACT_PATH, options: ClassifierOptions = {}): Classifier {
  const model = parseModel(readFileSync(artifactPath, 'utf8'));
  let trainedAt = options.trainedAt;
  const metaFile = metadataPath(artifactPath);
  if (!trainedAt && existsSync(metaFile)) {
    const meta: unknown = JSON.parse(readFileSync(metaFile, 'utf8'));
    if (meta && typeof meta === 'object' && 'trainedAt' in meta && typeof meta.trainedAt === 'string') {
      trainedAt = meta.trainedAt;
    }
  }
  return createClassifier(model, { ...options, trainedAt });
}
