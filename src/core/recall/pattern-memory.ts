import type { Matrix } from '../matrix';
import { separationValue, type RecallRule, type Separation } from './separation';

/**
 * The stored patterns of a PatternRecaller laid out for fast recall, with the quantities it keeps per flip.
 * ±1 patterns are stored once more as a bit-major Int8Array (N×K bytes: a 1024×256 memory fits in L2 cache);
 * other patterns as a bit-major Float64Array. The layout is fixed at creation; only the recaller writes the
 * mutable part (overlaps, mInt, u, uMax, uSum, e) as bits flip.
 */
export interface PatternMemory {
  readonly K: number;
  readonly N: number;
  readonly rule: RecallRule;
  /** True when every pattern entry is ±1 (the Int8 fast paths are used). */
  readonly binary: boolean;
  /** N×K bit-major copy when binary (else empty). */
  readonly xiB: Int8Array;
  /** N×K bit-major copy when not binary (else empty). */
  readonly xiT: Float64Array;
  /** Σ_μ ξ_μi² per bit (classical). */
  readonly diag: Float64Array;
  /** Σ_μ ‖ξ_μ‖² (classical). */
  readonly normSum: number;
  readonly beta: number;
  /** 0 classical, 1 exp without exponentials per bit, 2 exp by log-sum-exp, 3 polynomial/rectified. */
  readonly mode: 0 | 1 | 2 | 3;
  /** Real patterns, mode 1: c₊(ξ) and c₋(ξ) per (i, μ). */
  readonly cPlus: Float64Array;
  readonly cMinus: Float64Array;
  /** Binary patterns, mode 1: c_{s}(ξ) for s, ξ ∈ {±1}. */
  readonly cPP: number;
  readonly cPM: number;
  readonly cMP: number;
  readonly cMM: number;
  /** Binary patterns, F = e^{βx} with 2β ≤ 40: a flip multiplies u_μ by scale[(ξ_μi s_i + 1)/2] = e^{±2β}. */
  readonly scale: Float64Array;
  /**
   * Binary patterns, F polynomial/rectified (mode 3): every overlap is an integer in [−N, N], so the bracket
   * F(r + 1) − F(r − 1) and F(m) are read from tables built once (no powers per bit): gTab[r + N + 1] for
   * r ∈ [−N − 1, N + 1], fTab[m + N] for m ∈ [−N, N]; mInt mirrors the overlaps as integers.
   */
  readonly gTab: Float64Array;
  readonly fTab: Float64Array;
  readonly mInt: Int32Array;
  /** Raw overlaps m_μ = ξ_μ · s with every stored pattern (divide by N for the normalised overlap). */
  readonly overlaps: Float64Array;
  /** For F = e^{βx}: u_μ = e^{β(m_μ − uMax)} and their sum uSum. */
  readonly u: Float64Array;
  uMax: number;
  uSum: number;
  /** The energy, for the rules that keep it directly (all but F = e^{βx}). */
  e: number;
}

/**
 * Lays out K×N patterns (one per row) for recall under `rule`: detects ±1 patterns, transposes to bit-major,
 * picks the evaluation mode and builds its tables. Throws on a non-finite entry. Allocates O(N·K); mutates nothing.
 */
export function createPatternMemory(patterns: Matrix, rule: RecallRule): PatternMemory {
  const K = patterns.rows;
  const N = patterns.cols;
  const d = patterns.data;
  let binary = true;
  for (let j = 0; j < d.length; j++) {
    const v = d[j];
    if (v * v !== 1) {
      binary = false;
      break;
    }
  }
  let maxAbs = 1;
  let normSum = K * N;
  if (!binary) {
    maxAbs = 0;
    normSum = 0;
    for (let j = 0; j < d.length; j++) {
      const v = d[j];
      if (!Number.isFinite(v)) throw new Error(`patterns: entry (${Math.floor(j / N)}, ${j % N}) is not a finite number (${v})`);
      const a = v < 0 ? -v : v;
      normSum += a * a;
      if (a > maxAbs) maxAbs = a;
    }
  }
  const xiB = new Int8Array(binary ? N * K : 0);
  const xiT = new Float64Array(binary ? 0 : N * K);
  // Transpose K×N → N×K in 32×32 tiles (cache-friendly on both sides).
  const T = 32;
  for (let m0 = 0; m0 < K; m0 += T) {
    const m1 = Math.min(K, m0 + T);
    for (let i0 = 0; i0 < N; i0 += T) {
      const i1 = Math.min(N, i0 + T);
      if (binary) {
        for (let m = m0; m < m1; m++) for (let i = i0, o = m * N; i < i1; i++) xiB[i * K + m] = d[o + i];
      } else {
        for (let m = m0; m < m1; m++) for (let i = i0, o = m * N; i < i1; i++) xiT[i * K + m] = d[o + i];
      }
    }
  }
  const diag = new Float64Array(N);
  if (binary) diag.fill(K);
  else for (let j = 0; j < d.length; j++) diag[j % N] += d[j] * d[j];
  const beta = rule.kind === 'exp' ? rule.beta ?? 1 : 1;
  const b2 = 2 * beta;
  const mode = rule.kind === 'classical' ? 0 : rule.kind === 'exp' ? (b2 * maxAbs <= 600 ? 1 : 2) : 3;
  const polyTab = binary && mode === 3;
  const gTab = new Float64Array(polyTab ? 2 * N + 3 : 0);
  const fTab = new Float64Array(polyTab ? 2 * N + 1 : 0);
  if (polyTab) {
    const F = rule as Separation;
    for (let r = -N - 1; r <= N + 1; r++) gTab[r + N + 1] = separationValue(F, r + 1) - separationValue(F, r - 1);
    for (let v = -N; v <= N; v++) fTab[v + N] = separationValue(F, v);
  }
  const tab = mode === 1 && !binary;
  const cPlus = new Float64Array(tab ? N * K : 0);
  const cMinus = new Float64Array(tab ? N * K : 0);
  if (tab) {
    for (let j = 0; j < N * K; j++) {
      cPlus[j] = -Math.expm1(-b2 * xiT[j]);
      cMinus[j] = Math.expm1(b2 * xiT[j]);
    }
  }
  return {
    K, N, rule, binary, xiB, xiT, diag, normSum, beta, mode, cPlus, cMinus,
    cPP: -Math.expm1(-b2),
    cPM: -Math.expm1(b2),
    cMP: Math.expm1(b2),
    cMM: Math.expm1(-b2),
    scale: binary && mode === 1 && b2 <= 40 ? Float64Array.of(Math.exp(-b2), Math.exp(b2)) : new Float64Array(0),
    gTab, fTab,
    mInt: new Int32Array(polyTab ? K : 0),
    overlaps: new Float64Array(K),
    u: new Float64Array(K),
    uMax: 0,
    uSum: 1,
    e: 0,
  };
}
