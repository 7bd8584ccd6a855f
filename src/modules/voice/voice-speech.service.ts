import { createHash } from 'node:crypto';
import { AppError } from '../../core/errors';
import { hashToken } from '../../core/secrets';
import { findMessages, findTicketByTokenHash, getTicket } from '../tickets';
import { speakableText } from './tts';
import type { VoiceContext } from './voice.context';
import { findCachedSpeech, storeCachedSpeech } from './voice.queries';

export interface Speech {
  audio: Buffer;
  mimeType: string;
}

type PickMessage = (messages: Awaited<ReturnType<typeof findMessages>>) => { message: { body: string; authorType: string } } | undefined;

// Only what the customer was sent is spoken: an auto-answer or an agent's public reply.
async function speakMessage(ctx: VoiceContext, ticketId: string, pick: PickMessage): Promise<Speech> {
  const tts = ctx.voice.textToSpeech;
  if (!tts) throw new AppError('UNAVAILABLE', `Spoken answers are off: ${ctx.voice.health.tts_detail}.`);
  const message = pick(await findMessages(ctx.db, ticketId, { includeInternal: false }))?.message;
  const text = message && message.authorType !== 'customer' ? speakableText(message.body) : '';
  if (!text) throw new AppError('NOT_FOUND', 'This ticket has no public reply with that id.');
  const key = createHash('sha256').update(`${tts.id}\u0000${text}`).digest('hex');
  const cached = await findCachedSpeech(ctx.db, key);
  if (cached) return { audio: cached.audio, mimeType: cached.mimeType };
  const audio = await tts.synthesize(text);
  await storeCachedSpeech(ctx.db, { key, mimeType: 'audio/wav', audio, createdAt: ctx.clock.now() });
  return { audio, mimeType: 'audio/wav' };
}

export async function speakTicketMessage(ctx: VoiceContext, ticketRef: string, messageId: string): Promise<Speech> {
  const ticket = await getTicket(ctx, ticketRef);
  return speakMessage(ctx, ticket.id, (messages) => messages.find((m) => m.message.id === messageId));
}

/** `index` is the reply's position in the public conversation, as the status page lists it. */
export async function speakPublicMessage(ctx: VoiceContext, token: string, index: number): Promise<Speech> {
  const row = await findTicketByTokenHash(ctx.db, hashToken(token));
  if (!row) throw new AppError('TICKET_NOT_FOUND');
  return speakMessage(ctx, row.id, (messages) => messages[index]);
}
