import type {} from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditBy } from '../audit';
import { TicketRef, type TicketsContext } from '../tickets';
import {
  Article,
  ArticleList,
  ArticleRef,
  AskBody,
  AskResponse,
  CreateArticleBody,
  ListArticlesQuery,
  PublicArticle,
  PublicSearchResponse,
  SearchQuery,
  SearchResponse,
  UpdateArticleBody,
  VersionList,
} from './kb.api.schema';
import { AutoResolvePreview, AutoResolvePreviewQuery, AutoResolveSettings, PutAutoResolveBody } from './autoresolve-settings.schema';
import { getAutoResolveSettings, previewAutoResolve, setAutoResolveSettings } from './autoresolve-settings.service';
import type { KbContext } from './kb.context';
import { askKb } from './kb-answer.service';
import { createArticle, deleteArticle, getArticle, getPublishedArticle, listArticles, listVersions, setArticleStatus, updateArticle } from './kb-articles.service';
import { ticketSuggestion } from './kb-autoresolve.service';
import { searchKb } from './kb-search.service';

const tags = ['knowledge base'];

export function kbRoutes(ctx: KbContext & TicketsContext): FastifyPluginAsyncZod {
  return async (app) => {
    const read = { permission: 'kb:read' as const };
    const write = { permission: 'kb:write' as const };
    app.get('/api/kb/articles', { config: read, schema: { tags, summary: 'List articles', querystring: ListArticlesQuery, response: { 200: ArticleList } } }, async (req) =>
      listArticles(ctx, req.query),
    );
    app.post('/api/kb/articles', { config: write, schema: { tags, summary: 'Create an article', body: CreateArticleBody, response: { 201: Article } } }, async (req, reply) =>
      reply.status(201).send(await createArticle(ctx, auditBy(req), req.body)),
    );
    app.get('/api/kb/articles/:id', { config: read, schema: { tags, summary: 'Get an article by id or slug', params: ArticleRef, response: { 200: Article } } }, async (req) =>
      getArticle(ctx, req.params.id),
    );
    app.patch(
      '/api/kb/articles/:id',
      { config: write, schema: { tags, summary: 'Edit an article (new version, re-indexed)', params: ArticleRef, body: UpdateArticleBody, response: { 200: Article } } },
      async (req) => updateArticle(ctx, auditBy(req), req.params.id, req.body),
    );
    app.post('/api/kb/articles/:id/publish', { config: write, schema: { tags, summary: 'Publish', params: ArticleRef, response: { 200: Article } } }, async (req) =>
      setArticleStatus(ctx, auditBy(req), req.params.id, 'published'),
    );
    app.post('/api/kb/articles/:id/unpublish', { config: write, schema: { tags, summary: 'Unpublish', params: ArticleRef, response: { 200: Article } } }, async (req) =>
      setArticleStatus(ctx, auditBy(req), req.params.id, 'draft'),
    );
    app.delete('/api/kb/articles/:id', { config: write, schema: { tags, summary: 'Delete (soft)', params: ArticleRef, response: { 204: z.null() } } }, async (req, reply) => {
      await deleteArticle(ctx, auditBy(req), req.params.id);
      return reply.status(204).send(null);
    });
    app.get('/api/kb/articles/:id/versions', { config: read, schema: { tags, summary: 'Saved versions', params: ArticleRef, response: { 200: VersionList } } }, async (req) =>
      listVersions(ctx, req.params.id),
    );
    app.get('/api/kb/search', { config: read, schema: { tags, summary: 'Hybrid search', querystring: SearchQuery, response: { 200: SearchResponse } } }, async (req) =>
      searchKb(ctx, req.query.q, req.query.limit),
    );
    app.post('/api/kb/ask', { config: read, schema: { tags, summary: 'Answer a question with citations', body: AskBody, response: { 200: AskResponse } } }, async (req) =>
      askKb(ctx, req.body.question),
    );
    app.get(
      '/api/tickets/:id/suggestion',
      { config: { permission: 'tickets:read' }, schema: { tags, summary: 'Suggested answer for a ticket', params: TicketRef, response: { 200: AskResponse.extend({ ticket_id: z.string() }) } } },
      async (req) => ticketSuggestion(ctx, req.params.id),
    );
    app.get(
      '/api/admin/settings/autoresolve',
      { config: { permission: 'settings:read' }, schema: { tags: ['admin'], summary: 'Auto-answer mode, confidence bar and priority limit', response: { 200: AutoResolveSettings } } },
      async () => getAutoResolveSettings(ctx),
    );
    app.get(
      '/api/admin/settings/autoresolve/preview',
      {
        config: { permission: 'settings:read' },
        schema: {
          tags: ['admin'],
          summary: "What a threshold and priority limit would have resolved among the last 30 days' tickets",
          querystring: AutoResolvePreviewQuery,
          response: { 200: AutoResolvePreview },
        },
      },
      async (req) => previewAutoResolve(ctx, req.query),
    );
    app.put(
      '/api/admin/settings/autoresolve',
      {
        config: { permission: 'settings:manage' },
        schema: { tags: ['admin'], summary: 'Set the auto-answer mode, confidence bar (null: the server default) or priority limit', body: PutAutoResolveBody, response: { 200: AutoResolveSettings } },
      },
      async (req) => setAutoResolveSettings(ctx, req.actor!, req.body, req.ip),
    );
    const publicLimit = { max: 60, timeWindow: '1 minute' };
    app.get(
      '/api/public/kb/search',
      { config: { public: true, rateLimit: publicLimit }, schema: { tags: ['public'], summary: 'Instant answers for the contact page', querystring: SearchQuery, response: { 200: PublicSearchResponse } } },
      async (req) => {
        const found = await searchKb(ctx, req.query.q, req.query.limit);
        const seen = new Set<string>();
        return { items: found.items.filter((i) => !seen.has(i.slug) && seen.add(i.slug)).map((i) => ({ slug: i.slug, title: i.title, snippet: i.snippet })) };
      },
    );
    app.get(
      '/api/public/kb/articles/:id',
      { config: { public: true, rateLimit: publicLimit }, schema: { tags: ['public'], summary: 'A published article', params: ArticleRef, response: { 200: PublicArticle } } },
      async (req) => getPublishedArticle(ctx, req.params.id),
    );
  };
}
