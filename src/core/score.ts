import { lseGradBatch } from './lse';
import { fastExpNonPositive as expNonPositiveImported, SOFTMAX_CUTOFF } from './special';
import type { Matrix } from './matrix';
import { checkBatch, checkFinite, checkLength, checkPositive } from './validate';

// Module-local binding: test runners that rewrite imports into property loads (vite-node) can still inline it.
const fastExpNonPositive = expNonPositiveImported;

/** The batched form of smoothedScore lives with the Table-1 steppers; re-exported here for discoverability. */
export { smoothedScoreBatch } from './resemblance';

/*
 * The bridge of MATH.md §2f (Ambrogioni): the score of the Gaussian-smoothed empirical distribution
 * p_σ(x) = (1/K) Σ_μ N(x; ξ_μ, σ²I) is −β∇E_β(x) with β = 1/σ², and one Tweedie denoising step is a modern
 * Hopfield update. Also the Ramsauer energy and update (MATH.md §2c).
 */

export function checkPatterns(m: Matrix, name: string): void {
  if (!m || !(m.rows >= 1) || !(m.cols >= 1) || !m.data || m.data.length !== m.rows * m.cols) {
    throw new Error(`${name}: need at least one pattern (empty pattern set)`);
  }
}

/**
 * ∇ₓ log p_σ(x) for p_σ = (1/K) Σ_μ N(x; ξ_μ, σ²I): = (ξᵀw − x)/σ² with w = softmax_μ(−‖x − ξ_μ‖²/(2σ²)),
 * which equals −β ∇E_β(x) at β = 1/σ² (MATH.md §2f). x: length d; data: K×d. Returns a new array.
 */
export function smoothedScore(x: ArrayLike<number>, data: Matrix, sigma: number): Float64Array {
  checkPatterns(data, 'data');
  checkLength(x, data.cols, 'x');
  checkFinite(x, 'x');
  checkPositive(sigma, 'sigma');
  const xs = Float64Array.from(x);
  return smoothedScoreInto(xs, data, sigma, new Float64Array(xs.length));
}

/** Batched smoothed score (n×d in, n×d out); the exported batched form is smoothedScoreBatch in resemblance.ts. */
function smoothedScoreInto(xs: Float64Array, data: Matrix, sigma: number, out: Float64Array): Float64Array {
  checkPositive(sigma, 'sigma');
  const beta = 1 / (sigma * sigma);
  lseGradBatch(xs, data, beta, out);
  for (let i = 0; i < out.length; i++) out[i] *= -beta;
  return out;
}

/**
 * Tweedie's one-step denoiser for the smoothed empirical distribution: D(x) = x + σ²∇log p_σ(x) = ξᵀ w with
 * w = softmax_μ(−‖x − ξ_μ‖²/(2σ²)). With equal pattern norms this is exactly modernHopfieldStep at β = 1/σ².
 * Returns a new array.
 */
export function tweedieDenoise(x: ArrayLike<number>, data: Matrix, sigma: number): Float64Array {
  const s = smoothedScore(x, data, sigma);
  const s2 = sigma * sigma;
  for (let i = 0; i < s.length; i++) s[i] = x[i] + s2 * s[i];
  return s;
}

/**
 * The modern Hopfield (Ramsauer) update x ← ξᵀ softmax(β ξ x), i.e. attention with the state as the query.
 * x: length d; memories: K×d. Returns a new array. A CCCP step: ramsauerEnergy never increases along it.
 */
export function modernHopfieldStep(x: ArrayLike<number>, memories: Matrix, beta: number): Float64Array {
  checkQuery(x, memories, beta);
  const xs = Float64Array.from(x);
  return modernHopfieldStepBatch(xs, memories, beta, new Float64Array(xs.length));
}

/**
 * Batched modern Hopfield update for n states (xs: n×d row-major). Writes ξᵀ softmax(β ξ x) of each row into
 * `out` and returns it. One K-length scratch per call; `out` must not alias `xs`.
 */
export function modernHopfieldStepBatch(xs: Float64Array, memories: Matrix, beta: number, out: Float64Array): Float64Array {
  checkPatterns(memories, 'memories');
  checkPositive(beta, 'beta');
  const { rows: K, cols: d, data } = memories;
  const n = checkBatch(xs, d, out);
  const w = new Float64Array(K);
  for (let p = 0; p < n; p++) {
    const off = p * d;
    let maxA = -Infinity;
    for (let m = 0; m < K; m++) {
      let s = 0;
      const mo = m * d;
      for (let i = 0; i < d; i++) s += data[mo + i] * xs[off + i];
      const a = beta * s;
      w[m] = a;
      if (a > maxA) maxA = a;
    }
    let z = 0;
    for (let m = 0; m < K; m++) {
      const t = w[m] - maxA;
      const e = t > SOFTMAX_CUTOFF ? fastExpNonPositive(t) : 0;
      w[m] = e;
      z += e;
    }
    for (let i = 0; i < d; i++) out[off + i] = 0;
    for (let m = 0; m < K; m++) {
      const c = w[m] / z;
      if (c === 0) continue;
      const mo = m * d;
      for (let i = 0; i < d; i++) out[off + i] += c * data[mo + i];
    }
  }
  return out;
}

/**
 * Ramsauer et al.'s energy E(x) = −β⁻¹ log Σ_μ exp(β ξ_μ·x) + ½xᵀx + β⁻¹ log K + ½M², M = max_μ ‖ξ_μ‖
 * (MATH.md §2c). Mutates nothing.
 */
export function ramsauerEnergy(x: ArrayLike<number>, memories: Matrix, beta: number): number {
  checkQuery(x, memories, beta);
  const { rows: K, cols: d, data } = memories;
  let maxA = -Infinity;
  let maxNorm2 = 0;
  const a = new Float64Array(K);
  for (let m = 0; m < K; m++) {
    let s = 0;
    let nn = 0;
    for (let i = 0; i < d; i++) {
      s += data[m * d + i] * x[i];
      nn += data[m * d + i] * data[m * d + i];
    }
    a[m] = beta * s;
    if (a[m] > maxA) maxA = a[m];
    if (nn > maxNorm2) maxNorm2 = nn;
  }
  let z = 0;
  for (let m = 0; m < K; m++) z += Math.exp(a[m] - maxA);
  let xx = 0;
  for (let i = 0; i < d; i++) xx += x[i] * x[i];
  return -(maxA + Math.log(z)) / beta + 0.5 * xx + Math.log(K) / beta + 0.5 * maxNorm2;
}

/** The checks of the single-state functions: a non-empty pattern set, a finite state of its dimension, β > 0. */
function checkQuery(x: ArrayLike<number>, memories: Matrix, beta: number): void {
  checkPatterns(memories, 'memories');
  checkLength(x, memories.cols, 'x');
  checkFinite(x, 'x');
  checkPositive(beta, 'beta');
}
