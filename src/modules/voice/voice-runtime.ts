import { access } from 'node:fs/promises';
import type { Config } from '../../core/config';
import type { Logger } from '../../core/logger';
import type { SpeechToText } from './stt';
import { pocketSphinxEngine, stockModel } from './stt-pocketsphinx';
import { loadTransformersEngine } from './stt-transformers';
import { whisperServerEngine } from './stt-whisper-server';
import { findExecutable } from './subprocess';
import { commandEngine, espeakEngine, type TextToSpeech } from './tts';

type Engine<T> = { engine: T | null; reason: string };

async function exists(...paths: string[]): Promise<boolean> {
  try {
    await Promise.all(paths.map((p) => access(p)));
    return true;
  } catch {
    return false;
  }
}

async function pocketSphinx(config: Config): Promise<Engine<SpeechToText>> {
  const binary = await findExecutable('pocketsphinx_continuous');
  const model = stockModel(config.CLARA_POCKETSPHINX_MODEL_DIR);
  if (!binary) return { engine: null, reason: 'pocketsphinx_continuous is not installed (Debian: pocketsphinx)' };
  if (!(await exists(model.hmm, model.lm, model.dict))) return { engine: null, reason: `no PocketSphinx model in ${config.CLARA_POCKETSPHINX_MODEL_DIR} (Debian: pocketsphinx-en-us)` };
  return { engine: pocketSphinxEngine({ binary, modelDir: config.CLARA_POCKETSPHINX_MODEL_DIR }), reason: 'PocketSphinx (offline; Whisper is more accurate)' };
}

async function transformers(config: Config): Promise<Engine<SpeechToText>> {
  if (!config.CLARA_STT_MODEL_DIR) return { engine: null, reason: 'CLARA_STT_MODEL_DIR is not set' };
  try {
    return { engine: await loadTransformersEngine(config.CLARA_STT_MODEL_DIR), reason: `Whisper from ${config.CLARA_STT_MODEL_DIR}` };
  } catch (err) {
    return { engine: null, reason: `Whisper model in ${config.CLARA_STT_MODEL_DIR} did not load: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function whisperServer(config: Config): Engine<SpeechToText> {
  if (!config.CLARA_STT_URL) return { engine: null, reason: 'CLARA_STT_URL is not set' };
  const engine = whisperServerEngine({ url: config.CLARA_STT_URL, model: config.CLARA_STT_MODEL, apiKey: config.CLARA_STT_API_KEY, timeoutMs: config.CLARA_STT_TIMEOUT_MS });
  return { engine, reason: `Whisper server at ${new URL(config.CLARA_STT_URL).host}` };
}

// auto: a configured Whisper server, else a local Whisper model, else PocketSphinx when installed.
export async function selectSpeechToText(config: Config): Promise<Engine<SpeechToText>> {
  switch (config.CLARA_STT_ENGINE) {
    case 'none':
      return { engine: null, reason: 'speech-to-text is switched off (CLARA_STT_ENGINE=none)' };
    case 'whisper-server':
      return whisperServer(config);
    case 'transformers':
      return transformers(config);
    case 'pocketsphinx':
      return pocketSphinx(config);
    case 'auto': {
      const reasons: string[] = [];
      for (const pick of [whisperServer, transformers, pocketSphinx]) {
        const found = await pick(config);
        if (found.engine) return found;
        reasons.push(found.reason);
      }
      return { engine: null, reason: `no speech-to-text engine: ${reasons.join('; ')}` };
    }
  }
}

export async function selectTextToSpeech(config: Config): Promise<Engine<TextToSpeech>> {
  if (config.CLARA_TTS_CMD) return { engine: commandEngine(config.CLARA_TTS_CMD), reason: 'CLARA_TTS_CMD' };
  const espeak = await findExecutable('espeak-ng');
  if (espeak) return { engine: espeakEngine(espeak, config.CLARA_TTS_VOICE), reason: `espeak-ng (${config.CLARA_TTS_VOICE})` };
  return { engine: null, reason: 'no text-to-speech: install espeak-ng or set CLARA_TTS_CMD' };
}

// Process-wide speech engines, found once in the background: a missing engine never stops Clara,
// it only turns voice intake (503) or spoken answers off.
export class VoiceRuntime {
  private stt: Engine<SpeechToText> = { engine: null, reason: 'looking for a speech-to-text engine' };
  private tts: Engine<TextToSpeech> = { engine: null, reason: 'looking for a text-to-speech engine' };
  private loading: Promise<void> | null = null;
  ffmpeg = 'ffmpeg';

  constructor(private readonly ctx: { config: Config; log: Logger }) {}

  start(): Promise<void> {
    this.loading ??= (async () => {
      const ffmpeg = await findExecutable('ffmpeg');
      if (ffmpeg) this.ffmpeg = ffmpeg;
      [this.stt, this.tts] = await Promise.all([
        ffmpeg ? selectSpeechToText(this.ctx.config) : { engine: null, reason: 'ffmpeg is not installed: recordings cannot be decoded' },
        selectTextToSpeech(this.ctx.config),
      ]);
      this.ctx.log.info({ stt: this.stt.engine?.name ?? 'none', tts: this.tts.engine?.name ?? 'none' }, 'voice engines ready');
    })();
    return this.loading;
  }

  get speechToText(): SpeechToText | null {
    return this.stt.engine;
  }

  get textToSpeech(): TextToSpeech | null {
    return this.tts.engine;
  }

  get health() {
    return {
      stt: this.stt.engine?.name ?? ('none' as const),
      tts: this.tts.engine?.name ?? ('none' as const),
      stt_detail: this.stt.reason,
      tts_detail: this.tts.reason,
    };
  }
}
