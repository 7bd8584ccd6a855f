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

function direction(g: Float64Array, s: Float64Array[], y: Float64Array[], rho: number[]): Float64Array {
  const q = Float64Array.from(g, (v) => -v);
  const alpha = new Array<number>(s.length);
  for (let k = s.length - 1; k >= 0; k--) {
    alpha[k] = rho[k] * dot(s[k], q);
    for (let i = 0; i < q.length; i++) q[i] -= alpha[k] * y[k][i];
  }
  const last = s.length - 1;
  const gamma = last >= 0 ? dot(s[last], y[last]) / dot(y[last], y[last]) : 1 / Math.sqrt(dot(g, g) || 1);
  for (let i = 0; i < q.length; i++) q[i] *= gamma;
  for (let k = 0; k < s.length; k++) {
    const beta = rho[k] * dot(y[k], q);
    for (let i = 0; i < q.length; i++) q[i] += (alpha[k] - beta) * s[k][i];
  }
  return q;
}

/** Limited-memory BFGS with Armijo backtracking; deterministic for a deterministic objective. */
export function minimizeLbfgs(objective: Objective, x0: Float64Array, options: LbfgsOptions) {
  const { maxIterations, memory = 7, tolerance = 1e-6, onIteration } = options;
  let x = Float64Array.from(x0);
  let g = new Float64Array(x.length);
  let loss = objective(x, g);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  let iteration = 0;
  while (iteration < maxIterations) {
    iteration++;
    let d = direction(g, s, y, rho);
    let slope = dot(g, d);
    if (slope >= 0) {
      s.length = y.length = rho.length = 0;
      d = direction(g, s, y, rho);
      slope = dot(g, d);
    }
    const nextX = new Float64Array(x.length);
    const nextG = new Float64Array(x.length);
    let step = 1;
    let nextLoss = Infinity;
    for (let tries = 0; tries < 30; tries++, step *= 0.5) {
      for (let i = 0; i < x.length; i++) nextX[i] = x[i] + step * d[i];
      nextLoss = objective(nextX, nextG);
      if (nextLoss <= loss + 1e-4 * step * slope) break;
    }
    if (!(nextLoss < loss)) break;
    const sk = new Float64Array(x.length);
    const yk = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) {
      sk[i] = nextX[i] - x[i];
      yk[i] = nextG[i] - g[i];
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
      if (s.length > memory) {
        s.shift();
        y.shift();
        rho.shift();
      }
    }
    const decrease = (loss - nextLoss) / Math.max(1, Math.abs(loss));
    x = nextX;
    g = nextG;
    loss = nextLoss;
    onIteration?.(iteration, loss);
    if (decrease < tolerance) break;
  }
  return { x, loss, iterations: iteration };
}
