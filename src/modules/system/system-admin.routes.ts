import { PROCESS_ID } from '../../core/process-id';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CoreContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { auditBy, auditChange, recordAudit } from '../audit';
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

// What an operator needs when something goes wrong: failed background jobs and recent errors.
export function systemAdminRoutes(ctx: CoreContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/backup',
      {
        config: { permission: 'system:manage' },
        schema: { tags, summary: 'A consistent copy of the embedded database while Clara runs (.tar.gz; restore with `clara restore`); PostgreSQL: use pg_dump' },
      },
      async (req, reply) => {
        if (!ctx.database.backup) throw new AppError('CONFLICT', 'Clara runs on PostgreSQL here: back it up with pg_dump (see docs/deploy.md).');
        const copy = Buffer.from(await (await ctx.database.backup()).arrayBuffer());
        await recordAudit(ctx, ctx.db, req.actor, { action: 'system.backup_downloaded', targetType: 'system', details: { bytes: copy.length }, ip: req.ip });
        const stamp = ctx.clock.now().toISOString().slice(0, 16).replace(/[-:T]/g, '');
        return reply
          .header('content-type', 'application/gzip')
          .header('content-disposition', `attachment; filename="clara-backup-${stamp}.tar.gz"`)
          .header('cache-control', 'no-store')
          .send(copy);
      },
    );
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
