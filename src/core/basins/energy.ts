import type { Matrix } from '../matrix';
import { checkInt, checkPositive } from '../validate';

/*
 * Separation functions in a picture. Binary patterns of N neurons all lie on a sphere of radius √N, and what a
 * dense associative memory feels is the overlap ξ_μ · σ. The two-dimensional analogue used by the
 * separation-functions figure keeps exactly that: memories ξ_μ are unit vectors (points on the unit circle),
 * the state x lives in the unit disk (the analogue of the hypercube's relaxation), and the overlap is
 * m_μ(x) = ξ_μ · x ∈ [−1, 1]. The energy of a dense associative memory (Krotov & Hopfield 2016,
 * Demircigil et al. 2017) is then
 *   E(x) = −Σ_μ F(ξ_μ · x),  with F(m) = mⁿ, max(m, 0)ⁿ or e^{βm},
 * and n = 2 is the classical Hopfield energy −½ xᵀ(Σ_μ ξ_μ ξ_μᵀ)x (survey Eq. 17 with linear memory neurons).
 */

/** A separation function F of the dense associative memory: polynomial, rectified polynomial or exponential. */
export type BasinSeparation = { kind: 'poly'; n: number } | { kind: 'rectified'; n: number } | { kind: 'exp'; beta: number };

/** F(m) for a separation function (no scaling). */
export function basinF(F: BasinSeparation, m: number): number {
  if (F.kind === 'poly') return m ** F.n;
  if (F.kind === 'rectified') return m > 0 ? m ** F.n : 0;
  return Math.exp(F.beta * m);
}

/** Throws unless F is a valid separation function (n an integer in [1, 64], or β > 0). */
export function checkBasinSeparation(F: BasinSeparation): void {
  if (F.kind === 'exp') checkPositive(F.beta, 'beta');
  else checkInt(F.n, 1, 64, 'n');
}

/**
 * E(x) = −Σ_μ F(ξ_μ · x) at a 2-D point (x, y), for memories given as the rows of a K × 2 matrix.
 * For the exponential it returns −β⁻¹ log Σ_μ e^{β ξ_μ·x}, a monotone transform of −Σ e^{β ξ_μ·x} with the
 * same minima that never overflows.
 */
export function basinEnergy(x: number, y: number, memories: Matrix, F: BasinSeparation): number {
  if (memories.cols !== 2) throw new Error(`memories: need 2 columns (got ${memories.cols})`);
  checkBasinSeparation(F);
  const d = memories.data;
  if (F.kind === 'exp') {
    let mx = -Infinity;
    for (let k = 0; k < memories.rows; k++) mx = Math.max(mx, d[2 * k] * x + d[2 * k + 1] * y);
    let s = 0;
    for (let k = 0; k < memories.rows; k++) s += Math.exp(F.beta * (d[2 * k] * x + d[2 * k + 1] * y - mx));
    return -(mx + Math.log(s) / F.beta);
  }
  let e = 0;
  for (let k = 0; k < memories.rows; k++) e -= basinF(F, d[2 * k] * x + d[2 * k + 1] * y);
  return e;
}

/** Scratch for F′(m_μ), grown on demand (basinDirection runs millions of times per basin map). */
let fpScratch = new Float64Array(16);

/**
 * A positive multiple of −∇E at (x, y), written into out[0..1]: Σ_μ w_μ ξ_μ with w_μ = F′(m_μ) / max_ν |F′(m_ν)|.
 * Scaling by a positive factor keeps the flow lines, so the basins are those of the gradient flow of E, and
 * it keeps every separation function's steps the same size (F = e^{βm} would otherwise overflow).
 */
export function basinDirection(x: number, y: number, memories: Matrix, F: BasinSeparation, out: Float64Array): Float64Array {
  const d = memories.data;
  const K = memories.rows;
  let gx = 0;
  let gy = 0;
  if (F.kind === 'exp') {
    let mx = -Infinity;
    for (let k = 0; k < K; k++) mx = Math.max(mx, d[2 * k] * x + d[2 * k + 1] * y);
    for (let k = 0; k < K; k++) {
      const w = Math.exp(F.beta * (d[2 * k] * x + d[2 * k + 1] * y - mx));
      gx += w * d[2 * k];
      gy += w * d[2 * k + 1];
    }
  } else {
    const n = F.n;
    if (fpScratch.length < K) fpScratch = new Float64Array(2 * K);
    const fp = fpScratch;
    let big = 0;
    for (let k = 0; k < K; k++) {
      const m = d[2 * k] * x + d[2 * k + 1] * y;
      // F′(m) = n m^{n−1} by repeated multiplication (Math.pow with a variable exponent is several times slower).
      let p = n;
      if (F.kind !== 'rectified' || m > 0) for (let e = 1; e < n; e++) p *= m;
      else p = 0;
      fp[k] = p;
      const a = p < 0 ? -p : p;
      if (a > big) big = a;
    }
    if (big > 0) {
      for (let k = 0; k < K; k++) {
        const w = fp[k] / big;
        gx += w * d[2 * k];
        gy += w * d[2 * k + 1];
      }
    }
  }
  out[0] = gx;
  out[1] = gy;
  return out;
}
