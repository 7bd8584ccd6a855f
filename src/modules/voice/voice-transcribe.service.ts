import { systemActor } from '../../core/rbac';
import { completePendingIntake } from '../tickets';
import { decodeAudio } from './audio-decode';
import type { Transcription } from './stt';
import type { VoiceContext } from './voice.context';
import { findRecordingByTicket, markRecording, noteTranscriptionError } from './voice.queries';
import type { VoiceRecordingRow } from './voice.table';
import { ensureLanguageModel } from './voice-lm.service';

export const TRANSCRIBE_JOB = 'voice.transcribe';
export const TRANSCRIBE_MAX_ATTEMPTS = 5;

/** The first words of the transcript, cut at a word boundary: what a customer would have typed as subject. */
export function subjectFromTranscript(text: string, max = 80): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return 'Voice message';
  const sentence = clean.charAt(0).toUpperCase() + clean.slice(1);
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 20 ? cut.lastIndexOf(' ') : max)}…`;
}

async function complete(ctx: VoiceContext, rec: VoiceRecordingRow, result: Transcription | null, error?: string) {
  const now = ctx.clock.now();
  const text = result?.text.trim() ?? '';
  const description = text || (result ? 'A voice message without recognisable speech: listen to the recording.' : 'A voice message that could not be transcribed automatically: listen to the recording.');
  const state = result ? 'transcribed' : 'failed';
  const voice = {
    state,
    duration_ms: rec.durationMs,
    format: rec.format,
    model: result?.model ?? null,
    segments: result?.segments ?? [],
    ...(error ? { error } : {}),
  };
  // The ticket's text, its classification and the recording's state change together.
  await completePendingIntake(ctx, systemActor, rec.ticketId, { subject: subjectFromTranscript(text), description, transcript: text || undefined, metadata: { voice } }, (tx) =>
    markRecording(tx, rec.id, { state, model: result?.model ?? null, lastError: error ?? null, transcribedAt: result ? now : null }),
  );
}

/**
 * The transcription job. A failure is retried with backoff; after the last attempt the ticket still
 * enters the normal intake (marked "failed", for a person to listen to) so it is never stuck.
 */
export async function transcribeTicket(ctx: VoiceContext, ticketId: string, job: { attempt: number; maxAttempts: number }): Promise<'transcribed' | 'failed' | 'skipped'> {
  const rec = await findRecordingByTicket(ctx.db, ticketId);
  if (!rec || rec.state !== 'transcribing') return 'skipped';
  try {
    await ctx.voice.start();
    const engine = ctx.voice.speechToText;
    if (!engine) throw new Error(ctx.voice.health.stt_detail);
    const audio = await decodeAudio(rec.audio, ctx.voice.ffmpeg);
    const languageModel = engine.name === 'pocketsphinx' && ctx.config.CLARA_VOICE_DOMAIN_LM ? await ensureLanguageModel(ctx) : null;
    const result = await engine.transcribe(audio, { languageModel });
    await complete(ctx, rec, result);
    return 'transcribed';
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await noteTranscriptionError(ctx.db, rec.id, message);
    if (job.attempt < job.maxAttempts) throw err;
    await complete(ctx, rec, null, message.slice(0, 500));
    return 'failed';
  }
}
