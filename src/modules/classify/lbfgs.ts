export interface LbfgsOptions {
  maxIterations: number;
  memory?: number;
  /** Stop when the relative loss decrease falls below this. */
  tolerance?: number;
  onIteration?: (iteration: number, loss: number) => void;
}

export type Objective = (x: Float64Array, gradient: Float64Array) => number;

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** Two-loop recursion, written into `q`; history pairs are ordered oldest first. */
function direction(q: Float64Array, g: Float64Array, s: Float64Array[], y: Float64Array[], rho: number[]): void {
  const alpha = new Array<number>(s.length);
  for (let i = 0; i < q.length; i++) q[i] = -g[i];
  for (let k = s.length - 1; k >= 0; k--) {
    const sk = s[k];
    const yk = y[k];
    const a = rho[k] * dot(sk, q);
    alpha[k] = a;
    for (let i = 0; i < q.length; i++) q[i] -= a * yk[i];
  }
  const last = s.length - 1;
  const gamma = last >= 0 ? dot(s[last], y[last]) / dot(y[last], y[last]) : 1 / Math.sqrt(dot(g, g) || 1);
  for (let i = 0; i < q.length; i++) q[i] *= gamma;
  for (let k = 0; k < s.length; k++) {
    const sk = s[k];
    const coef = alpha[k] - rho[k] * dot(y[k], q);
    for (let i = 0; i < q.length; i++) q[i] += coef * sk[i];
  }
}

/**
 * Limited-memory BFGS with Armijo backtracking; deterministic for a deterministic objective.
 * Vectors have one entry per weight (millions for a 77-class head), so every buffer is
 * allocated once and recycled: fresh arrays per iteration cost more than the math.
 */
export function minimizeLbfgs(objective: Objective, x0: Float64Array, options: LbfgsOptions) {
  const { maxIterations, memory = 7, tolerance = 1e-6, onIteration } = options;
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let nextX = new Float64Array(n);
  let nextG = new Float64Array(n);
  const d = new Float64Array(n);
  let loss = objective(x, g);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const spare: Float64Array[] = [];
  let iteration = 0;
  while (iteration < maxIterations) {
    iteration++;
    direction(d, g, s, y, rho);
    let slope = dot(g, d);
    if (slope >= 0) {
      spare.push(...s, ...y);
      s.length = y.length = rho.length = 0;
      direction(d, g, s, y, rho);
      slope = dot(g, d);
    }
    let step = 1;
    let nextLoss = Infinity;
    for (let tries = 0; tries < 30; tries++, step *= 0.5) {
      for (let i = 0; i < n; i++) nextX[i] = x[i] + step * d[i];
      nextLoss = objective(nextX, nextG);
      if (nextLoss <= loss + 1e-4 * step * slope) break;
    }
    if (!(nextLoss < loss)) break;
    const sk = spare.pop() ?? new Float64Array(n);
    const yk = spare.pop() ?? new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sk[i] = nextX[i] - x[i];
      yk[i] = nextG[i] - g[i];
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
      if (s.length > memory) {
        spare.push(s.shift()!, y.shift()!);
        rho.shift();
      }
    } else {
      spare.push(sk, yk);
    }
    const decrease = (loss - nextLoss) / Math.max(1, Math.abs(loss));
    [x, nextX] = [nextX, x];
    [g, nextG] = [nextG, g];
    loss = nextLoss;
    onIteration?.(iteration, loss);
    if (decrease < tolerance) break;
  }
  return { x, loss, iterations: iteration };
}
