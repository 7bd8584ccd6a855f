import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditBy } from '../audit';
import type { TicketsContext } from '../tickets';
import type { EmailContext } from './email.context';
import {
  CreateMailboxBody,
  IdParams,
  InboundEmail,
  InboundList,
  InboundQuery,
  Mailbox,
  MailboxList,
  MailStatus,
  OutboxEmail,
  OutboxList,
  OutboxQuery,
  Template,
  TemplateBody,
  TemplateList,
  TemplateParams,
  UpdateMailboxBody,
} from './email.schema';
import { listInboundEmails, retryInboundEmail } from './inbound-admin.service';
import { createMailbox, deleteMailbox, getMailbox, listMailboxes, updateMailbox } from './mailboxes.service';
import { mailStatus } from './mail-status.service';
import { listOutboxRows, retryOutboxEmail } from './outbox.service';
import { toOutboxEmail } from './outbox-view';
import { getTemplate, listTemplates, putTemplate, resetTemplate } from './templates.service';

const admin = ['admin'];
const manage = { permission: 'email:manage' as const };

export function emailRoutes(ctx: EmailContext & TicketsContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/outbox',
      { config: manage, schema: { tags: admin, summary: 'Outgoing email; ?status=dead lists the dead letters', querystring: OutboxQuery, response: { 200: OutboxList } } },
      async (req) => ({ items: (await listOutboxRows(ctx, req.query.status, req.query.limit)).map(toOutboxEmail) }),
    );
    app.get(
      '/api/admin/mail-status',
      { config: { permission: 'system:read' }, schema: { tags: admin, summary: 'Is outgoing mail sent, and how much waits or failed', response: { 200: MailStatus } } },
      async () => mailStatus(ctx),
    );
    app.post(
      '/api/admin/outbox/:id/retry',
      { config: manage, schema: { tags: admin, summary: 'Send a dead email again', params: IdParams, response: { 200: OutboxEmail } } },
      async (req) => toOutboxEmail(await retryOutboxEmail(ctx, auditBy(req), req.params.id)),
    );

    app.get(
      '/api/admin/inbound-emails',
      { config: manage, schema: { tags: admin, summary: 'Received email and what became of it; ?status=failed lists the failures', querystring: InboundQuery, response: { 200: InboundList } } },
      async (req) => listInboundEmails(ctx, req.query.status, req.query.limit),
    );
    app.post(
      '/api/admin/inbound-emails/:id/retry',
      { config: manage, schema: { tags: admin, summary: 'Process a failed email again', params: IdParams, response: { 200: InboundEmail } } },
      async (req) => retryInboundEmail(ctx, auditBy(req), req.params.id),
    );

    app.get('/api/admin/email-templates', { config: manage, schema: { tags: admin, summary: 'Email templates', response: { 200: TemplateList } } }, async () => listTemplates(ctx));
    app.get(
      '/api/admin/email-templates/:key',
      { config: manage, schema: { tags: admin, summary: 'An email template (the default until edited)', params: TemplateParams, response: { 200: Template } } },
      async (req) => getTemplate(ctx, req.params.key),
    );
    app.put(
      '/api/admin/email-templates/:key',
      { config: manage, schema: { tags: admin, summary: 'Edit an email template (mustache: {{ticket.number}})', params: TemplateParams, body: TemplateBody, response: { 200: Template } } },
      async (req) => putTemplate(ctx, auditBy(req), req.params.key, req.body),
    );
    app.delete(
      '/api/admin/email-templates/:key',
      { config: manage, schema: { tags: admin, summary: 'Back to the default template', params: TemplateParams, response: { 200: Template } } },
      async (req) => resetTemplate(ctx, auditBy(req), req.params.key),
    );

    app.get('/api/admin/mailboxes', { config: manage, schema: { tags: admin, summary: 'IMAP mailboxes Clara polls', response: { 200: MailboxList } } }, async () => listMailboxes(ctx));
    app.post(
      '/api/admin/mailboxes',
      { config: manage, schema: { tags: admin, summary: 'Add an IMAP mailbox (the password is stored encrypted)', body: CreateMailboxBody, response: { 201: Mailbox } } },
      async (req, reply) => reply.status(201).send(await createMailbox(ctx, auditBy(req), req.body)),
    );
    app.get(
      '/api/admin/mailboxes/:id',
      { config: manage, schema: { tags: admin, summary: 'An IMAP mailbox', params: IdParams, response: { 200: Mailbox } } },
      async (req) => getMailbox(ctx, req.params.id),
    );
    app.patch(
      '/api/admin/mailboxes/:id',
      { config: manage, schema: { tags: admin, summary: 'Change an IMAP mailbox', params: IdParams, body: UpdateMailboxBody, response: { 200: Mailbox } } },
      async (req) => updateMailbox(ctx, auditBy(req), req.params.id, req.body),
    );
    app.delete(
      '/api/admin/mailboxes/:id',
      { config: manage, schema: { tags: admin, summary: 'Remove an IMAP mailbox', params: IdParams, response: { 204: z.null() } } },
      async (req, reply) => {
        await deleteMailbox(ctx, auditBy(req), req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
