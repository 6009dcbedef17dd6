import { matrixFromData, type Matrix } from './matrix';
import { checkPatterns } from './score';
import type { Recall, RecallOptions } from './recall/recaller';
import { WeightsRecaller } from './recall/weights-recaller';
import { checkFinite, checkLength } from './validate';

/*
 * The classical binary Hopfield network (MATH.md §2b): Hebbian weights, energy −½ sᵀWs, and asynchronous recall.
 */

/**
 * Hebbian weights W = (1/N) Σ_μ ξ_μ ξ_μᵀ with W_ii = 0, for K patterns of length N (patterns: K×N).
 * Returns a new N×N matrix. Costs K·N²/2 multiply-adds.
 */
export function hebbianWeights(patterns: Matrix): Matrix {
  checkPatterns(patterns, 'patterns');
  checkFinite(patterns.data, 'patterns');
  const { rows: K, cols: N, data } = patterns;
  // Bit-major copy (N×K): each W_ij = (1/N) Σ_μ ξ_μi ξ_μj is a contiguous dot product.
  const T = new Float64Array(N * K);
  for (let m = 0; m < K; m++) for (let i = 0, o = m * N; i < N; i++) T[i * K + m] = data[o + i];
  const W = new Float64Array(N * N);
  const inv = 1 / N;
  // Symmetric rank-K accumulation: only the upper triangle is computed, row by row (contiguous writes), in 4×2
  // register blocks (eight dot products share each load of six pattern columns); then it is mirrored in 32×32
  // tiles so that the strided writes of the lower triangle stay in cache.
  let i = 0;
  for (; i + 3 < N; i += 4) {
    const a0 = i * K, a1 = a0 + K, a2 = a1 + K, a3 = a2 + K;
    // pairs inside the 4-block
    for (let p = 0; p < 4; p++) for (let q = p + 1; q < 4; q++) {
      let s = 0; const op = (i + p) * K, oq = (i + q) * K;
      for (let m = 0; m < K; m++) s += T[op + m] * T[oq + m];
      W[(i + p) * N + i + q] = s * inv;
    }
    let j = i + 4;
    const r0 = i * N, r1 = r0 + N, r2 = r1 + N, r3 = r2 + N;
    for (; j + 1 < N; j += 2) {
      const b0 = j * K, b1 = b0 + K;
      let s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
      for (let m = 0; m < K; m++) {
        const c = T[b0 + m], d = T[b1 + m];
        const x0 = T[a0 + m], x1 = T[a1 + m], x2 = T[a2 + m], x3 = T[a3 + m];
        s00 += x0 * c; s01 += x0 * d;
        s10 += x1 * c; s11 += x1 * d;
        s20 += x2 * c; s21 += x2 * d;
        s30 += x3 * c; s31 += x3 * d;
      }
      W[r0 + j] = s00 * inv; W[r0 + j + 1] = s01 * inv;
      W[r1 + j] = s10 * inv; W[r1 + j + 1] = s11 * inv;
      W[r2 + j] = s20 * inv; W[r2 + j + 1] = s21 * inv;
      W[r3 + j] = s30 * inv; W[r3 + j + 1] = s31 * inv;
    }
    for (; j < N; j++) {
      const b0 = j * K;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let m = 0; m < K; m++) { const c = T[b0 + m]; s0 += T[a0 + m] * c; s1 += T[a1 + m] * c; s2 += T[a2 + m] * c; s3 += T[a3 + m] * c; }
      W[r0 + j] = s0 * inv; W[r1 + j] = s1 * inv; W[r2 + j] = s2 * inv; W[r3 + j] = s3 * inv;
    }
  }
  for (; i < N; i++) {
    const a = i * K;
    for (let j = i + 1; j < N; j++) {
      let s = 0; const b = j * K;
      for (let m = 0; m < K; m++) s += T[a + m] * T[b + m];
      W[i * N + j] = s * inv;
    }
  }
  // Mirror in 32×32 tiles.
  const B = 32;
  for (let i0 = 0; i0 < N; i0 += B) {
    const i1 = Math.min(N, i0 + B);
    for (let j0 = i0; j0 < N; j0 += B) {
      const j1 = Math.min(N, j0 + B);
      for (let ii = i0; ii < i1; ii++) {
        const ro = ii * N;
        for (let jj = Math.max(j0, ii + 1); jj < j1; jj++) W[jj * N + ii] = W[ro + jj];
      }
    }
  }
  return matrixFromData(N, N, W);
}

/** E = −½ sᵀ W s for a weight matrix W (N×N) and a state of length N. Mutates nothing. */
export function hopfieldEnergy(weights: Matrix, state: ArrayLike<number>): number {
  if (!weights || weights.rows !== weights.cols || weights.rows < 1) throw new Error('weights: must be a non-empty square matrix');
  const N = weights.rows;
  checkLength(state, N, 'state');
  checkFinite(state, 'state');
  const W = weights.data;
  let e = 0;
  for (let i = 0; i < N; i++) {
    let h = 0;
    const o = i * N;
    for (let j = 0; j < N; j++) h += W[o + j] * state[j];
    e += state[i] * h;
  }
  return -0.5 * e;
}

/**
 * Asynchronous recall: starting from `probe` (±1, length N), visits the bits in a fresh random order each
 * sweep (from opts.rng) and sets s_i ← sgn(Σ_j W_ij s_j), sgn(0) = +1, until a sweep changes nothing or
 * opts.maxSweeps (default 100) sweeps have run. W must be symmetric (hebbianWeights is). Returns the final
 * state, the sweep count, whether it converged, and the energy before and after each sweep (never rising).
 * For animation use `new WeightsRecaller(weights, probe, rng)` (or PatternRecaller) and call flipNext/sweep.
 */
export function hopfieldRecall(weights: Matrix, probe: ArrayLike<number>, opts: RecallOptions): Recall {
  if (!opts) throw new Error('opts: expected { rng, maxSweeps? }');
  const r = new WeightsRecaller(weights, probe, opts.rng);
  return r.run(opts.maxSweeps ?? 100);
}
