import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Permission } from '../../core/rbac';
import { TicketRef } from '../tickets';
import { ArticleDraft, ArticleDraftParams, PutArticleDraftBody, PutTicketDraftBody, TicketDraft } from './drafts.schema';
import { discardDraft, getDraft, saveDraft, type DraftsContext } from './drafts.service';
import type { DraftKind } from './drafts.table';

const tags = ['drafts'];

interface DraftRoutes {
  url: string;
  kind: DraftKind;
  what: string;
  config: { permission: Permission; personal?: boolean };
  params: z.ZodObject<{ id: z.ZodTypeAny }> | z.ZodObject<{ ref: z.ZodTypeAny }>;
  body: typeof PutTicketDraftBody | typeof PutArticleDraftBody;
  response: typeof TicketDraft | typeof ArticleDraft;
}

// GET / PUT / DELETE of one kind of draft; `:id` or `:ref` names its target.
function register(app: FastifyInstance, ctx: DraftsContext, r: DraftRoutes) {
  const target = (params: unknown) => Object.values(params as Record<string, string>)[0]!;
  const schema = { tags, params: r.params };
  app.get(r.url, { config: r.config, schema: { ...schema, summary: `My ${r.what}`, response: { 200: r.response } } }, async (req) =>
    getDraft(ctx, req.actor!, r.kind, target(req.params)),
  );
  app.put(r.url, { config: r.config, schema: { ...schema, summary: `Save my ${r.what}`, body: r.body, response: { 200: r.response } } }, async (req) =>
    saveDraft(ctx, req.actor!, r.kind, target(req.params), (req.body as { content: Record<string, unknown> }).content),
  );
  app.delete(r.url, { config: r.config, schema: { ...schema, summary: `Discard my ${r.what}` } }, async (req, reply) => {
    await discardDraft(ctx, req.actor!, r.kind, target(req.params));
    return reply.status(204).send();
  });
}

// Each user's own drafts; a ticket draft needs the right to reply, an article draft the right to edit the knowledge base.
export function draftsRoutes(ctx: DraftsContext): FastifyPluginAsyncZod {
  return async (app) => {
    register(app as unknown as FastifyInstance, ctx, {
      url: '/api/tickets/:id/draft',
      kind: 'ticket',
      what: 'unsent reply or note on this ticket',
      config: { permission: 'tickets:write' },
      params: TicketRef,
      body: PutTicketDraftBody,
      response: TicketDraft,
    });
    register(app as unknown as FastifyInstance, ctx, {
      url: '/api/kb/drafts/:ref',
      kind: 'article',
      what: 'unsaved edits of an article ("new" for a new one)',
      // Saved every few seconds while typing: the user's own scratch space, not an audited admin write.
      config: { permission: 'kb:write', personal: true },
      params: ArticleDraftParams,
      body: PutArticleDraftBody,
      response: ArticleDraft,
    });
  };
}
