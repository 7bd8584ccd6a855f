import { z } from 'zod';

// Below 0.5 the calibrated confidence stops meaning "probably right" (see `clara eval autoresolve`):
// the bar cannot be set lower, and 1 switches auto-resolve practically off.
export const AUTO_RESOLVE_MIN = 0.5;

/**
 * What Clara does with a new ticket's knowledge-base answer: nothing (off), hand it to the agent as a
 * suggestion (suggest), or answer the customer and resolve the ticket when sure (auto_resolve).
 */
export const AUTO_ANSWER_MODES = ['off', 'suggest', 'auto_resolve'] as const;
export type AutoAnswerMode = (typeof AUTO_ANSWER_MODES)[number];

/** The highest priority Clara may resolve by itself; urgent tickets never are. */
export const AUTO_RESOLVE_PRIORITIES = ['low', 'normal', 'high'] as const;
export type AutoResolvePriority = (typeof AUTO_RESOLVE_PRIORITIES)[number];
export const DEFAULT_MAX_PRIORITY: AutoResolvePriority = 'normal';

const Threshold = z.number().min(AUTO_RESOLVE_MIN, `at least ${AUTO_RESOLVE_MIN}`).max(1, 'at most 1');

export const PutAutoResolveBody = z
  .object({
    mode: z.enum(AUTO_ANSWER_MODES),
    /** null goes back to the server default (CLARA_AUTORESOLVE_THRESHOLD). */
    threshold: Threshold.nullable(),
    max_priority: z.enum(AUTO_RESOLVE_PRIORITIES),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'send at least one of mode, threshold, max_priority');
export type PutAutoResolveBody = z.infer<typeof PutAutoResolveBody>;

export const AutoResolveSettings = z.object({
  mode: z.enum(AUTO_ANSWER_MODES),
  /** The bar in force: a new ticket is answered and resolved when the answer confidence reaches it. */
  threshold: z.number(),
  source: z.enum(['setting', 'default']),
  default_threshold: z.number(),
  max_priority: z.enum(AUTO_RESOLVE_PRIORITIES),
});
export type AutoResolveSettings = z.infer<typeof AutoResolveSettings>;

export const AutoResolvePreviewQuery = z.object({
  threshold: z.coerce.number().pipe(Threshold).optional(),
  max_priority: z.enum(AUTO_RESOLVE_PRIORITIES).optional(),
});
export type AutoResolvePreviewQuery = z.infer<typeof AutoResolvePreviewQuery>;

/** "At this threshold, N of the last 30 days' tickets would have been resolved, M of them reopened." */
export const AutoResolvePreview = z.object({
  days: z.number(),
  threshold: z.number(),
  max_priority: z.enum(AUTO_RESOLVE_PRIORITIES),
  /** Tickets created in the window. */
  tickets: z.number(),
  /** Of them, tickets Clara found a cited answer for (resolved by it or suggested to an agent). */
  answered: z.number(),
  /** Of the answered, those this threshold and priority limit would have resolved. */
  would_resolve: z.number(),
  /** Of those, tickets Clara did resolve whose customer came back (reopened or "did not help"). */
  reopened: z.number(),
  /** Tickets Clara actually resolved by itself in the window, for comparison. */
  auto_resolved: z.number(),
});
export type AutoResolvePreview = z.infer<typeof AutoResolvePreview>;
