import type { DecodedAudio } from './audio-decode';

export const STT_ENGINES = ['whisper-server', 'transformers', 'pocketsphinx'] as const;
export type SttEngineName = (typeof STT_ENGINES)[number];

export interface TranscriptSegment {
  /** Seconds from the start of the recording. */
  start: number;
  end: number;
  text: string;
}

export interface Transcription {
  text: string;
  segments: TranscriptSegment[];
  /** Which model produced it, for the ticket's metadata ("pocketsphinx:domain-3f2a…"). */
  model: string;
}

export interface TranscribeOptions {
  /** PocketSphinx only: a domain language model and its trimmed dictionary. */
  languageModel?: { id: string; lmPath: string; dictPath: string } | null;
}

// Every speech-to-text engine behind one seam, like the classifier and the mailer.
export interface SpeechToText {
  readonly name: SttEngineName;
  transcribe(audio: DecodedAudio, opts?: TranscribeOptions): Promise<Transcription>;
}

export function joinSegments(segments: TranscriptSegment[]): string {
  return segments
    .map((s) => s.text.trim())
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
