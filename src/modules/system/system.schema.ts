import { z } from 'zod';

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptime_seconds: z.number(),
  db: z.object({ driver: z.enum(['pglite', 'postgres']), vector: z.boolean(), ok: z.boolean() }),
  jobs: z.object({ pending: z.number(), running: z.number(), completed: z.number(), dead: z.number() }),
  retrieval: z.enum(['hybrid', 'fulltext']),
  features: z.record(z.string(), z.object({ enabled: z.boolean(), detail: z.string() })),
  /** The active speech engines of the voice channel. */
  voice: z.object({ stt: z.enum(['whisper-server', 'transformers', 'pocketsphinx', 'none']), tts: z.enum(['espeak-ng', 'command', 'none']) }).optional(),
});
export type Health = z.infer<typeof Health>;
