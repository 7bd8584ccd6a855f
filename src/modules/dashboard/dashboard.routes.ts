import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CoreContext } from '../../core/context';
import { Dashboard, DashboardQuery } from './dashboard.schema';
import { getDashboard } from './dashboard.service';

export function dashboardRoutes(ctx: CoreContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/dashboard',
      {
        config: { permission: 'tickets:read' },
        schema: { tags: ['dashboard'], summary: 'Team overview: counts, SLA compliance, medians, volume, workload', querystring: DashboardQuery, response: { 200: Dashboard } },
      },
      async (req) => getDashboard(ctx, req.query),
    );
  };
}
