import { placeMemories as placeMemoriesFrom } from '../../core/placement';
import {
  amDescentStep,
  createRng,
  langevinStep,
  lseEnergy,
  matrixFromData,
  nearestMemory,
  noiseSchedule,
  pfOdeStep,
  reverseSdeStep,
  sampleGrid,
  type Domain,
  type Grid,
  type Matrix,
  type Rng,
} from '../../core';
import type { PropValues } from '../../lib/figure/spec';
import type { meta } from './meta';

export type Params = PropValues<typeof meta.props>;
export const DOMAIN: Domain = { x0: -3, x1: 3, y0: -3, y1: 3 };
/** A sample "sits on" a training point when it is this close (memorisation). */
export const ON_POINT = 0.02;
/** The AM's step size; β = 1/σ(T)² makes its valleys about as wide as the sampler's last noise level. */
export const AM_ALPHA = 0.3;
/** Updates past T after which the demo stops by itself when the sampler is not halted. */
export const PAST_T_LIMIT = 1500;

export function placeMemories(k: number, seed: number): Matrix {
  return matrixFromData(k, 2, placeMemoriesFrom(k, seed, 'fixed-points.memories', { kind: 'square', half: 2, minGap: 1, tries: 300 }));
}

/**
 * A diffusion sampler (exact smoothed score of the K training points) and an associative memory (gradient descent
 * on E_β, β = 1/σ(T)²), from the same starts. Tracks, per particle, which training point it is nearest and how
 * often that changes: basin jumps.
 */
export class FixedPoints {
  memories: Matrix = placeMemories(1, 1);
  n = 0;
  am = new Float64Array(0);
  dm = new Float64Array(0);
  gAm = new Float64Array(0);
  gDm = new Float64Array(0);
  /** The training point each particle was meant to return to (restart) or first settled on (sample), −1 if none yet. */
  home = new Int32Array(0);
  dmBasin = new Int32Array(0);
  amBasin = new Int32Array(0);
  sigmas: Float64Array = new Float64Array(2);
  t = 0;
  amMove = Infinity;
  jumps = 0;
  rng: Rng = createRng(1);
  beta = 1;
  /** History of the fraction sitting on a training point, for the strip chart. */
  histDm: number[] = [];
  histAm: number[] = [];

  get T(): number {
    return this.sigmas.length;
  }

  reset(p: Params, seed: number): void {
    this.memories = placeMemories(p.memories, seed);
    this.beta = 1 / (p.sigmaT * p.sigmaT);
    // σ(0) = σ(T) (allowed by the meta's constraint) anneals nothing: a constant level, as without annealing.
    this.sigmas = p.anneal && p.sigmaStart > p.sigmaT ? noiseSchedule('geometric', p.updates, p.sigmaT, p.sigmaStart) : new Float64Array(p.updates).fill(p.sigmaT);
    const rng = createRng(seed);
    this.n = p.particles;
    this.am = new Float64Array(2 * this.n);
    this.home = new Int32Array(this.n).fill(-1);
    const K = this.memories.rows;
    for (let i = 0; i < this.n; i++) {
      if (p.experiment === 'restart') {
        const mu = i % K;
        this.home[i] = mu;
        this.am[2 * i] = this.memories.data[2 * mu] + p.corruption * rng.normal();
        this.am[2 * i + 1] = this.memories.data[2 * mu + 1] + p.corruption * rng.normal();
      } else {
        // Pure noise at the sampler's starting level, as a diffusion model's prior N(0, σ(0)²I).
        this.am[2 * i] = p.sigmaStart * rng.normal();
        this.am[2 * i + 1] = p.sigmaStart * rng.normal();
      }
    }
    this.dm = Float64Array.from(this.am);
    this.gAm = new Float64Array(2 * this.n);
    this.gDm = new Float64Array(2 * this.n);
    this.dmBasin = new Int32Array(this.n).fill(-1);
    this.amBasin = new Int32Array(this.n).fill(-1);
    this.rng = createRng(seed ^ 0x5bd1e995);
    this.t = 0;
    this.jumps = 0;
    this.amMove = Infinity;
    this.histDm = [this.onPoint(this.dm)];
    this.histAm = [this.onPoint(this.am)];
  }

