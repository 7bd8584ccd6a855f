import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CoreContext } from '../../core/context';
import { AuditList, AuditQuery } from './audit.schema';
import { listAudit } from './audit.service';

export function auditRoutes(ctx: CoreContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/audit',
      {
        config: { permission: 'audit:read' },
        schema: { tags: ['admin'], summary: 'Audit log of admin actions', querystring: AuditQuery, response: { 200: AuditList } },
      },
      async (req) => listAudit(ctx, req.query),
    );
  };
}
