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
