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
  // 2×2 register blocks of (i, j) pairs: four independent dot products share each pair of loaded rows.
  const dot = (a: number, b: number): number => {
    let s = 0;
    for (let m = 0; m < K; m++) s += T[a + m] * T[b + m];
    return s;
  };
  let i = 0;
  for (; i + 1 < N; i += 2) {
    const oi = i * K;
    const oi1 = oi + K;
    const d01 = dot(oi, oi1) * inv;
    W[i * N + i + 1] = d01;
    W[(i + 1) * N + i] = d01;
    let j = i + 2;
    for (; j + 1 < N; j += 2) {
      const oj = j * K;
      const oj1 = oj + K;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let m = 0; m < K; m++) {
        const a = T[oi + m];
        const b = T[oi1 + m];
        const c = T[oj + m];
        const d = T[oj1 + m];
        s00 += a * c;
        s01 += a * d;
        s10 += b * c;
        s11 += b * d;
      }
      W[i * N + j] = W[j * N + i] = s00 * inv;
      W[i * N + j + 1] = W[(j + 1) * N + i] = s01 * inv;
      W[(i + 1) * N + j] = W[j * N + i + 1] = s10 * inv;
      W[(i + 1) * N + j + 1] = W[(j + 1) * N + i + 1] = s11 * inv;
    }
    if (j < N) {
      const oj = j * K;
      W[i * N + j] = W[j * N + i] = dot(oi, oj) * inv;
      W[(i + 1) * N + j] = W[j * N + i + 1] = dot(oi1, oj) * inv;
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
