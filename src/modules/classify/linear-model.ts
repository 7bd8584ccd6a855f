import type { SparseVector } from './features.js';
import { minimizeLbfgs } from './lbfgs.js';

/** One softmax head; weights are feature-major: weights[feature * K + class]. */
export interface SoftmaxHead {
  classes: string[];
  weights: Float32Array;
  bias: Float32Array;
  temperature: number;
}

export interface SoftmaxTrainOptions {
  l2: number;
  maxIterations: number;
  onIteration?: (iteration: number, loss: number) => void;
}

export function rawLogits(head: Pick<SoftmaxHead, 'weights' | 'bias'>, x: SparseVector): Float64Array {
  const k = head.bias.length;
  const w = head.weights;
  const out = Float64Array.from(head.bias);
  for (let n = 0; n < x.indices.length; n++) {
    const base = x.indices[n] * k;
    const v = x.values[n];
    // Unrolled like `gather` below (kept apart: one function fed both float32 and float64
    // arrays would slow the training loop); ~40% faster per ticket.
    let c = 0;
    for (; c + 3 < k; c += 4) {
      out[c] += v * w[base + c];
      out[c + 1] += v * w[base + c + 1];
      out[c + 2] += v * w[base + c + 2];
      out[c + 3] += v * w[base + c + 3];
    }
    for (; c < k; c++) out[c] += v * w[base + c];
  }
  return out;
}

export function softmax(logits: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const z of logits) max = Math.max(max, z / temperature);
  const out = Float64Array.from(logits, (z) => Math.exp(z / temperature - max));
  let sum = 0;
  for (const p of out) sum += p;
  for (let c = 0; c < out.length; c++) out[c] /= sum;
  return out;
}

export function predictProba(head: SoftmaxHead, x: SparseVector): Float64Array {
  return softmax(rawLogits(head, x), head.temperature);
}

// The two hot loops of training, unrolled by hand (V8 does not): ~25% faster on 77 classes,
// with the same arithmetic per class, so trained weights stay byte-identical.
/** z[c] += v · w[base + c] for every class c. */
function gather(z: Float64Array, w: Float64Array, base: number, v: number, k: number): void {
  let c = 0;
  for (; c + 3 < k; c += 4) {
    z[c] += v * w[base + c];
    z[c + 1] += v * w[base + c + 1];
    z[c + 2] += v * w[base + c + 2];
    z[c + 3] += v * w[base + c + 3];
  }
  for (; c < k; c++) z[c] += v * w[base + c];
}

/** g[base + c] += v · z[c] for every class c. */
function scatter(g: Float64Array, base: number, z: Float64Array, v: number, k: number): void {
  let c = 0;
  for (; c + 3 < k; c += 4) {
    g[base + c] += v * z[c];
    g[base + c + 1] += v * z[c + 1];
    g[base + c + 2] += v * z[c + 2];
    g[base + c + 3] += v * z[c + 3];
  }
  for (; c < k; c++) g[base + c] += v * z[c];
}

/** Mean cross-entropy + (l2/2)·|W|² over sparse rows; bias is not regularized. */
export function trainSoftmax(
  rows: readonly SparseVector[],
  labels: Int32Array,
  classes: string[],
  dim: number,
  options: SoftmaxTrainOptions,
): SoftmaxHead {
  const k = classes.length;
  const wSize = dim * k;
  const inv = 1 / rows.length;
  const objective = (params: Float64Array, grad: Float64Array) => {
    grad.fill(0);
    let loss = 0;
    const z = new Float64Array(k);
    for (let i = 0; i < rows.length; i++) {
      const { indices, values } = rows[i];
      for (let c = 0; c < k; c++) z[c] = params[wSize + c];
      for (let n = 0; n < indices.length; n++) {
        gather(z, params, indices[n] * k, values[n], k);
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, z[c]);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += (z[c] = Math.exp(z[c] - max));
      loss -= Math.log(z[labels[i]] / sum);
      for (let c = 0; c < k; c++) z[c] = (z[c] / sum - (c === labels[i] ? 1 : 0)) * inv;
      for (let n = 0; n < indices.length; n++) {
        scatter(grad, indices[n] * k, z, values[n], k);
      }
      for (let c = 0; c < k; c++) grad[wSize + c] += z[c];
    }
    let reg = 0;
    for (let j = 0; j < wSize; j++) {
      reg += params[j] * params[j];
      grad[j] += options.l2 * params[j];
    }
    return loss * inv + 0.5 * options.l2 * reg;
  };
  const { x } = minimizeLbfgs(objective, new Float64Array(wSize + k), {
    maxIterations: options.maxIterations,
    onIteration: options.onIteration,
  });
  return {
    classes,
    weights: Float32Array.from(x.subarray(0, wSize)),
    bias: Float32Array.from(x.subarray(wSize)),
    temperature: 1,
  };
}

function meanNll(logits: readonly Float64Array[], labels: Int32Array, temperature: number): number {
  let total = 0;
  logits.forEach((z, i) => (total -= Math.log(Math.max(softmax(z, temperature)[labels[i]], 1e-12))));
  return total / logits.length;
}

/** Temperature scaling: golden-section search of the NLL over log T in [-3, 3]. */
export function fitTemperature(logits: readonly Float64Array[], labels: Int32Array): number {
  if (logits.length === 0) return 1;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let lo = -3;
  let hi = 3;
  for (let i = 0; i < 60; i++) {
    const a = hi - ratio * (hi - lo);
    const b = lo + ratio * (hi - lo);
    if (meanNll(logits, labels, Math.exp(a)) <= meanNll(logits, labels, Math.exp(b))) hi = b;
    else lo = a;
  }
  return Number(Math.exp((lo + hi) / 2).toFixed(4));
}
