import { z } from 'zod';

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptime_seconds: z.number(),
  /** The process that answered (host:pid). */
  process: z.string(),
  db: z.object({ driver: z.enum(['pglite', 'postgres']), vector: z.boolean(), ok: z.boolean() }),
  jobs: z.object({ pending: z.number(), due: z.number(), running: z.number(), completed: z.number(), dead: z.number() }),
  retrieval: z.enum(['hybrid', 'fulltext']),
  features: z.record(z.string(), z.object({ enabled: z.boolean(), detail: z.string() })),
  /** The active speech engines of the voice channel. */
  voice: z.object({ stt: z.enum(['whisper-server', 'transformers', 'pocketsphinx', 'none']), tts: z.enum(['espeak-ng', 'command', 'none']) }).optional(),
});
export type Health = z.infer<typeof Health>;

/** What /health tells anyone: up or degraded, and whether it takes traffic (details need system:read). */
export const PublicHealth = z.object({ status: z.enum(['ok', 'degraded']), ready: z.boolean() });

export const RecentLogsQuery = z.object({
  level: z.enum(['warn', 'error', 'fatal']).default('warn'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const RecentLogList = z.object({
  /** Which Clara process answered (host:pid): with several processes, each keeps its own recent errors. */
  process: z.string(),
  items: z.array(
    z.object({
      time: z.string(),
      level: z.enum(['warn', 'error', 'fatal']),
      msg: z.string(),
      context: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
      err: z.object({ type: z.string(), message: z.string(), stack: z.string().nullable() }).nullable(),
    }),
  ),
});

export const JobsQuery = z.object({
  status: z.enum(['pending', 'running', 'dead']).default('dead'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const JobParams = z.object({ id: z.coerce.number().int().positive() });
export const Job = z.object({
  id: z.number(),
  name: z.string(),
  status: z.string(),
  attempts: z.number(),
  max_attempts: z.number(),
  last_error: z.string().nullable(),
  run_at: z.string(),
  created_at: z.string(),
});
export const JobList = z.object({ items: z.array(Job) });
export type Job = z.infer<typeof Job>;
export type RecentLogList = z.infer<typeof RecentLogList>;
