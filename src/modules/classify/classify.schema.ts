import { z } from 'zod';
import { CATEGORIES, INTENTS, PRIORITIES } from './labels.js';

export const TicketText = z.object({
  subject: z.string().default(''),
  description: z.string().default(''),
});
export type TicketText = z.infer<typeof TicketText>;

/** A corrected ticket from agents; any label may be missing and is then not trained on. */
export const FeedbackExample = TicketText.extend({
  category: z.enum(CATEGORIES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  intent: z.enum(INTENTS as [string, ...string[]]).optional(),
});
export type FeedbackExample = z.infer<typeof FeedbackExample>;

export const ClassifyResult = z.object({
  category: z.enum(CATEGORIES),
  priority: z.enum(PRIORITIES),
  intent: z.string(),
  queue: z.string(),
  confidence: z.object({ category: z.number(), priority: z.number(), intent: z.number() }),
  model: z.object({ version: z.string(), trainedAt: z.string().optional() }),
  top_terms: z.array(z.string()),
  rule: z.object({ reason: z.string() }).optional(),
});
export type ClassifyResult = z.infer<typeof ClassifyResult>;

/** What a training run records about its model (the `.meta.json` beside an artifact, `meta` of a trained row). */
export const TrainingMeta = z.object({
  modelId: z.string(),
  trainedAt: z.string(),
  trainingSeconds: z.number(),
  sources: z.array(z.string()),
  heldOut: z.record(z.string(), z.unknown()),
  crossDomain: z.record(z.string(), z.unknown()),
});
export type TrainingMeta = z.infer<typeof TrainingMeta>;

/** The admin retrain job's request to its training process (ai/classify/train-worker.ts), sent over IPC. */
export const TrainWorkerRequest = z.object({
  /** The serialized artifact the new model must not score worse than. */
  baseline: z.string(),
  feedbackJsonl: z.string(),
  sample: z.number().int().min(1),
  date: z.string(),
  datasetsDir: z.string().optional(),
});
export type TrainWorkerRequest = z.infer<typeof TrainWorkerRequest>;

/** The training process's one reply: the decision, and the new artifact when it is promoted. */
export const TrainWorkerReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), promoted: z.boolean(), decision: z.string(), artifact: z.string().nullable(), meta: TrainingMeta }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type TrainWorkerReply = z.infer<typeof TrainWorkerReply>;