  onPoint(xs: Float64Array): number {
    let on = 0;
    for (let p = 0; p < this.n; p++) if (nearestMemory(xs, p, this.memories).distance < ON_POINT) on++;
    return this.n ? on / this.n : 0;
  }

  /** Whether the sampler is still running at update t. */
  dmActive(p: Params): boolean {
    return this.t < this.T || !p.halt;
  }

  step(p: Params): boolean {
    const T = this.T;
    this.amMove = amDescentStep(this.am, this.memories, this.beta, AM_ALPHA, this.gAm);
    if (this.t < T) {
      const s = this.sigmas[this.t];
      if (this.t === T - 1) {
        // The last update removes the remaining noise in one noise-free (Tweedie) step: σ(T) → 0.
        pfOdeStep(this.dm, this.memories, s, 0, this.gDm);
      } else if (!p.anneal) {
        langevinStep(this.dm, this.memories, s, 0.5 * s * s, this.rng, this.gDm);
      } else if (p.sampler === 'sde') {
        reverseSdeStep(this.dm, this.memories, s, this.sigmas[this.t + 1], this.rng, this.gDm);
      } else {
        pfOdeStep(this.dm, this.memories, s, this.sigmas[this.t + 1], this.gDm);
      }
    } else if (!p.halt) {
      // Past T the schedule has nothing left: keep applying the last noise level. The stochastic sampler is
      // Langevin dynamics at σ(T), whose stationary state is a cloud, not a point; the ODE repeats its last step.
      const s = p.sigmaT;
      if (p.sampler === 'sde') langevinStep(this.dm, this.memories, s, 0.5 * s * s, this.rng, this.gDm);
      else pfOdeStep(this.dm, this.memories, s, 0, this.gDm);
    }
    this.t++;
    // Basin bookkeeping from T on: a jump is a change of nearest training point.
    if (this.t >= T) {
      for (let i = 0; i < this.n; i++) {
        const b = nearestMemory(this.dm, i, this.memories).index;
        if (this.dmBasin[i] >= 0 && b !== this.dmBasin[i]) this.jumps++;
        this.dmBasin[i] = b;
        if (this.home[i] < 0) this.home[i] = b;
      }
    }
    this.histDm.push(this.onPoint(this.dm));
    this.histAm.push(this.onPoint(this.am));
    if (this.histDm.length > 2400) {
      this.histDm.splice(0, 600);
      this.histAm.splice(0, 600);
    }
    const amDone = this.amMove < 1e-6;
    const dmDone = this.t >= T && (p.halt || this.t >= T + PAST_T_LIMIT);
    return amDone && dmDone;
  }

  /** Counts at the current state: on a training point, and back home (restart) for both dynamics. */
  stats(): { dmOn: number; amOn: number; dmHome: number; amHome: number; share: number[] } {
    let dmOn = 0;
    let amOn = 0;
    let dmHome = 0;
    let amHome = 0;
    const share = new Array(this.memories.rows).fill(0);
    for (let i = 0; i < this.n; i++) {
      const d = nearestMemory(this.dm, i, this.memories);
      const a = nearestMemory(this.am, i, this.memories);
      if (d.distance < ON_POINT) dmOn++;
      if (a.distance < ON_POINT) amOn++;
      if (d.index === this.home[i]) dmHome++;
      if (a.index === this.home[i]) amHome++;
      share[d.index]++;
    }
    return { dmOn, amOn, dmHome, amHome, share };
  }

  grid(res = 110): Grid {
    return sampleGrid((x, y) => lseEnergy([x, y], this.memories, this.beta), DOMAIN, res, res);
  }

  describe(p: Params): string {
    const s = this.stats();
    const phase = this.t < this.T ? `t = ${this.t} of T = ${this.T}` : p.halt ? `halted at T = ${this.T}` : `${this.t - this.T} updates past T`;
    const rest =
      p.experiment === 'restart'
        ? `back at their own training point: diffusion ${s.dmHome} of ${this.n}, memory ${s.amHome} of ${this.n}`
        : `on a training point (within ${ON_POINT}): diffusion ${s.dmOn} of ${this.n}, memory ${s.amOn} of ${this.n}`;
    const jumps = this.t > this.T ? `; ${this.jumps} basin jumps since T` : '';
    return `Sampler ${phase}; ${rest}${jumps}. The memory ${this.amMove < 1e-6 ? 'has stopped at its fixed points' : 'is still descending'}.`;
  }
}
