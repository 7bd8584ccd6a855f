import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PublicCreated, Ticket, TicketRef } from '../tickets';
import type { VoiceContext } from './voice.context';
import { createPublicVoiceTicket, createVoiceTicket } from './voice-intake.service';
import { getRecordingAudio, getVoiceRecording } from './voice-read.service';
import { speakPublicMessage, speakTicketMessage } from './voice-speech.service';
import { readAudioUpload } from './voice-upload';
import { MessageAudioParams, PublicMessageAudioParams, PublicVoiceTicketFields, VoiceRecording, VoiceTicketFields } from './voice.schema';

const tags = ['voice'];
const audioBody = { description: 'multipart/form-data: `audio` (WAV, MP3, OGG/Opus or WebM), optional `email`, `name`; or a raw audio/* body' };

async function acceptAudio(app: FastifyInstance, maxBytes: number): Promise<void> {
  await app.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 10 } });
  // Phone systems often POST the file itself; the body limit is the recording limit.
  app.addContentTypeParser(/^audio\//, { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
}

export function voiceRoutes(ctx: VoiceContext): FastifyPluginAsyncZod {
  const maxBytes = ctx.config.CLARA_VOICE_MAX_BYTES;
  return async (app) => {
    await acceptAudio(app, maxBytes);
    app.post(
      '/api/voice/tickets',
      { config: { permission: 'tickets:write' }, schema: { tags, summary: 'Open a ticket from a voice recording', description: audioBody.description, response: { 201: Ticket } } },
      async (req, reply) => {
        const upload = await readAudioUpload(req, maxBytes, VoiceTicketFields);
        const customer = upload.fields.email ? { email: upload.fields.email, name: upload.fields.name } : undefined;
        return reply.status(201).send(await createVoiceTicket(ctx, req.actor!, { bytes: upload.bytes, filename: upload.filename, customer }));
      },
    );
    app.get(
      '/api/voice/tickets/:id',
      { config: { permission: 'tickets:read' }, schema: { tags, summary: 'Transcript, segments and state of a voice ticket', params: TicketRef, response: { 200: VoiceRecording } } },
      async (req) => getVoiceRecording(ctx, req.params.id),
    );
    app.get(
      '/api/voice/tickets/:id/recording',
      { config: { permission: 'tickets:read' }, schema: { tags, summary: 'Download the original recording', params: TicketRef } },
      async (req, reply) => {
        const rec = await getRecordingAudio(ctx, req.params.id);
        return reply.header('content-type', rec.mimeType).header('content-disposition', `inline; filename="${rec.filename}"`).header('cache-control', 'private, max-age=3600').send(rec.audio);
      },
    );
    app.get(
      '/api/tickets/:id/messages/:mid/audio',
      { config: { permission: 'tickets:read' }, schema: { tags, summary: 'A public reply, spoken (WAV)', params: MessageAudioParams } },
      async (req, reply) => {
        const speech = await speakTicketMessage(ctx, req.params.id, req.params.mid);
        return reply.header('content-type', speech.mimeType).header('cache-control', 'private, max-age=86400').send(speech.audio);
      },
    );
  };
}

export function publicVoiceRoutes(ctx: VoiceContext): FastifyPluginAsyncZod {
  const maxBytes = ctx.config.CLARA_VOICE_MAX_BYTES;
  const rateLimit = { max: ctx.config.CLARA_PUBLIC_INTAKE_PER_MINUTE, timeWindow: '1 minute' };
  return async (app) => {
    await acceptAudio(app, maxBytes);
    app.post(
      '/api/public/voice/tickets',
      { config: { public: true, rateLimit }, schema: { tags: ['public', ...tags], summary: 'Leave a voice message without an account', description: audioBody.description, response: { 201: PublicCreated } } },
      async (req, reply) => {
        const upload = await readAudioUpload(req, maxBytes, PublicVoiceTicketFields);
        const base = ctx.config.CLARA_PUBLIC_URL ?? `${req.protocol}://${req.host}`;
        const customer = { email: upload.fields.email, name: upload.fields.name };
        return reply.status(201).send(await createPublicVoiceTicket(ctx, { bytes: upload.bytes, filename: upload.filename, customer }, base));
      },
    );
    app.get(
      '/api/public/tickets/:token/messages/:index/audio',
      { config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags: ['public', ...tags], summary: 'A reply on your ticket, spoken (WAV)', params: PublicMessageAudioParams } },
      async (req, reply) => {
        const speech = await speakPublicMessage(ctx, req.params.token, req.params.index);
        return reply.header('content-type', speech.mimeType).header('cache-control', 'private, max-age=86400').send(speech.audio);
      },
    );
  };
}

