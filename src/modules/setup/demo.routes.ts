import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditBy } from '../audit';
import type { KbContext } from '../kb';
import type { TicketsContext } from '../tickets';
import { getDemoStatus, removeDemoData } from './demo.service';
import { DemoRemoval, DemoStatus } from './demo.schema';

const tags = ['admin'];

export function demoRoutes(ctx: TicketsContext & KbContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/demo',
      { config: { permission: 'settings:read' }, schema: { tags, summary: 'Whether the demo data is here, and how much of it', response: { 200: DemoStatus } } },
      async () => getDemoStatus(ctx),
    );
    app.delete(
      '/api/admin/demo',
      {
        config: { permission: 'system:manage' },
        schema: { tags, summary: 'Remove the demo: its tickets and customers, staff and unedited articles', response: { 200: DemoRemoval } },
      },
      async (req) => removeDemoData(ctx, auditBy(req)),
    );
  };
}
