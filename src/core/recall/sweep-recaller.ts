import { checkBinary } from '../patterns';
import type { Rng } from '../rng';
import { checkInt, checkLength } from '../validate';
import type { Recall, Recaller } from './recaller';

/**
 * The sweep logic every recaller shares: a fresh random order per sweep (Fisher–Yates from the caller's Rng),
 * the counters and the energy trace. Subclasses say how a bit is updated and flipped and how the energy is kept.
 */
export abstract class SweepRecaller implements Recaller {
  readonly N: number;
  readonly state: Float64Array;
  sweeps = 0;
  position = 0;
  flips = 0;
  converged = false;
  lastIndex = -1;
  lastFlipped = false;
  energies: number[] = [];
  protected flipsThisSweep = 0;
  protected lastSweepFlips = 0;
  protected readonly order: Uint32Array;
  protected readonly rng: Rng;

  constructor(N: number, rng: Rng) {
    if (!rng || typeof rng.uniform !== 'function') throw new Error('rng: expected a generator from createRng(seed)');
    this.N = N;
    this.rng = rng;
    this.state = new Float64Array(N);
    this.order = new Uint32Array(N);
    for (let i = 0; i < N; i++) this.order[i] = i;
  }

  /** Applies the update rule to bit i; flips it (keeping derived quantities) and returns true if it changed. */
  protected abstract updateBit(i: number): boolean;
  /** Recomputes derived quantities from `state` (O(N·K) or O(N²)). */
  protected abstract recompute(): void;
  /** Sets bit i to −state[i], updating derived quantities. */
  protected abstract flip(i: number): void;
  abstract energy(): number;

  reset(probe: ArrayLike<number>): void {
    checkLength(probe, this.N, 'probe');
    checkBinary(probe, 'probe');
    for (let i = 0; i < this.N; i++) this.state[i] = probe[i];
    this.recompute();
    this.sweeps = 0;
    this.position = 0;
    this.flips = 0;
    this.flipsThisSweep = 0;
    this.lastSweepFlips = 0;
    this.converged = false;
    this.lastIndex = -1;
    this.lastFlipped = false;
    this.energies = [];
    this.record();
  }

  /** Appends the current energy to the trace (PatternRecaller also appends the log-scale energy for e^{βx}). */
  protected record(): void {
    this.energies.push(this.energy());
  }

  setBit(i: number, v: number): void {
    checkInt(i, 0, this.N - 1, 'i');
    if (v !== 1 && v !== -1) throw new Error(`v: must be +1 or −1 (got ${v})`);
    if (this.state[i] !== v) {
      this.flip(i);
      this.converged = false;
    }
  }

  step(): number {
    if (this.position === 0) this.shuffle();
    const i = this.order[this.position++];
    const flipped = this.updateBit(i);
    this.lastIndex = i;
    this.lastFlipped = flipped;
    if (flipped) {
      this.flips++;
      this.flipsThisSweep++;
      this.converged = false;
    }
    if (this.position === this.N) {
      this.position = 0;
      this.sweeps++;
      this.lastSweepFlips = this.flipsThisSweep;
      this.converged = this.flipsThisSweep === 0;
      this.flipsThisSweep = 0;
      this.recomputeEnergy();
      this.record();
    }
    return i;
  }

  /** Refreshes the incrementally kept energy exactly (called at the end of each sweep). */
  protected recomputeEnergy(): void {}

  flipNext(): number {
    if (this.converged && this.position === 0) return -1;
    for (;;) {
      const i = this.step();
      if (this.lastFlipped) return i;
      if (this.converged && this.position === 0) return -1;
    }
  }

  sweep(): number {
    if (this.position !== 0) {
      do this.step();
      while (this.position !== 0);
      return this.lastSweepFlips;
    }
    // A whole sweep: the same order, updates and bookkeeping as N calls of step(), without the per-call overhead.
    this.shuffle();
    const o = this.order;
    const N = this.N;
    let flips = 0;
    let last = -1;
    let lastFlipped = false;
    for (let p = 0; p < N; p++) {
      last = o[p];
      lastFlipped = this.updateBit(last);
      if (lastFlipped) flips++;
    }
    this.lastIndex = last;
    this.lastFlipped = lastFlipped;
    this.flips += flips;
    this.sweeps++;
    this.lastSweepFlips = flips;
    this.converged = flips === 0;
    this.flipsThisSweep = 0;
    this.recomputeEnergy();
    this.record();
    return flips;
  }

  /** A fresh random order for the next sweep (Fisher–Yates, one uniform draw per position). */
  private shuffle(): void {
    const o = this.order;
    const rng = this.rng;
    for (let k = this.N - 1; k > 0; k--) {
      const j = Math.floor(rng.uniform() * (k + 1));
      const t = o[k];
      o[k] = o[j];
      o[j] = t;
    }
  }

  run(maxSweeps = 100): Recall {
    checkInt(maxSweeps, 1, 1e9, 'maxSweeps');
    if (this.position !== 0) this.sweep();
    while (!this.converged && this.sweeps < maxSweeps) this.sweep();
    return this.result();
  }

  protected result(): Recall {
    return { state: Float64Array.from(this.state), sweeps: this.sweeps, converged: this.converged, energies: this.energies.slice() };
  }
}
