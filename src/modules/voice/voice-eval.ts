import type { CoreContext } from '../../core/context';
import { decodeAudio } from './audio-decode';
import { pocketSphinxEngine } from './stt-pocketsphinx';
import { findExecutable } from './subprocess';
import { espeakEngine } from './tts';
import { ensureLanguageModel } from './voice-lm.service';
import { wordErrorRate } from './wer';

// Support sentences spoken by espeak-ng at test time. None of them is in the language-model corpus:
// the domain model has to generalise from the knowledge base and the classifier's texts.
export const VOICE_EVAL_SENTENCES = [
  'I was charged twice for my subscription, please refund me',
  'I forgot my password and cannot log in to my account',
  'Your website is down and nobody in our office can reach it',
  'Please cancel my subscription at the end of this month',
  'The mobile app crashes every time I open it',
  'I need a copy of my invoice for last month',
  'How do I add a new user to our team account',
  'The service has been down for two hours and we are losing money',
  'I would like to upgrade to the business plan',
  'The export to CSV shows an error message',
  'My credit card was declined when I tried to pay',
  'Can you tell me how to change the email address on my account',
] as const;

export interface VoiceEvalRow {
  reference: string;
  stock: string;
  domain: string;
}

export interface VoiceEvalReport {
  rows: VoiceEvalRow[];
  werStock: number;
  werDomain: number;
}

export async function evaluateVoice(
  ctx: Pick<CoreContext, 'db' | 'config' | 'log'>,
  opts: { sentences?: readonly string[]; onProgress?: (done: number, total: number) => void } = {},
): Promise<VoiceEvalReport> {
  const [binary, espeak, ffmpeg] = await Promise.all([findExecutable('pocketsphinx_continuous'), findExecutable('espeak-ng'), findExecutable('ffmpeg')]);
  if (!binary || !espeak || !ffmpeg) throw new Error('the voice eval needs pocketsphinx, espeak-ng and ffmpeg (Debian packages)');
  const engine = pocketSphinxEngine({ binary, modelDir: ctx.config.CLARA_POCKETSPHINX_MODEL_DIR });
  const tts = espeakEngine(espeak, 'en-us');
  const languageModel = await ensureLanguageModel(ctx);
  const sentences = opts.sentences ?? VOICE_EVAL_SENTENCES;
  const rows: VoiceEvalRow[] = [];
  for (const reference of sentences) {
    const audio = await decodeAudio(await tts.synthesize(reference), ffmpeg);
    const [stock, domain] = await Promise.all([engine.transcribe(audio), engine.transcribe(audio, { languageModel })]);
    rows.push({ reference, stock: stock.text, domain: domain.text });
    opts.onProgress?.(rows.length, sentences.length);
  }
  return {
    rows,
    werStock: wordErrorRate(rows.map((r) => ({ reference: r.reference, hypothesis: r.stock }))),
    werDomain: wordErrorRate(rows.map((r) => ({ reference: r.reference, hypothesis: r.domain }))),
  };
}
