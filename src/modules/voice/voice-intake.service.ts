import { AppError } from '../../core/errors';
import type { Actor } from '../../core/rbac';
import { hashToken, randomToken } from '../../core/secrets';
import { createPendingTicket, getTicket } from '../tickets';
import { AudioDecodeError, decodeAudio, type DecodedAudio } from './audio-decode';
import { AUDIO_MIME, sniffAudioFormat } from './audio-format';
import type { VoiceContext } from './voice.context';
import { insertRecording } from './voice.queries';
import { TRANSCRIBE_JOB } from './voice-transcribe.service';

export interface AudioUpload {
  bytes: Buffer;
  filename?: string;
  customer?: { email: string; name?: string };
}

// A voicemail forwarded by a phone system often has no e-mail address behind it.
const UNKNOWN_CALLER = { email: 'unknown-caller@voice.invalid', name: 'Unknown caller' };
export const TRANSCRIBING_SUBJECT = 'Voice message (transcribing…)';

function requireEngine(ctx: VoiceContext): void {
  if (!ctx.voice.speechToText) {
    throw new AppError('UNAVAILABLE', `Voice messages cannot be accepted right now: ${ctx.voice.health.stt_detail}.`);
  }
}

/** Rejects what cannot become a transcript before anything is stored. */
export async function checkRecording(ctx: VoiceContext, bytes: Buffer): Promise<DecodedAudio & { format: keyof typeof AUDIO_MIME }> {
  const format = sniffAudioFormat(bytes);
  if (!format) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the recording as WAV, MP3, OGG/Opus or WebM audio.');
  let audio: DecodedAudio;
  try {
    audio = await decodeAudio(bytes, ctx.voice.ffmpeg);
  } catch (err) {
    if (err instanceof AudioDecodeError) throw new AppError('BAD_REQUEST', `The ${format.toUpperCase()} file could not be decoded: it is corrupt or holds no audio.`);
    throw err;
  }
  const max = ctx.config.CLARA_VOICE_MAX_SECONDS;
  if (audio.durationMs > max * 1000) {
    throw new AppError('BAD_REQUEST', `The recording is ${Math.round(audio.durationMs / 1000)} seconds long; the limit is ${max} seconds.`);
  }
  if (audio.durationMs < 200) throw new AppError('BAD_REQUEST', 'The recording is too short to hold a message.');
  return { ...audio, format };
}

// The ticket, its recording and the transcription job are written in one transaction: either the
// customer gets a ticket number and the audio is safe, or nothing was stored.
async function storeVoiceTicket(ctx: VoiceContext, actor: Actor, upload: AudioUpload, publicTokenHash?: string) {
  requireEngine(ctx);
  const audio = await checkRecording(ctx, upload.bytes);
  return createPendingTicket(
    ctx,
    actor,
    {
      subject: TRANSCRIBING_SUBJECT,
      description: 'A voice message is being transcribed.',
      channel: 'voice',
      customer: upload.customer ?? UNKNOWN_CALLER,
      publicTokenHash,
      metadata: { voice: { state: 'transcribing', duration_ms: audio.durationMs, format: audio.format } },
    },
    async (tx, ticket) => {
      await insertRecording(tx, {
        ticketId: ticket.id,
        format: audio.format,
        mimeType: AUDIO_MIME[audio.format],
        filename: upload.filename?.slice(0, 200) ?? null,
        sizeBytes: upload.bytes.length,
        durationMs: audio.durationMs,
        audio: upload.bytes,
        createdAt: ticket.createdAt,
      });
      await ctx.jobs.enqueue(tx, TRANSCRIBE_JOB, { ticketId: ticket.id }, { singletonKey: `voice:${ticket.id}` });
    },
  );
}

export async function createVoiceTicket(ctx: VoiceContext, actor: Actor, upload: AudioUpload) {
  const row = await storeVoiceTicket(ctx, actor, upload);
  return getTicket(ctx, row.id);
}

export async function createPublicVoiceTicket(ctx: VoiceContext, upload: AudioUpload & { customer: { email: string; name?: string } }, baseUrl: string) {
  const token = randomToken(24);
  const row = await storeVoiceTicket(ctx, { type: 'system', id: null }, upload, hashToken(token));
  return { number: row.number, token, status: row.status, status_url: `${baseUrl}/api/public/tickets/${token}` };
}
