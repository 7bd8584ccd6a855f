import fastifyMultipart from '@fastify/multipart';
import type {} from '@fastify/rate-limit';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readUploadedFile } from './attachment-upload';
import { downloadAttachment, downloadPublicAttachment, listAttachments, uploadFile, uploaderOf } from './attachments.service';
import type { TicketsContext } from './tickets.context';
import { AttachmentParams, PublicAttachmentParams, TicketAttachment, TicketAttachmentList, TicketRef, UPLOAD_ACCEPT } from './tickets.schema';

const uploadDescription = `multipart/form-data with one file in the field \`file\`. Accepted: ${UPLOAD_ACCEPT}. Send the returned id in \`attachment_ids\` with the message; an upload never sent is deleted after a day.`;

// Always a download with the sniffed type: an attached HTML page must not run in Clara's origin.
function sendFile(reply: FastifyReply, file: { filename: string; contentType: string; content: Buffer }) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(file.content);
}

export function attachmentsRoutes(ctx: TicketsContext): FastifyPluginAsyncZod {
  const maxBytes = ctx.config.CLARA_UPLOAD_MAX_BYTES;
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 5 } });
    app.post(
      '/api/uploads',
      { config: { permission: 'tickets:write' }, schema: { tags: ['tickets'], summary: 'Upload a file to attach to a reply or note', description: uploadDescription, response: { 201: TicketAttachment } } },
      async (req, reply) => reply.status(201).send(await uploadFile(ctx, uploaderOf(req.actor!), await readUploadedFile(req, maxBytes))),
    );
    app.post(
      '/api/public/uploads',
      {
        config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: { tags: ['public'], summary: 'Upload a file to attach to a new ticket or a reply', description: uploadDescription, response: { 201: TicketAttachment } },
      },
      async (req, reply) => reply.status(201).send(await uploadFile(ctx, { origin: 'customer' }, await readUploadedFile(req, maxBytes))),
    );
    app.get(
      '/api/tickets/:id/attachments',
      { config: { permission: 'tickets:read' }, schema: { tags: ['tickets'], summary: "Files on a ticket's messages", params: TicketRef, response: { 200: TicketAttachmentList } } },
      async (req) => listAttachments(ctx, req.params.id),
    );
    app.get(
      '/api/attachments/:id',
      { config: { permission: 'tickets:read' }, schema: { tags: ['tickets'], summary: 'Download an attachment', params: AttachmentParams } },
      async (req, reply) => sendFile(reply, await downloadAttachment(ctx, req.actor!, req.params.id)),
    );
    app.get(
      '/api/public/tickets/:token/attachments/:id',
      {
        config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: { tags: ['public'], summary: 'Download a file on your ticket', params: PublicAttachmentParams },
      },
      async (req, reply) => sendFile(reply, await downloadPublicAttachment(ctx, req.params.token, req.params.id)),
    );
  };
}
