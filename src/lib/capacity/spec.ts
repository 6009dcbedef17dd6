import type { RecallRule } from '../../core';

/*
 * What the capacity experiment runs, shared by the figure (to label and cache) and its Web Worker (to run).
 * Pure TypeScript: no DOM.
 */

export type MemoryKind = 'classical' | 'poly3' | 'poly4' | 'exp';
export const MEMORY_KINDS: readonly MemoryKind[] = ['classical', 'poly3', 'poly4', 'exp'];
export const MEMORY_LABELS: Record<MemoryKind, string> = {
  classical: 'classical (F = x²)',
  poly3: 'dense, F = x³',
  poly4: 'dense, F = x⁴',
  exp: 'dense, F = eˣ',
};

export function ruleFor(kind: MemoryKind): RecallRule {
  if (kind === 'classical') return { kind: 'classical' };
  if (kind === 'exp') return { kind: 'exp', beta: 1 };
  return { kind: 'poly', n: kind === 'poly3' ? 3 : 4 };
}

export interface CapacitySpec {
  /** Neurons per pattern. */
  N: number;
  /** Fraction of bits flipped in each probe. */
  corruption: number;
  /** Fresh random pattern sets per K. */
  trials: number;
  /** Patterns probed per pattern set. */
  probes: number;
  /** A recall succeeds when the final overlap ξ·s/N reaches this. */
  minOverlap: number;
  seed: number;
}

/** The largest K tried, as a multiple of N (the exponential and n = 4 memories are still recalling there). */
export const K_MAX_FACTOR = 20;

/**
 * The K values tried for a memory at size N. The classical network gets a fine linear grid over
 * K/N ∈ [0.02, 0.32] around α_c ≈ 0.138; the dense memories a geometric grid from 1 to 20 N.
 */
export function capacityGrid(kind: MemoryKind, N: number): number[] {
  const out = new Set<number>();
  if (kind === 'classical') {
    for (let a = 0.02; a <= 0.3201; a += 0.02) out.add(Math.max(1, Math.round(a * N)));
  } else {
    const kMax = K_MAX_FACTOR * N;
    const steps = 18;
    for (let i = 0; i <= steps; i++) out.add(Math.max(1, Math.round(Math.exp((Math.log(kMax) * i) / steps))));
  }
  return [...out].sort((a, b) => a - b);
}

export interface CurvePoint {
  K: number;
  recallRate: number;
  meanOverlap: number;
  probes: number;
}

export interface CapacityCurve {
  kind: MemoryKind;
  points: CurvePoint[];
  /** True when the run stopped early because recall had already collapsed to 0 (larger K only get worse). */
  stoppedEarly: boolean;
  /** Milliseconds the curve took in the worker. */
  ms: number;
}

/**
 * The K at which the recall rate first falls below `level`, interpolated linearly (in log K for the geometric
 * grids) between the last K at or above it and the first below; null if it never falls below.
 */
export function crossing(points: readonly CurvePoint[], level: number, logScale: boolean): number | null {
  for (let i = 0; i < points.length; i++) {
    if (points[i].recallRate < level) {
      if (i === 0) return points[0].K;
      const a = points[i - 1];
      const b = points[i];
      const t = (a.recallRate - level) / (a.recallRate - b.recallRate);
      return logScale ? Math.exp(Math.log(a.K) + t * (Math.log(b.K) - Math.log(a.K))) : a.K + t * (b.K - a.K);
    }
  }
  return null;
}

/** (2n−3)!!: 1 for n = 2, 3 for n = 3, 15 for n = 4. */
function doubleFactorial(k: number): number {
  let r = 1;
  for (let i = k; i > 1; i -= 2) r *= i;
  return r;
}

/**
 * The published capacity a memory is compared with, at size N:
 * classical α_c N with α_c ≈ 0.138 (Amit, Gutfreund & Sompolinsky 1985); polynomial F = xⁿ, the Krotov–Hopfield
 * (2016) no-error estimate N^{n−1} / (2 (2n−3)!! ln N); exponential, 2^{N/2} (Demircigil et al. 2017).
 */
/** `formula` is TeX. */
export function theoryCapacity(kind: MemoryKind, N: number): { K: number; formula: string } {
  if (kind === 'classical') return { K: 0.138 * N, formula: '0.138\\,N' };
  if (kind === 'exp') return { K: Math.pow(2, N / 2), formula: '2^{N/2}' };
  const n = kind === 'poly3' ? 3 : 4;
  return { K: Math.pow(N, n - 1) / (2 * doubleFactorial(2 * n - 3) * Math.log(N)), formula: `\\frac{N^{${n - 1}}}{2\\cdot ${doubleFactorial(2 * n - 3)}\\,\\ln N}` };
}

export function specKey(s: CapacitySpec): string {
  return `v2|${s.N}|${s.corruption}|${s.trials}|${s.probes}|${s.minOverlap}|${s.seed}`;
}

/**
 * The classical network's K values are small and cheap, and its curve is the one compared with α_c, so it gets
 * this many times more pattern sets per K than the dense memories.
 */
export const CLASSICAL_TRIALS_FACTOR = 8;
