import { access } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pcmToFloat32, type DecodedAudio } from './audio-decode';
import { joinSegments, type SpeechToText, type TranscriptSegment } from './stt';

interface AsrChunk {
  timestamp: [number, number | null];
  text: string;
}
type AsrOutput = { text: string; chunks?: AsrChunk[] };
type AsrPipeline = (audio: Float32Array, opts: Record<string, unknown>) => Promise<AsrOutput | AsrOutput[]>;

/**
 * Whisper in-process via @huggingface/transformers, from a local model folder (an ONNX export such
 * as onnx-community/whisper-base.en). Never downloads: a missing or broken folder throws here and the
 * caller falls back to another engine.
 */
export async function loadTransformersEngine(modelDir: string): Promise<SpeechToText> {
  await access(join(modelDir, 'config.json'));
  const { pipeline, env } = await import('@huggingface/transformers');
  env.localModelPath = dirname(modelDir);
  env.allowRemoteModels = false;
  const model = basename(modelDir);
  const asr = (await pipeline('automatic-speech-recognition', model)) as unknown as AsrPipeline;
  return {
    name: 'transformers',
    async transcribe(audio: DecodedAudio) {
      const raw = await asr(pcmToFloat32(audio.pcm), { return_timestamps: true, chunk_length_s: 30, stride_length_s: 5 });
      const out = Array.isArray(raw) ? raw[0]! : raw;
      const segments: TranscriptSegment[] = (out.chunks ?? [])
        .filter((c) => c.text.trim())
        .map((c) => ({ start: c.timestamp[0], end: c.timestamp[1] ?? audio.durationMs / 1000, text: c.text.trim() }));
      return { text: out.text.trim() || joinSegments(segments), segments, model: `transformers:${model}` };
    },
  };
}
