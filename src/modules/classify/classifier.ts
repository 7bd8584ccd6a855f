import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FORMAT_VERSION, parseModel, type ClassifierModel } from './artifact.js';
import type { ClassifyResult, TicketText } from './classify.schema.js';
import type { HeadName } from './example.js';
import { topTerms } from './explain.js';
import { countTerms, vectorizeCounts, type SparseVector } from './features.js';
import { INTENT_CATEGORY, isIntent, maxPriority, type Category, type Priority } from './labels.js';
import { predictProba } from './linear-model.js';
import { DEFAULT_ROUTING, routeTicket, type RoutingTable } from './routing.js';
import { normalizeTicket } from './text-normalize.js';
import { detectUrgency } from './urgency-rules.js';

export const DEFAULT_ARTIFACT_PATH = fileURLToPath(new URL('../../../models/classifier-v1.json', import.meta.url));

export interface ModelPrediction {
  labels: Record<HeadName, string>;
  confidence: Record<HeadName, number>;
  /** Probability the model gave each class, per head. */
  probabilities: Record<HeadName, Float64Array>;
}

function argmax(values: Float64Array, allowed?: (index: number) => boolean): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    if (allowed && !allowed(i)) continue;
    if (best < 0 || values[i] > values[best]) best = i;
  }
  return best;
}

/** Model-only labels (no rules); the intent is kept inside the predicted category. */
export function predictModel(model: ClassifierModel, x: SparseVector): ModelPrediction {
  const probabilities = {
    category: predictProba(model.heads.category, x),
    priority: predictProba(model.heads.priority, x),
    intent: predictProba(model.heads.intent, x),
  };
  const category = model.heads.category.classes[argmax(probabilities.category)] as Category;
  const intentClasses = model.heads.intent.classes;
  const inCategory = (i: number) => {
    const intent = intentClasses[i];
    return isIntent(intent) && INTENT_CATEGORY[intent] === category;
  };
  const intentIndex = argmax(probabilities.intent, inCategory);
  let intentMass = 0;
  probabilities.intent.forEach((p, i) => (intentMass += inCategory(i) ? p : 0));
  const priorityIndex = argmax(probabilities.priority);
  return {
    labels: { category, priority: model.heads.priority.classes[priorityIndex], intent: intentClasses[intentIndex] },
    confidence: {
      category: Math.max(...probabilities.category),
      priority: probabilities.priority[priorityIndex],
      intent: probabilities.intent[intentIndex] / (intentMass || 1),
    },
    probabilities,
  };
}

export interface Classifier {
  readonly version: string;
  readonly trainedAt?: string;
  readonly model: ClassifierModel;
  classify(ticket: Partial<TicketText>): ClassifyResult;
}

export interface ClassifierOptions {
  trainedAt?: string;
  routing?: RoutingTable;
}

const round = (p: number) => Math.round(p * 1000) / 1000;

export function createClassifier(model: ClassifierModel, options: ClassifierOptions = {}): Classifier {
  const version = `v${FORMAT_VERSION}-${model.modelId}`;
  const routing = options.routing ?? DEFAULT_ROUTING;
  return {
    version,
    trainedAt: options.trainedAt,
    model,
    classify(ticket) {
      const text = normalizeTicket(ticket);
      const counts = countTerms(text, model.vocab.config);
      const x = vectorizeCounts(model.vocab, counts);
      const prediction = predictModel(model, x);
      const category = prediction.labels.category as Category;
      const modelPriority = prediction.labels.priority as Priority;
      const rule = detectUrgency(text);
      const priority = rule ? maxPriority(modelPriority, rule.priority) : modelPriority;
      // Reported whenever the keyword decides the final priority, even if the model agreed.
      const ruleApplied = rule !== undefined && priority === rule.priority;
      const categoryIndex = model.heads.category.classes.indexOf(category);
      return {
        category,
        priority,
        intent: prediction.labels.intent,
        queue: routeTicket({ category, priority }, routing),
        confidence: {
          category: round(prediction.confidence.category),
          // A keyword override is deterministic; its confidence is not the model's to give.
          priority: ruleApplied ? 1 : round(prediction.confidence.priority),
          intent: round(prediction.confidence.intent),
        },
        model: { version, ...(options.trainedAt ? { trainedAt: options.trainedAt } : {}) },
        top_terms: topTerms(model.vocab, model.heads.category, categoryIndex, text, x, counts),
        ...(ruleApplied ? { rule: { reason: rule.reason } } : {}),
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
