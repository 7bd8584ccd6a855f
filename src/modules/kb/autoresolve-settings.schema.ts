import { z } from 'zod';

// Below 0.5 the calibrated confidence stops meaning "probably right" (see `clara eval autoresolve`):
// the bar cannot be set lower, and 1 switches auto-resolve practically off.
export const AUTO_RESOLVE_MIN = 0.5;

export const PutAutoResolveBody = z.object({
  /** null goes back to the server default (CLARA_AUTORESOLVE_THRESHOLD). */
  threshold: z.number().min(AUTO_RESOLVE_MIN, `at least ${AUTO_RESOLVE_MIN}`).max(1, 'at most 1').nullable(),
});
export type PutAutoResolveBody = z.infer<typeof PutAutoResolveBody>;

export const AutoResolveSettings = z.object({
  /** The bar in force: a new ticket is answered and resolved when the answer confidence reaches it. */
  threshold: z.number(),
  source: z.enum(['setting', 'default']),
  default_threshold: z.number(),
});
export type AutoResolveSettings = z.infer<typeof AutoResolveSettings>;
