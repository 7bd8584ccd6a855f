import { readFileSync } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CoreContext } from '../../core/context';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptime_seconds: z.number(),
  db: z.object({ driver: z.enum(['pglite', 'postgres']), vector: z.boolean(), ok: z.boolean() }),
  jobs: z.object({ pending: z.number(), running: z.number(), completed: z.number(), dead: z.number() }),
  features: z.record(z.string(), z.object({ enabled: z.boolean(), detail: z.string() })),
});

export function systemRoutes(ctx: CoreContext, features: () => Record<string, { enabled: boolean; detail: string }>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      { config: { public: true }, schema: { tags: ['system'], summary: 'Health of Clara and its parts', response: { 200: Health, 503: Health } } },
      async (_req, reply) => {
        let ok = true;
        let jobs = { pending: 0, running: 0, completed: 0, dead: 0 };
        try {
          jobs = await ctx.jobs.stats();
        } catch {
          ok = false;
        }
        const body = {
          status: ok ? ('ok' as const) : ('degraded' as const),
          version: VERSION,
          uptime_seconds: Math.round(process.uptime()),
          db: { driver: ctx.database.driver, vector: ctx.database.vector, ok },
          jobs,
          features: {
            semantic_search: {
              enabled: ctx.database.vector,
              detail: ctx.database.vector ? 'pgvector available' : 'pgvector is not installed in this PostgreSQL: semantic search is off, full-text search only',
            },
            ...features(),
          },
        };
        return reply.status(ok ? 200 : 503).send(body);
      },
    );
    app.get('/metrics', { config: { public: true }, schema: { tags: ['system'], summary: 'Prometheus metrics', hide: true } }, async (_req, reply) => {
      const stats = await ctx.jobs.stats();
      for (const [status, n] of Object.entries(stats)) ctx.metrics.jobQueueDepth.set({ status }, n);
      return reply.header('content-type', ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics());
    });
  };
}
