import { hostname } from 'node:os';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CoreContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { auditBy, auditChange } from '../audit';
import type { JobSummary } from '../../core/jobs';
import { Job, JobList, JobParams, JobsQuery, RecentLogList, RecentLogsQuery } from './system.schema';

const tags = ['system'];
const iso = (d: Date | string) => new Date(d).toISOString();

function toJob(j: JobSummary): Job {
  return {
    id: j.id,
    name: j.name,
    status: j.status,
    attempts: j.attempts,
    max_attempts: j.maxAttempts,
    last_error: j.lastError,
    run_at: iso(j.runAt),
    created_at: iso(j.createdAt),
  };
}

const PROCESS_ID = `${hostname()}:${process.pid}`;

// What an operator needs when something goes wrong: failed background jobs and recent errors.
export function systemAdminRoutes(ctx: CoreContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/system/logs',
      { config: { permission: 'system:read' }, schema: { tags, summary: "This process's latest warnings and errors", querystring: RecentLogsQuery, response: { 200: RecentLogList } } },
      async (req) => ({ process: PROCESS_ID, items: ctx.recentLogs.list({ minLevel: req.query.level, limit: req.query.limit }) }),
    );
    app.get(
      '/api/admin/jobs',
      { config: { permission: 'system:read' }, schema: { tags, summary: 'Background jobs by status (default: dead)', querystring: JobsQuery, response: { 200: JobList } } },
      async (req) => ({ items: (await ctx.jobs.list(req.query.status, req.query.limit)).map(toJob) }),
    );
    app.post(
      '/api/admin/jobs/:id/retry',
      { config: { permission: 'system:manage' }, schema: { tags, summary: 'Run a dead job again with fresh attempts', params: JobParams, response: { 200: Job } } },
      async (req) => {
        const job = await ctx.db.transaction(async (tx) => {
          const retried = await ctx.jobs.retry(req.params.id, tx);
          if (!retried) throw new AppError('NOT_FOUND', 'No dead job with this id.');
          await auditChange(ctx, tx, auditBy(req), {
            action: 'job.retried',
            targetType: 'job',
            targetId: String(retried.id),
            before: { status: 'dead' },
            after: { status: retried.status, attempts: retried.attempts },
            details: { name: retried.name, last_error: retried.lastError },
          });
          return retried;
        });
        return toJob(job);
      },
    );
  };
}
