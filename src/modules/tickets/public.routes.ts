import type {} from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createPublicTicket, getPublicTicket, giveAutoAnswerFeedback, replyAsCustomer } from './public-intake.service';
import type { TicketsContext } from './tickets.context';
import { PublicCreated, PublicCreateTicketBody, PublicFeedbackBody, PublicReplyBody, PublicTicket, PublicTokenParams } from './tickets.schema';

const tags = ['public'];

export function publicTicketsRoutes(ctx: TicketsContext): FastifyPluginAsyncZod {
  const rateLimit = { max: ctx.config.CLARA_PUBLIC_INTAKE_PER_MINUTE, timeWindow: '1 minute' };
  return async (app) => {
    app.post(
      '/api/public/tickets',
      {
        config: { public: true, rateLimit },
        schema: { tags, summary: 'Open a ticket without an account', body: PublicCreateTicketBody, response: { 201: PublicCreated } },
      },
      async (req, reply) => {
        const base = ctx.config.CLARA_PUBLIC_URL ?? `${req.protocol}://${req.host}`;
        return reply.status(201).send(await createPublicTicket(ctx, req.body, base));
      },
    );
    app.get(
      '/api/public/tickets/:token',
      {
        config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: { tags, summary: 'Status and public messages of a ticket', params: PublicTokenParams, response: { 200: PublicTicket } },
      },
      async (req) => getPublicTicket(ctx, req.params.token),
    );
    app.post(
      '/api/public/tickets/:token/messages',
      {
        config: { public: true, rateLimit },
        schema: { tags, summary: 'Reply as the customer', params: PublicTokenParams, body: PublicReplyBody, response: { 201: PublicTicket } },
      },
      async (req, reply) => reply.status(201).send(await replyAsCustomer(ctx, req.params.token, req.body)),
    );
    app.post(
      '/api/public/tickets/:token/feedback',
      {
        config: { public: true, rateLimit },
        schema: {
          tags,
          summary: "Say whether Clara's automatic answer helped; \"did not help\" reopens the ticket for the team",
          params: PublicTokenParams,
          body: PublicFeedbackBody,
          response: { 200: PublicTicket },
        },
      },
      async (req) => giveAutoAnswerFeedback(ctx, req.params.token, req.body),
    );
  };
}
