import { matrixFromData, type Matrix } from './matrix';
import { checkPatterns } from './score';
import { WeightsRecaller, type Recall, type RecallOptions } from './recall';
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
  // Bit-major copy (N×K), so each W_ij = (1/N) Σ_μ ξ_μi ξ_μj is a contiguous dot product; upper triangle, mirrored.
  const T = new Float64Array(N * K);
  for (let m = 0; m < K; m++) for (let i = 0; i < N; i++) T[i * K + m] = data[m * N + i];
  const W = new Float64Array(N * N);
  const inv = 1 / N;
  for (let i = 0; i < N; i++) {
    const oi = i * K;
    for (let j = i + 1; j < N; j++) {
      const oj = j * K;
      let s0 = 0;
      let s1 = 0;
      let m = 0;
      for (; m + 1 < K; m += 2) {
        s0 += T[oi + m] * T[oj + m];
        s1 += T[oi + m + 1] * T[oj + m + 1];
      }
      if (m < K) s0 += T[oi + m] * T[oj + m];
      const v = (s0 + s1) * inv;
      W[i * N + j] = v;
      W[j * N + i] = v;
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
