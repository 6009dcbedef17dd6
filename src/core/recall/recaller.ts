import type { Rng } from '../rng';

/*
 * Asynchronous recall in binary associative memories, one bit at a time, with everything a figure wants to show
 * kept incrementally: the state, its energy, and (for pattern-based memories) its overlap with every stored
 * pattern. A sweep visits every bit once in a fresh random order drawn from the caller's Rng; recall has
 * converged when a whole sweep changes nothing.
 *
 * Two implementations share the sweep logic:
 *  - WeightsRecaller: any symmetric weight matrix W (N×N), local fields h = Ws kept up to date (O(1) per bit
 *    examined, O(N) per flip). Used by hopfieldRecall.
 *  - PatternRecaller: the patterns themselves (K×N), the classical Hebbian network or a dense associative
 *    memory (Krotov–Hopfield 2016, Demircigil et al. 2017). Overlaps m_μ = ξ_μ·s kept up to date (O(K) per bit
 *    examined and per flip), never the N×N matrix, so a 64×64 image memory costs K·N numbers, not N².
 */

/** The outcome of a recall run. `energies` holds the initial energy, then the energy after each sweep. */
export interface Recall {
  state: Float64Array;
  sweeps: number;
  converged: boolean;
  energies: number[];
  /** Only for F = e^{βx}: the finite log-scale energies −β⁻¹ log Σ_μ e^{βm_μ}, at the same moments as `energies`. */
  logEnergies?: number[];
}

/** Options of the recall functions: the random order comes from `rng`; at most `maxSweeps` sweeps (default 100). */
export interface RecallOptions {
  rng: Rng;
  maxSweeps?: number;
}

/** What every recaller exposes. `state` is updated in place; read it each frame, do not keep copies. */
export interface Recaller {
  /** Number of bits N. */
  readonly N: number;
  /** The current state (±1), mutated in place by every flip. */
  readonly state: Float64Array;
  /** Completed sweeps. */
  readonly sweeps: number;
  /** Bits examined so far in the current sweep (0 … N−1). */
  readonly position: number;
  /** Total flips since the last reset. */
  readonly flips: number;
  /** True once a whole sweep changed nothing (cleared again by any flip or setBit). */
  readonly converged: boolean;
  /** Index of the bit examined last (−1 before the first), and whether it flipped. */
  readonly lastIndex: number;
  readonly lastFlipped: boolean;
  /** Energy trace: the energy at reset, then after each completed sweep. */
  readonly energies: number[];
  /** The current energy (kept incrementally). */
  energy(): number;
  /** Examines the next bit of the current sweep and flips it if the rule says so. Returns its index. */
  step(): number;
  /** Examines bits until one flips; returns its index, or −1 once a whole sweep has changed nothing. */
  flipNext(): number;
  /** Finishes the current sweep (a whole one if none is under way). Returns the number of flips in that sweep. */
  sweep(): number;
  /** Sweeps until converged or `maxSweeps` sweeps have been completed in total; returns a Recall (copies). */
  run(maxSweeps?: number): Recall;
  /** Sets bit i to v (±1) directly, e.g. when the reader paints on the probe; keeps everything consistent. */
  setBit(i: number, v: number): void;
  /** Starts again from a new probe (±1, length N). */
  reset(probe: ArrayLike<number>): void;
}
