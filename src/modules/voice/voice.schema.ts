import { z } from 'zod';

export const VoiceTicketFields = z.object({
  email: z.string().trim().toLowerCase().email().max(254).optional(),
  name: z.string().trim().min(1).max(120).optional(),
});
export type VoiceTicketFields = z.infer<typeof VoiceTicketFields>;

export const PublicVoiceTicketFields = VoiceTicketFields.required({ email: true });

export const TranscriptSegment = z.object({ start: z.number(), end: z.number(), text: z.string() });

export const VoiceRecording = z.object({
  ticket_id: z.string(),
  state: z.enum(['transcribing', 'transcribed', 'failed']),
  format: z.string(),
  mime_type: z.string(),
  size_bytes: z.number(),
  duration_ms: z.number(),
  model: z.string().nullable(),
  transcript: z.string().nullable(),
  segments: z.array(TranscriptSegment),
  recording_url: z.string(),
  created_at: z.string(),
  transcribed_at: z.string().nullable(),
});
export type VoiceRecording = z.infer<typeof VoiceRecording>;

export const MessageAudioParams = z.object({
  id: z.string().regex(/^(\d{1,9}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, 'a ticket id (uuid) or number'),
  mid: z.string().uuid(),
});
// The status page shows no message ids: a reply is addressed by its position in the public conversation.
export const PublicMessageAudioParams = z.object({ token: z.string().min(20).max(100), index: z.coerce.number().int().min(0).max(100_000) });
