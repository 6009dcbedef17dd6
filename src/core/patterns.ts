import { matrixFromData, type Matrix } from './matrix';
import type { Rng } from './rng';
import { checkInt, checkLength } from './validate';

/*
 * Binary (±1) patterns for the Hopfield and dense-associative-memory experiments: random patterns, corrupted
 * probes and overlaps.
 */

/** K random patterns of N independent ±1 entries (fair coins from `rng`), one per row. Allocates K·N doubles. */
export function randomPatterns(K: number, N: number, rng: Rng): Matrix {
  checkInt(K, 1, 1e9, 'K');
  checkInt(N, 1, 1e9, 'N');
  const data = new Float64Array(K * N);
  for (let i = 0; i < data.length; i++) data[i] = rng.uniform() < 0.5 ? -1 : 1;
  return matrixFromData(K, N, data);
}

/**
 * A copy of `pattern` with exactly round(fraction·N) entries negated, chosen uniformly without replacement
 * (partial Fisher–Yates). Writes into `out` if given (length N), else allocates. Returns the corrupted copy.
 */
export function corruptPattern(pattern: ArrayLike<number>, fraction: number, rng: Rng, out?: Float64Array, scratch?: Uint32Array): Float64Array {
  const N = pattern.length;
  if (!(Number.isFinite(fraction) && fraction >= 0 && fraction <= 1)) throw new Error(`fraction: must be in [0, 1] (got ${fraction})`);
  const res = out ?? new Float64Array(N);
  checkLength(res, N, 'out');
  for (let i = 0; i < N; i++) res[i] = pattern[i];
  const flips = Math.round(fraction * N);
  const idx = scratch && scratch.length >= N ? scratch : new Uint32Array(N);
  for (let i = 0; i < N; i++) idx[i] = i;
  for (let k = 0; k < flips; k++) {
    const j = k + Math.floor(rng.uniform() * (N - k));
    const t = idx[k];
    idx[k] = idx[j];
    idx[j] = t;
    res[idx[k]] = -res[idx[k]];
  }
  return res;
}

/** The normalised overlap m = (1/N) Σ_i a_i b_i of two ±1 vectors (1 = identical, −1 = inverted). */
export function overlap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkLength(b, a.length, 'b');
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s / a.length;
}

/** Raw overlaps m_μ = ξ_μ · s with every pattern, written into `out` (length K, allocated if absent). */
export function patternOverlaps(patterns: Matrix, state: ArrayLike<number>, out?: Float64Array): Float64Array {
  const { rows: K, cols: N, data } = patterns;
  checkLength(state, N, 'state');
  const res = out ?? new Float64Array(K);
  for (let m = 0; m < K; m++) {
    let s = 0;
    const o = m * N;
    for (let i = 0; i < N; i++) s += data[o + i] * state[i];
    res[m] = s;
  }
  return res;
}

/** Throws unless every entry of `v` is exactly +1 or −1, naming the argument and the first bad entry. */
export function checkBinary(v: ArrayLike<number>, name: string): void {
  for (let i = 0; i < v.length; i++) {
    if (v[i] !== 1 && v[i] !== -1) throw new Error(`${name}: entry ${i} is ${v[i]}, expected +1 or −1`);
  }
}
