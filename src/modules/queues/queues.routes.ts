import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CoreContext } from '../../core/context';
import { findQueues, findSlas } from './queues.queries';
import { Queue, QueueList, QueueParams, SlaList, UpdateQueueBody } from './queues.schema';
import { queueView, updateQueue } from './queues.service';

export function queuesRoutes(ctx: CoreContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/queues',
      { config: { permission: 'queues:read' }, schema: { tags: ['queues'], summary: 'List queues', response: { 200: QueueList } } },
      async () => ({ items: (await findQueues(ctx.db)).map(queueView) }),
    );
    app.patch(
      '/api/queues/:id',
      {
        config: { permission: 'queues:manage' },
        schema: { tags: ['queues'], summary: "Change a queue's description (the classifier reads it too)", params: QueueParams, body: UpdateQueueBody, response: { 200: Queue } },
      },
      async (req) => updateQueue(ctx, req.actor!, req.params.id, req.body, req.ip),
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
