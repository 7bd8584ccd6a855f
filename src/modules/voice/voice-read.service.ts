import { AppError } from '../../core/errors';
import { getTicket } from '../tickets';
import type { VoiceContext } from './voice.context';
import { findRecordingByTicket, findRecordingMeta } from './voice.queries';
import type { VoiceRecording } from './voice.schema';

interface VoiceMetadata {
  segments?: { start: number; end: number; text: string }[];
}

export async function getVoiceRecording(ctx: VoiceContext, ticketRef: string): Promise<VoiceRecording> {
  const ticket = await getTicket(ctx, ticketRef);
  const rec = await findRecordingMeta(ctx.db, ticket.id);
  if (!rec) throw new AppError('NOT_FOUND', 'This ticket has no voice recording.');
  const voice = (ticket.metadata.voice ?? {}) as VoiceMetadata;
  return {
    ticket_id: ticket.id,
    state: rec.state,
    format: rec.format,
    mime_type: rec.mimeType,
    size_bytes: rec.sizeBytes,
    duration_ms: rec.durationMs,
    model: rec.model,
    transcript: ticket.transcript,
    segments: voice.segments ?? [],
    recording_url: `/api/voice/tickets/${ticket.id}/recording`,
    created_at: rec.createdAt.toISOString(),
    transcribed_at: rec.transcribedAt?.toISOString() ?? null,
  };
}

export async function getRecordingAudio(ctx: VoiceContext, ticketRef: string) {
  const ticket = await getTicket(ctx, ticketRef);
  const rec = await findRecordingByTicket(ctx.db, ticket.id);
  if (!rec) throw new AppError('NOT_FOUND', 'This ticket has no voice recording.');
  return { audio: rec.audio, mimeType: rec.mimeType, filename: `ticket-${ticket.number}.${rec.format}` };
}
