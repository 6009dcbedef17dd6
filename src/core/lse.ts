import type { Matrix } from './matrix';
import { fastExpNonPositive as expNonPositiveImported, SOFTMAX_CUTOFF } from './special';
import { checkBatch, checkFinite, checkLength, checkPositive } from './validate';

// Module-local binding: test runners that rewrite imports into property loads (vite-node) can still inline it.
const fastExpNonPositive = expNonPositiveImported;

/*
 * The log-sum-exp energy of the survey's associative memory (MATH.md §2a):
 *   E_β(x) = −β⁻¹ log Σ_μ exp(−(β/2)‖x − ξ_μ‖²),   ∇E_β(x) = x − ξᵀ w,   w = softmax_μ(−(β/2)‖x − ξ_μ‖²).
 * Every sum uses the max trick, so β up to 10⁶ never overflows.
 */

function checkMemories(memories: Matrix, name = 'memories'): void {
  if (!memories || memories.rows < 1 || memories.cols < 1) throw new Error(`${name}: need at least one pattern (empty pattern set)`);
}

/**
 * E_β(x) = −β⁻¹ log Σ_μ exp(−(β/2)‖x − ξ_μ‖²).  x: length d; memories: K×d. Mutates nothing.
 */
export function lseEnergy(x: ArrayLike<number>, memories: Matrix, beta: number): number {
  checkMemories(memories);
  checkLength(x, memories.cols, 'x');
  checkFinite(x, 'x');
  checkPositive(beta, 'beta');
  const { rows: K, cols: d, data } = memories;
  let maxA = -Infinity;
  const a = new Float64Array(K);
  for (let m = 0; m < K; m++) {
    let s = 0;
    for (let i = 0; i < d; i++) {
      const diff = x[i] - data[m * d + i];
      s += diff * diff;
    }
    a[m] = -0.5 * beta * s;
    if (a[m] > maxA) maxA = a[m];
  }
  let z = 0;
  for (let m = 0; m < K; m++) z += Math.exp(a[m] - maxA);
  return -(maxA + Math.log(z)) / beta;
}

/**
 * ∇E_β(x) = x − ξᵀ softmax(−(β/2)‖x − ξ_μ‖²).  Returns a new length-d array. Mutates nothing.
 */
export function lseGrad(x: ArrayLike<number>, memories: Matrix, beta: number): Float64Array {
  checkMemories(memories);
  checkLength(x, memories.cols, 'x');
  checkFinite(x, 'x');
  checkPositive(beta, 'beta');
  const xs = Float64Array.from(x as ArrayLike<number>);
  return lseGradBatch(xs, memories, beta, new Float64Array(xs.length));
}

/**
 * Batched ∇E_β for n particles. Allocation-free per particle: one K-length scratch array per call. Softmax terms
 * below e^{−50} of the largest are dropped (each < 2e-22 relative).
 * xs: n×d row-major (n = xs.length / d); out: same length as xs, overwritten with the gradients and returned.
 * `out` may alias `xs` only if the caller no longer needs the positions.
 */
export function lseGradBatch(xs: Float64Array, memories: Matrix, beta: number, out: Float64Array): Float64Array {
  checkMemories(memories);
  checkPositive(beta, 'beta');
  const { rows: K, cols: d, data } = memories;
  const n = checkBatch(xs, d, out);
  const w = new Float64Array(K);
  const halfBeta = 0.5 * beta;
  if (d === 2) {
    // The landscape figures' hot path: 2-D particles, unrolled.
    for (let p = 0; p < n; p++) {
      const x0 = xs[2 * p];
      const x1 = xs[2 * p + 1];
      let maxA = -Infinity;
      for (let m = 0; m < K; m++) {
        const d0 = x0 - data[2 * m];
        const d1 = x1 - data[2 * m + 1];
        const a = -halfBeta * (d0 * d0 + d1 * d1);
        w[m] = a;
        if (a > maxA) maxA = a;
      }
      let z = 0;
      let s0 = 0;
      let s1 = 0;
      for (let m = 0; m < K; m++) {
        const t = w[m] - maxA;
        if (t > SOFTMAX_CUTOFF) {
          const e = fastExpNonPositive(t);
          z += e;
          s0 += e * data[2 * m];
          s1 += e * data[2 * m + 1];
        }
      }
      out[2 * p] = x0 - s0 / z;
      out[2 * p + 1] = x1 - s1 / z;
    }
    return out;
  }
  for (let p = 0; p < n; p++) {
    const off = p * d;
    let maxA = -Infinity;
    for (let m = 0; m < K; m++) {
      let s = 0;
      for (let i = 0; i < d; i++) {
        const diff = xs[off + i] - data[m * d + i];
        s += diff * diff;
      }
      const a = -halfBeta * s;
      w[m] = a;
      if (a > maxA) maxA = a;
    }
    let z = 0;
    for (let m = 0; m < K; m++) {
      const t = w[m] - maxA;
      w[m] = t > SOFTMAX_CUTOFF ? fastExpNonPositive(t) : 0;
      z += w[m];
    }
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let m = 0; m < K; m++) s += w[m] * data[m * d + i];
      out[off + i] = xs[off + i] - s / z;
    }
  }
  return out;
}

/**
 * The memories' responsibilities at x and their weighted mean (the one-step denoised point):
 *   w_μ = softmax_μ(−(β/2)‖x − ξ_μ‖²),   mean = ξᵀw.
 * x: length d; memories: K×d; `w` (length K) and `mean` (length d) are overwritten. Unchecked: callers
 * validate their inputs. Returns `w`.
 */
export function lseWeightsInto(x: ArrayLike<number>, memories: Matrix, beta: number, w: Float64Array, mean: Float64Array): Float64Array {
  const { rows: K, cols: d, data } = memories;
  let maxA = -Infinity;
  for (let m = 0; m < K; m++) {
    let s = 0;
    for (let i = 0; i < d; i++) {
      const diff = x[i] - data[m * d + i];
      s += diff * diff;
    }
    w[m] = -0.5 * beta * s;
    if (w[m] > maxA) maxA = w[m];
  }
  let z = 0;
  for (let m = 0; m < K; m++) {
    w[m] = Math.exp(w[m] - maxA);
    z += w[m];
  }
  mean.fill(0);
  for (let m = 0; m < K; m++) {
    w[m] /= z;
    for (let i = 0; i < d; i++) mean[i] += w[m] * data[m * d + i];
  }
  return w;
}
