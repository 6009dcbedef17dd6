import type { PatternMemory } from './pattern-memory';
import { separationValue, type Separation } from './separation';

/*
 * The quantity whose sign decides bit i of a PatternRecaller (Sign(0) = +1), read from the pattern memory `p`
 * and the state `s` (both unchanged): N·h_i for the classical network, the Krotov–Hopfield bracket
 * Σ_μ F(r_μ + ξ_μi) − F(r_μ − ξ_μi), r_μ = m_μ − ξ_μi s_i, for a dense associative memory (or a positive
 * multiple of it, see PatternRecaller).
 */

/** The bracket for bit i under the memory's rule and layout (dispatches to the fast paths below). */
export function patternBracket(p: PatternMemory, s: Float64Array, i: number): number {
  if (!p.binary) return genericBracket(p, s, i, p.xiT);
  if (p.mode === 0) return classicalFieldBinary(p, s, i);
  if (p.mode === 1) return expBracketBinary(p, s, i);
  if (p.mInt.length) return polyTableBracket(p, s, i);
  return genericBracket(p, s, i, p.xiB);
}

/** N·h_i for the classical network with ±1 patterns: Σ_μ ξ_μi m_μ − K s_i (small, so it inlines). */
function classicalFieldBinary(p: PatternMemory, s: Float64Array, i: number): number {
  const K = p.K;
  const m = p.overlaps;
  const x = p.xiB;
  const o = i * K;
  let d0 = 0;
  let d1 = 0;
  let k = 0;
  for (; k + 1 < K; k += 2) {
    d0 += x[o + k] * m[k];
    d1 += x[o + k + 1] * m[k + 1];
  }
  if (k < K) d0 += x[o + k] * m[k];
  return d0 + d1 - s[i] * K;
}

/** Mode 1 with ±1 patterns: the bracket for F = e^{βx}, up to a positive factor, without exponentials. */
function expBracketBinary(p: PatternMemory, s: Float64Array, i: number): number {
  const K = p.K;
  const x = p.xiB;
  const o = i * K;
  const u = p.u;
  // Fast estimate from q = Σ_μ ξ_μi u_μ: Σ_{ξ=+1} u = (U + q)/2 and Σ_{ξ=−1} u = (U − q)/2 (the ½ dropped).
  let q0 = 0;
  let q1 = 0;
  let q2 = 0;
  let q3 = 0;
  let k = 0;
  for (; k + 3 < K; k += 4) {
    q0 += x[o + k] * u[k];
    q1 += x[o + k + 1] * u[k + 1];
    q2 += x[o + k + 2] * u[k + 2];
    q3 += x[o + k + 3] * u[k + 3];
  }
  for (; k < K; k++) q0 += x[o + k] * u[k];
  const q = q0 + q1 + q2 + q3;
  const U = p.uSum;
  const si = s[i];
  const ca = si > 0 ? p.cPP : p.cMP;
  const cb = si > 0 ? p.cPM : p.cMM;
  const est = ca * (U + q) + cb * (U - q);
  // U ± q loses everything to cancellation when one side is tiny: trust the estimate only when it is far from
  // 0 compared with that rounding error; otherwise sum both sides exactly.
  if (Math.abs(est) > 1e-12 * (Math.abs(ca) + Math.abs(cb)) * U) return est;
  let sp = 0;
  let sm = 0;
  for (k = 0; k < K; k++) {
    const a = u[k];
    const xa = x[o + k] * a;
    sp += a + xa;
    sm += a - xa;
  }
  return ca * sp + cb * sm;
}

/**
 * Mode 3 with ±1 patterns: the bracket Σ_μ F(r_μ + ξ_μi) − F(r_μ − ξ_μi) = Σ_μ ξ_μi G(r_μ), G(r) = F(r + 1) − F(r − 1),
 * r_μ = m_μ − ξ_μi s_i, with G read from a table (the same numbers brute force computes, summed in the same order).
 */
function polyTableBracket(p: PatternMemory, s: Float64Array, i: number): number {
  const K = p.K;
  const mi = p.mInt;
  const x = p.xiB;
  const g = p.gTab;
  const o = i * K;
  const off = p.N + 1;
  let D = 0;
  if (s[i] > 0) {
    for (let k = 0; k < K; k++) {
      const xk = x[o + k];
      D += xk * g[mi[k] - xk + off];
    }
  } else {
    for (let k = 0; k < K; k++) {
      const xk = x[o + k];
      D += xk * g[mi[k] + xk + off];
    }
  }
  return D;
}

/** The bracket for any patterns, reading the bit-major copy `x` (Int8 for ±1, else Float64). */
function genericBracket(p: PatternMemory, s: Float64Array, i: number, x: ArrayLike<number>): number {
  const K = p.K;
  const m = p.overlaps;
  const o = i * K;
  const si = s[i];
  const rule = p.rule;
  let D = 0;
  if (p.mode === 0) {
    for (let k = 0; k < K; k++) D += x[o + k] * m[k];
    return D - si * p.diag[i];
  }
  if (p.mode === 1) {
    const c = si > 0 ? p.cPlus : p.cMinus;
    const u = p.u;
    for (let k = 0; k < K; k++) D += u[k] * c[o + k];
    return D;
  }
  if (p.mode === 2) {
    // Compare lse_μ β(r_μ + ξ_μi) with lse_μ β(r_μ − ξ_μi), r_μ = m_μ − ξ_μi s_i.
    const b = p.beta;
    let mp = -Infinity;
    let mm = -Infinity;
    for (let k = 0; k < K; k++) {
      const r = m[k] - x[o + k] * si;
      const ap = b * (r + x[o + k]);
      const am = b * (r - x[o + k]);
      if (ap > mp) mp = ap;
      if (am > mm) mm = am;
    }
    let sp = 0;
    let sm = 0;
    for (let k = 0; k < K; k++) {
      const r = m[k] - x[o + k] * si;
      sp += Math.exp(b * (r + x[o + k]) - mp);
      sm += Math.exp(b * (r - x[o + k]) - mm);
    }
    return mp + Math.log(sp) - (mm + Math.log(sm));
  }
  const F = rule as Separation;
  for (let k = 0; k < K; k++) {
    const xk = x[o + k];
    const r = m[k] - xk * si;
    D += separationValue(F, r + xk) - separationValue(F, r - xk);
  }
  return D;
}
