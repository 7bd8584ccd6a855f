import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TicketRef } from '../tickets';
import {
  ArticleDraft,
  ArticleDraftParams,
  PutArticleDraftBody,
  PutTicketDraftBody,
  TicketDraft,
  type ArticleDraftContent,
  type TicketDraftContent,
} from './drafts.schema';
import { discardDraft, getDraft, saveDraft, type DraftsContext } from './drafts.service';

const tags = ['drafts'];

// Each user's own drafts; a ticket draft needs the right to reply, an article draft the right to edit the knowledge base.
export function draftsRoutes(ctx: DraftsContext): FastifyPluginAsyncZod {
  return async (app) => {
    const ticket = { permission: 'tickets:write' as const };
    // Saved every few seconds while typing: the user's own scratch space, not an audited admin write.
    const article = { permission: 'kb:write' as const, personal: true };
    app.get(
      '/api/tickets/:id/draft',
      { config: ticket, schema: { tags, summary: 'My unsent reply or note on this ticket', params: TicketRef, response: { 200: TicketDraft } } },
      async (req) => getDraft<TicketDraftContent>(ctx, req.actor!, 'ticket', req.params.id),
    );
    app.put(
      '/api/tickets/:id/draft',
      { config: ticket, schema: { tags, summary: 'Save my unsent reply or note', params: TicketRef, body: PutTicketDraftBody, response: { 200: TicketDraft } } },
      async (req) => saveDraft(ctx, req.actor!, 'ticket', req.params.id, req.body.content),
    );
    app.delete(
      '/api/tickets/:id/draft',
      { config: ticket, schema: { tags, summary: 'Discard my unsent reply or note', params: TicketRef } },
      async (req, reply) => {
        await discardDraft(ctx, req.actor!, 'ticket', req.params.id);
        return reply.status(204).send();
      },
    );
    app.get(
      '/api/kb/drafts/:ref',
      { config: article, schema: { tags, summary: 'My unsaved edits of an article ("new" for a new one)', params: ArticleDraftParams, response: { 200: ArticleDraft } } },
      async (req) => getDraft<ArticleDraftContent>(ctx, req.actor!, 'article', req.params.ref),
    );
    app.put(
      '/api/kb/drafts/:ref',
      { config: article, schema: { tags, summary: 'Save my unsaved edits of an article', params: ArticleDraftParams, body: PutArticleDraftBody, response: { 200: ArticleDraft } } },
      async (req) => saveDraft(ctx, req.actor!, 'article', req.params.ref, req.body.content),
    );
    app.delete(
      '/api/kb/drafts/:ref',
      { config: article, schema: { tags, summary: 'Discard my unsaved edits of an article', params: ArticleDraftParams } },
      async (req, reply) => {
        await discardDraft(ctx, req.actor!, 'article', req.params.ref);
        return reply.status(204).send();
      },
    );
  };
}
