import { readFileSync } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CoreContext } from '../../core/context';
import { Health } from './system.schema';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

type Feature = { enabled: boolean; detail: string };

type Extras = Pick<Health, 'retrieval' | 'voice'> & { features: Record<string, Feature> };

export function systemRoutes(ctx: CoreContext, extras: () => Extras): FastifyPluginAsyncZod {
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
        const extra = extras();
        const body = {
          status: ok ? ('ok' as const) : ('degraded' as const),
          version: VERSION,
          uptime_seconds: Math.round(process.uptime()),
          db: { driver: ctx.database.driver, vector: ctx.database.vector, ok },
          jobs,
          retrieval: extra.retrieval,
          features: {
            pgvector: {
              enabled: ctx.database.vector,
              detail: ctx.database.vector ? 'pgvector available' : 'pgvector is not installed in this PostgreSQL: semantic search is off, full-text search only',
            },
            ...extra.features,
          },
          ...(extra.voice ? { voice: extra.voice } : {}),
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
