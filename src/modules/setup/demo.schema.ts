import { z } from 'zod';

export const DemoStatus = z.object({
  /** Demo tickets, active demo staff or demo articles are still here. */
  present: z.boolean(),
  tickets: z.number(),
  users: z.number(),
  articles: z.number(),
  loaded_at: z.string().nullable(),
  removed_at: z.string().nullable(),
});
export type DemoStatus = z.infer<typeof DemoStatus>;

export const DemoRemoval = z.object({
  tickets: z.number(),
  customers: z.number(),
  /** Demo staff who did real work since are deactivated, not deleted. */
  users: z.object({ deleted: z.number(), deactivated: z.number() }),
  /** Demo articles the team edited stay. */
  articles: z.object({ deleted: z.number(), kept_edited: z.number() }),
});
export type DemoRemoval = z.infer<typeof DemoRemoval>;
