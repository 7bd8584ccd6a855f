import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { VoiceRecording as VoiceRecordingSchema } from '@shared/modules/voice/voice.schema';
import type { PublicCreated } from '@shared/modules/tickets/tickets.schema';
import { api, ApiError, NETWORK_ERROR_CODE, toApiError } from '../../../lib/api-client';

export type VoiceRecording = z.infer<typeof VoiceRecordingSchema>;
export type VoiceTicketCreated = z.infer<typeof PublicCreated>;

export const voiceKeys = { recording: (ticketId: string) => ['voice', 'recording', ticketId] as const };

/** Transcript, segments and state; polls while the recording is still being transcribed. */
export function useVoiceRecording(ticketId: string) {
  return useQuery({
    queryKey: voiceKeys.recording(ticketId),
    queryFn: ({ signal }) => api.get<VoiceRecording>(`/api/voice/tickets/${ticketId}`, undefined, signal),
    refetchInterval: (q) => (q.state.data?.state === 'transcribing' ? 3_000 : false),
  });
}

export interface VoiceMessageInput {
  audio: Blob;
  filename: string;
  email: string;
  name?: string;
}

// The JSON client cannot send files: a multipart upload to the public voice intake.
export async function sendVoiceMessage(input: VoiceMessageInput, fetchImpl: typeof fetch = fetch): Promise<VoiceTicketCreated> {
  const form = new FormData();
  form.append('email', input.email);
  if (input.name) form.append('name', input.name);
  form.append('audio', input.audio, input.filename);
  let res: Response;
  try {
    res = await fetchImpl('/api/public/voice/tickets', { method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError(0, NETWORK_ERROR_CODE, 'Cannot reach the Clara server. Check your connection and try again.');
  }
  const text = await res.text();
  if (!res.ok) throw toApiError(res.status, text);
  return JSON.parse(text) as VoiceTicketCreated;
}

export function useSendVoiceMessage() {
  return useMutation({ mutationFn: (input: VoiceMessageInput) => sendVoiceMessage(input) });
}
