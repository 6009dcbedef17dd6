import { matrixFromData } from './matrix';
import { corruptPattern } from './patterns';
import { PatternRecaller } from './recall/pattern-recaller';
import { checkSeparation, type RecallRule } from './recall/separation';
import { createRng, type Rng } from './rng';
import { checkInt } from './validate';

/*
 * Capacity experiments (MATH.md §3, "Measuring capacity in simulation"): store K random ±1 patterns of length N,
 * start from a stored pattern with a fraction of its bits flipped, run asynchronous recall until no bit
 * changes, and count a success when the final state is the pattern (exact), or when its overlap reaches
 * `minOverlap`. Repeated over `trials` fresh pattern sets per K.
 */

export interface CapacityOptions {
  /** Pattern length N (≥ 2). */
  N: number;
  /** The numbers of stored patterns to try, e.g. [1, 2, …, 40]. */
  Ks: number[];
  /** The classical Hebbian network, or a DAM separation function. */
  rule: RecallRule;
  /** Fraction of bits flipped in the probe, in [0, 0.5]. 0 tests whether the patterns are fixed points. */
  corruption: number;
  /** Independent pattern sets per K (≥ 1). */
  trials: number;
  seed: number;
  /** Patterns probed per pattern set (default 1; at most K). */
  probesPerTrial?: number;
  /** Success when the final overlap m = ξ·s/N ≥ minOverlap (default 1: exact recall). */
  minOverlap?: number;
  /** Sweep limit per recall (default 50). */
  maxSweeps?: number;
  /** Called after each K with the points so far. */
  onProgress?: (done: number, total: number, points: CapacityPoint[]) => void;
  /** Polled between recalls; returning true stops the experiment (the result then has cancelled = true). */
  shouldCancel?: () => boolean;
}

/** One point of the capacity curve. */
export interface CapacityPoint {
  K: number;
  /** K / N. */
  alpha: number;
  /** Fraction of probes recalled successfully. */
  recallRate: number;
  /** Mean final overlap m = ξ·s/N with the probed pattern. */
  meanOverlap: number;
  /** Number of probes behind the numbers. */
  probes: number;
}

export interface CapacityResult {
  N: number;
  points: CapacityPoint[];
  /** The largest K with recallRate ≥ 0.9 such that every smaller tested K also reached 0.9 (0 if none). */
  capacity: number;
  cancelled: boolean;
}

function checkCapacity(o: CapacityOptions): void {
  if (!o) throw new Error('options: expected { N, Ks, rule, corruption, trials, seed }');
  checkInt(o.N, 2, 1e6, 'N');
  if (!Array.isArray(o.Ks) || o.Ks.length === 0) throw new Error('Ks: need at least one number of patterns');
  o.Ks.forEach((K, i) => checkInt(K, 1, 1e7, `Ks[${i}]`));
  if (!o.rule || typeof o.rule !== 'object') throw new Error("rule: expected { kind: 'classical' } or a separation function");
  if (o.rule.kind !== 'classical') checkSeparation(o.rule, 'rule');
  if (!(Number.isFinite(o.corruption) && o.corruption >= 0 && o.corruption <= 0.5)) throw new Error(`corruption: must be in [0, 0.5] (got ${o.corruption})`);
  checkInt(o.trials, 1, 1e7, 'trials');
  if (!Number.isFinite(o.seed)) throw new Error(`seed: must be a finite number (got ${o.seed})`);
  if (o.probesPerTrial !== undefined) checkInt(o.probesPerTrial, 1, 1e7, 'probesPerTrial');
  if (o.minOverlap !== undefined && !(o.minOverlap > -1 && o.minOverlap <= 1)) throw new Error(`minOverlap: must be in (−1, 1] (got ${o.minOverlap})`);
  if (o.maxSweeps !== undefined) checkInt(o.maxSweeps, 1, 1e6, 'maxSweeps');
}

