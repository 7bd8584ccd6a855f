import { z } from 'zod';
import { CATEGORIES, PRIORITIES } from './labels.js';

export const ClassifyBody = z
  .object({
    subject: z.string().trim().max(200).default(''),
    description: z.string().trim().max(20_000).default(''),
  })
  .refine((b) => `${b.subject}${b.description}`.trim().length >= 3, {
    message: 'send a subject or description with some text',
    path: ['description'],
  });

const Confidence = z.object({ category: z.number(), priority: z.number(), intent: z.number() });

export const ClassifyResponse = z.object({
  category: z.enum(CATEGORIES),
  priority: z.enum(PRIORITIES),
  intent: z.string(),
  queue: z.string(),
  confidence: Confidence,
  model: z.object({ version: z.string() }),
  top_terms: z.array(z.string()),
  rule: z.object({ reason: z.string() }).optional(),
});

// Any queue of the team's; PUT checks that each one exists and is not archived.
const QueueName = z.string().trim().min(1).max(100);
const ByPriority = z.object({ urgent: QueueName, high: QueueName, normal: QueueName, low: QueueName });
export const RoutingTableBody = z.object({ technical: ByPriority, billing: ByPriority, general: ByPriority });

export const ClassifierInfo = z.object({
  version: z.string(),
  trained_at: z.string().nullable(),
  source: z.enum(['shipped', 'retrained']),
  metrics: z.record(z.string(), z.unknown()).nullable(),
  routing: RoutingTableBody,
  last_training: z.record(z.string(), z.unknown()).nullable(),
});

export const TrainBody = z.object({ sample: z.number().int().min(1).max(1000).default(1) }).default({ sample: 1 });
export const TrainQueued = z.object({ status: z.literal('queued') });
export const RoutingResponse = z.object({ routing: RoutingTableBody });
