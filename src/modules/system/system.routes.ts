import { timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CoreContext } from '../../core/context';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import { can } from '../../core/rbac';
import { Health, PublicHealth } from './system.schema';
import { PROCESS_ID } from '../../core/process-id';

// Prometheus scrapes with the token; a lead or admin may look in the browser.
function metricsAllowed(req: FastifyRequest, token: string | undefined): boolean {
  const auth = req.headers.authorization;
  if (token && typeof auth === 'string' && auth.startsWith('Bearer ')) {
    const given = Buffer.from(auth.slice(7));
    const expected = Buffer.from(token);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
  }
  return req.actor?.type === 'user' && can(req.actor.role, 'system:read');
}

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

type Feature = { enabled: boolean; detail: string };

type Extras = Pick<Health, 'retrieval' | 'voice'> & { features: Record<string, Feature> };

export function systemRoutes(ctx: CoreContext, extras: () => Extras): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { public: true, identify: true },
        schema: {
          tags: ['system'],
          summary: 'Up or degraded, for load balancers; the version, database, jobs and features for staff with system:read',
          response: { 200: z.union([Health, PublicHealth]), 503: z.union([Health, PublicHealth]) },
        },
      },
      async (req, reply) => {
        let ok = true;
        let jobs = { pending: 0, due: 0, running: 0, completed: 0, dead: 0 };
        try {
          jobs = await ctx.jobs.stats();
        } catch {
          ok = false;
        }
        if (!req.actor || req.actor.type !== 'user' || !can(req.actor.role, 'system:read')) {
          return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', ready: ok });
        }
        const extra = extras();
        const body = {
          status: ok ? ('ok' as const) : ('degraded' as const),
          version: VERSION,
          uptime_seconds: Math.round(process.uptime()),
          process: PROCESS_ID,
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
    app.get('/metrics', { config: { public: true, identify: true }, schema: { tags: ['system'], summary: 'Prometheus metrics', hide: true } }, async (req, reply) => {
      if (!metricsAllowed(req, ctx.config.CLARA_METRICS_TOKEN)) {
        throw new AppError('UNAUTHENTICATED', 'Metrics need Authorization: Bearer <CLARA_METRICS_TOKEN>, or a login with system:read.');
      }
      const stats = await ctx.jobs.stats();
      for (const [status, n] of Object.entries(stats)) ctx.metrics.jobQueueDepth.set({ status }, n);
      return reply.header('content-type', ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics());
    });
  };
}
