import { wavFromPcm, type DecodedAudio } from './audio-decode';
import { joinSegments, type SpeechToText, type TranscriptSegment } from './stt';

export interface WhisperServerOptions {
  url: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
}

interface VerboseTranscription {
  text?: string;
  segments?: { start?: number; end?: number; text?: string }[];
}

/** Accepts the server's base URL or the full endpoint. */
export function transcriptionEndpoint(url: string): string {
  const u = new URL(url);
  const path = u.pathname.replace(/\/+$/, '');
  if (!path.endsWith('/audio/transcriptions')) u.pathname = `${path.endsWith('/v1') ? path : `${path}/v1`}/audio/transcriptions`;
  return u.toString();
}

// The OpenAI transcription API as whisper.cpp's server, faster-whisper-server and LocalAI speak it.
export function whisperServerEngine(opts: WhisperServerOptions): SpeechToText {
  const endpoint = transcriptionEndpoint(opts.url);
  return {
    name: 'whisper-server',
    async transcribe(audio: DecodedAudio) {
      const form = new FormData();
      form.append('file', new Blob([wavFromPcm(audio.pcm)], { type: 'audio/wav' }), 'audio.wav');
      form.append('model', opts.model);
      form.append('response_format', 'verbose_json');
      form.append('timestamp_granularities[]', 'segment');
      const res = await fetch(endpoint, {
        method: 'POST',
        body: form,
        headers: opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {},
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      if (!res.ok) throw new Error(`speech server answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
      const body = (await res.json()) as VerboseTranscription;
      const segments: TranscriptSegment[] = (body.segments ?? [])
        .filter((s) => typeof s.text === 'string' && s.text.trim())
        .map((s) => ({ start: Number(s.start ?? 0), end: Number(s.end ?? 0), text: s.text!.trim() }));
      const text = (body.text ?? joinSegments(segments)).trim();
      return { text, segments: segments.length ? segments : text ? [{ start: 0, end: audio.durationMs / 1000, text }] : [], model: `whisper-server:${opts.model}` };
    },
  };
}