/** Runs the trials for one K and returns its point, or null if cancelled. Deterministic given (rng state). */
function capacityPoint(o: CapacityOptions, K: number, rng: Rng): CapacityPoint | null {
  const N = o.N;
  const probes = Math.min(o.probesPerTrial ?? 1, K);
  const minOverlap = o.minOverlap ?? 1;
  const maxSweeps = o.maxSweeps ?? 50;
  const probe = new Float64Array(N);
  const scratch = new Uint32Array(K);
  const flipScratch = new Uint32Array(N);
  let successes = 0;
  let overlapSum = 0;
  let count = 0;
  for (let t = 0; t < o.trials; t++) {
    if (o.shouldCancel?.()) return null;
    // Fair ±1 entries, 32 per uniform draw (its 32 random bits).
    const data = new Float64Array(K * N);
    for (let i = 0; i < data.length; i += 32) {
      let bits = (rng.uniform() * 4294967296) >>> 0;
      const end = Math.min(32, data.length - i);
      for (let b = 0; b < end; b++, bits >>>= 1) data[i + b] = bits & 1 ? 1 : -1;
    }
    const patterns = matrixFromData(K, N, data);
    // Probe `probes` distinct patterns (partial Fisher–Yates over the pattern indices).
    for (let i = 0; i < K; i++) scratch[i] = i;
    let recaller: PatternRecaller | null = null;
    for (let q = 0; q < probes; q++) {
      const j = q + Math.floor(rng.uniform() * (K - q));
      const mu = scratch[j];
      scratch[j] = scratch[q];
      scratch[q] = mu;
      const target = data.subarray(mu * N, (mu + 1) * N);
      corruptPattern(target, o.corruption, rng, probe, flipScratch);
      if (recaller) recaller.reset(probe);
      else recaller = new PatternRecaller(patterns, probe, o.rule, rng);
      recaller.run(maxSweeps);
      const m = recaller.overlaps[mu] / N;
      overlapSum += m;
      if (m >= minOverlap - 1e-12) successes++;
      count++;
    }
  }
  return { K, alpha: K / N, recallRate: successes / count, meanOverlap: overlapSum / count, probes: count };
}

function finish(N: number, points: CapacityPoint[], cancelled: boolean): CapacityResult {
  let capacity = 0;
  const sorted = points.slice().sort((a, b) => a.K - b.K);
  for (const p of sorted) {
    if (p.recallRate >= 0.9) capacity = p.K;
    else break;
  }
  return { N, points, capacity, cancelled };
}

/**
 * Runs a capacity experiment synchronously: for each K in opts.Ks (in order), opts.trials fresh pattern sets,
 * each probed from a corrupted stored pattern. Same seed ⇒ same result. Calls onProgress after each K and
 * polls shouldCancel between recalls (for a Web Worker, prefer runCapacityAsync so cancel messages arrive).
 */
export function runCapacity(opts: CapacityOptions): CapacityResult {
  checkCapacity(opts);
  const rng = createRng(opts.seed);
  const points: CapacityPoint[] = [];
  for (let i = 0; i < opts.Ks.length; i++) {
    const p = capacityPoint(opts, opts.Ks[i], rng);
    if (!p) return finish(opts.N, points, true);
    points.push(p);
    opts.onProgress?.(i + 1, opts.Ks.length, points);
  }
  return finish(opts.N, points, false);
}

/**
 * The same experiment as runCapacity (identical numbers for the same options), yielding to the event loop after
 * each K so a worker's message handler can set the flag that shouldCancel reads.
 */
export async function runCapacityAsync(opts: CapacityOptions): Promise<CapacityResult> {
  checkCapacity(opts);
  const rng = createRng(opts.seed);
  const points: CapacityPoint[] = [];
  for (let i = 0; i < opts.Ks.length; i++) {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (opts.shouldCancel?.()) return finish(opts.N, points, true);
    const p = capacityPoint(opts, opts.Ks[i], rng);
    if (!p) return finish(opts.N, points, true);
    points.push(p);
    opts.onProgress?.(i + 1, opts.Ks.length, points);
  }
  return finish(opts.N, points, false);
}
