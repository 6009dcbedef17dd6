import { matrixFromData, type Matrix } from './matrix';
import { checkPatterns } from './score';
import { WeightsRecaller, type Recall, type RecallOptions } from './recall';
import { checkFinite, checkLength } from './validate';

/*
 * The classical binary Hopfield network (MATH.md §2b): Hebbian weights, energy −½ sᵀWs, and asynchronous recall.
 */

/**
 * Hebbian weights W = (1/N) Σ_μ ξ_μ ξ_μᵀ with W_ii = 0, for K patterns of length N (patterns: K×N).
 * Returns a new N×N matrix. Costs K·N² operations.
 */
export function hebbianWeights(patterns: Matrix): Matrix {
  checkPatterns(patterns, 'patterns');
  checkFinite(patterns.data, 'patterns');
  const { rows: K, cols: N, data } = patterns;
  const W = new Float64Array(N * N);
  const inv = 1 / N;
  for (let m = 0; m < K; m++) {
    const o = m * N;
    for (let i = 0; i < N; i++) {
      const a = data[o + i] * inv;
      if (a === 0) continue;
      const r = i * N;
      // Upper triangle only; mirrored below.
      for (let j = i + 1; j < N; j++) W[r + j] += a * data[o + j];
    }
  }
  for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) W[j * N + i] = W[i * N + j];
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
