import { z } from 'zod';
import { HEADS, type HeadName } from './example.js';
import { createVocabulary, type FeatureConfig, type Vocabulary } from './features.js';
import type { SoftmaxHead } from './linear-model.js';

export const ARTIFACT_FORMAT = 'clara-classifier';
export const FORMAT_VERSION = 1;

export interface TrainingInfo {
  seed: number;
  dataHash: string;
  sources: string[];
  rows: Partial<Record<HeadName, number>>;
  l2: number;
  maxIterations: number;
}

/**
 * Everything needed to classify; contains no timestamps so retraining is byte-identical.
 * A head is missing only when its training rows had no labels for it (the product needs all).
 */
export interface ClassifierModel {
  modelId: string;
  vocab: Vocabulary;
  heads: Partial<Record<HeadName, SoftmaxHead>>;
  training: TrainingInfo;
}

// int8 per class column: ~4x smaller than float32 and the rounding error on a logit
// is around 0.01, far below the margins that decide a label.
export function quantizeHead(head: SoftmaxHead): { head: SoftmaxHead; q: Int8Array; scales: Float32Array } {
  const k = head.classes.length;
  const scales = new Float32Array(k);
  for (let j = 0; j < head.weights.length; j++) {
    scales[j % k] = Math.max(scales[j % k], Math.abs(head.weights[j]));
  }
  for (let c = 0; c < k; c++) scales[c] = scales[c] / 127 || 1;
  const q = Int8Array.from(head.weights, (w, j) => Math.round(w / scales[j % k]));
  return { head: { ...head, weights: dequantize(q, scales) }, q, scales };
}

function dequantize(q: Int8Array, scales: Float32Array): Float32Array {
  const k = scales.length;
  return Float32Array.from(q, (v, j) => v * scales[j % k]);
}

const toBase64 = (view: ArrayBufferView) =>
  Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64');

function fromBase64(text: string): Uint8Array {
  const buffer = Buffer.from(text, 'base64');
  const copy = new Uint8Array(buffer.byteLength);
  copy.set(buffer);
  return copy;
}

export function serializeModel(model: ClassifierModel): string {
  const heads: Record<string, unknown> = {};
  for (const name of HEADS) {
    const head = model.heads[name];
    if (!head) continue;
    const { q, scales } = quantizeHead(head);
    heads[name] = {
      classes: head.classes,
      temperature: head.temperature,
      bias: Array.from(head.bias),
      scales: Array.from(scales),
      weights: toBase64(q),
    };
  }
  return JSON.stringify({
    format: ARTIFACT_FORMAT,
    formatVersion: FORMAT_VERSION,
    modelId: model.modelId,
    training: model.training,
    features: {
      config: model.vocab.config,
      words: model.vocab.words,
      chars: model.vocab.chars,
      idf: toBase64(model.vocab.idf),
    },
    heads,
  });
}

const HeadJson = z.object({
  classes: z.array(z.string()),
  temperature: z.number().positive(),
  bias: z.array(z.number()),
  scales: z.array(z.number()),
  weights: z.string(),
});

const ArtifactJson = z.object({
  format: z.literal(ARTIFACT_FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  modelId: z.string(),
  training: z.custom<TrainingInfo>((v) => typeof v === 'object' && v !== null),
  features: z.object({
    config: z.custom<FeatureConfig>((v) => typeof v === 'object' && v !== null),
    words: z.array(z.string()),
    chars: z.array(z.string()),
    idf: z.string(),
  }),
  heads: z.object({ category: HeadJson.optional(), priority: HeadJson.optional(), intent: HeadJson.optional() }),
});

export function parseModel(json: string): ClassifierModel {
  const data = ArtifactJson.parse(JSON.parse(json));
  const idfBytes = fromBase64(data.features.idf);
  const vocab = createVocabulary(
    data.features.config,
    data.features.words,
    data.features.chars,
    new Float32Array(idfBytes.buffer),
  );
  const dim = vocab.idf.length;
  const toHead = (h: z.infer<typeof HeadJson>): SoftmaxHead => {
    const q = new Int8Array(fromBase64(h.weights).buffer);
    if (q.length !== dim * h.classes.length) throw new Error('classifier artifact: weight size mismatch');
    return {
      classes: h.classes,
      temperature: h.temperature,
      bias: Float32Array.from(h.bias),
      weights: dequantize(q, Float32Array.from(h.scales)),
    };
  };
  const heads: ClassifierModel['heads'] = {};
  for (const name of HEADS) {
    const head = data.heads[name];
    if (head) heads[name] = toHead(head);
  }
  return { modelId: data.modelId, vocab, training: data.training, heads };
}
