import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CoreContext } from '../../core/context';
import { findQueues, findSlas } from './queues.queries';
import { QueueList, SlaList } from './queues.schema';
import { queueView } from './queues.service';

export function queuesRoutes(ctx: CoreContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/queues',
      { config: { permission: 'queues:read' }, schema: { tags: ['queues'], summary: 'List queues', response: { 200: QueueList } } },
      async () => ({ items: (await findQueues(ctx.db)).map(queueView) }),
    );
    app.get(
      '/api/slas',
      { config: { permission: 'queues:read' }, schema: { tags: ['queues'], summary: 'List SLA policies', response: { 200: SlaList } } },
      async () => ({
        items: (await findSlas(ctx.db)).map((s) => ({
          id: s.id,
          name: s.name,
          priority: s.priority,
          first_response_minutes: s.firstResponseMinutes,
          resolution_minutes: s.resolutionMinutes,
          active: s.active,
        })),
      }),
    );
  };
}
