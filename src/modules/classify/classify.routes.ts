import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ClassifierInfo, ClassifyBody, ClassifyResponse, RoutingResponse, RoutingTableBody, TrainBody, TrainQueued } from './classify.api.schema';
import type { ClassifyContext } from './classify.context';
import { classifyText, getClassifierInfo, requestTraining, setRouting } from './classify.service';

const tags = ['classifier'];

export function classifyRoutes(ctx: ClassifyContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/classify',
      {
        config: { permission: 'tickets:read' },
        schema: { tags, summary: 'Classify a ticket text (category, priority, intent, queue)', body: ClassifyBody, response: { 200: ClassifyResponse } },
      },
      async (req) => classifyText(ctx, req.body),
    );
    app.get(
      '/api/admin/classifier',
      { config: { permission: 'settings:read' }, schema: { tags, summary: 'Active model, metrics and routing', response: { 200: ClassifierInfo } } },
      async () => getClassifierInfo(ctx),
    );
    app.post(
      '/api/admin/classifier/train',
      {
        config: { permission: 'settings:manage' },
        schema: { tags, summary: 'Retrain with agent corrections (background job)', body: TrainBody, response: { 202: TrainQueued } },
      },
      async (req, reply) => reply.status(202).send(await requestTraining(ctx, req.actor!, req.body.sample)),
    );
    app.put(
      '/api/admin/classifier/routing',
      {
        config: { permission: 'settings:manage' },
        schema: { tags, summary: 'Edit the category × priority → queue routing table', body: RoutingTableBody, response: { 200: RoutingResponse } },
      },
      async (req) => setRouting(ctx, req.actor!, req.body, req.ip),
    );
  };
}
