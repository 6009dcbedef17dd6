import { placeMemories as placeMemoriesFrom } from '../../core/placement';
import {
  amDescentStep,
  createRng,
  lseEnergy,
  lseGradBatch,
  matrixFromData,
  nearestMemory,
  noiseSchedule,
  pfOdeStep,
  sampleGrid,
  smoothedScoreBatch,
  type Domain,
  type Grid,
  type Matrix,
  type ScheduleKind,
} from '../../core';
import type { PropValues } from '../../lib/figure/spec';
import type { meta } from './meta';

export type Params = PropValues<typeof meta.props>;
export const DOMAIN: Domain = { x0: -3, x1: 3, y0: -3, y1: 3 };
/** Trails are drawn for at most this many particles, so thousands of particles stay cheap. */
export const MAX_TRAILS = 200;

/** Memories scattered by the seed, at least 1.1 apart and away from the border. */
export function placeMemories(k: number, seed: number): Matrix {
  return matrixFromData(k, 2, placeMemoriesFrom(k, seed, 'side-by-side.memories', { kind: 'square', half: 2.2, minGap: 1.1, tries: 200 }));
}

/**
 * Both dynamics of survey Table 1 on the same particles: `am` descends E_β (Eq. 11, β = 1/σ(T)²) and `dm`
 * follows the probability-flow ODE of the exact smoothed score along the schedule (Eq. 9), ending with a
 * noise-free (Tweedie) step at t = T. All state is typed arrays.
 */
export class SideBySide {
  memories: Matrix = placeMemories(2, 1);
  n = 0;
  start = new Float64Array(0);
  am = new Float64Array(0);
  dm = new Float64Array(0);
  prevAm = new Float64Array(0);
  prevDm = new Float64Array(0);
  gradAm = new Float64Array(0);
  gradDm = new Float64Array(0);
  forceAm = new Float64Array(0);
  forceDm = new Float64Array(0);
  sigmas: Float64Array = new Float64Array(2);
  t = 0;
  amMove = Infinity;
  dmMove = Infinity;
  beta = 1;

  reset(p: Params, seed: number): void {
    this.memories = placeMemories(p.memories, seed);
    // σ(0) = σ(T) (allowed by the meta's constraint) is a constant schedule.
    this.sigmas = p.sigmaMax > p.sigmaMin ? noiseSchedule(p.schedule as ScheduleKind, p.updates, p.sigmaMin, p.sigmaMax) : new Float64Array(p.updates).fill(p.sigmaMin);
    this.beta = 1 / (p.sigmaMin * p.sigmaMin);
    const rng = createRng(seed);
    this.n = p.particles;
    const len = 2 * this.n;
    this.start = new Float64Array(len);
    for (let i = 0; i < len; i++) this.start[i] = DOMAIN.x0 + 0.1 + (DOMAIN.x1 - DOMAIN.x0 - 0.2) * rng.uniform();
    this.am = Float64Array.from(this.start);
    this.dm = Float64Array.from(this.start);
    this.prevAm = Float64Array.from(this.start);
    this.prevDm = Float64Array.from(this.start);
    this.gradAm = new Float64Array(len);
    this.gradDm = new Float64Array(len);
    this.forceAm = new Float64Array(len);
    this.forceDm = new Float64Array(len);
    this.t = 0;
    this.amMove = Infinity;
    this.dmMove = Infinity;
  }

  /** Steps of the diffusion schedule (T in update counts). */
  get T(): number {
    return this.sigmas.length;
  }

  /** The diffusion model's noise level at the current step (σ(T) once past T). */
  sigmaNow(): number {
    return this.sigmas[Math.min(this.t, this.T - 1)];
  }

  /** The diffusion model's step size α(t) = Δt/τ(t) = σ_t(σ_t − σ_{t+1}) at update index i (σ_T = 0). */
  dmAlpha(i: number): number {
    const s = this.sigmas[Math.min(i, this.T - 1)];
    const next = i < this.T - 1 ? this.sigmas[i + 1] : 0;
    return s * (s - next);
  }

  /** One update of each dynamics. Returns true once the AM has stopped and the DM has halted or stopped. */
  step(p: Params): boolean {
    this.prevAm.set(this.am);
    this.prevDm.set(this.dm);
    this.amMove = amDescentStep(this.am, this.memories, this.beta, p.alpha, this.gradAm);
    if (this.t < this.T) {
      this.dmMove = pfOdeStep(this.dm, this.memories, this.sigmas[this.t], this.t < this.T - 1 ? this.sigmas[this.t + 1] : 0, this.gradDm);
    } else if (p.afterT === 'hold') {
      this.dmMove = pfOdeStep(this.dm, this.memories, p.sigmaMin, 0, this.gradDm);
    } else {
      this.dmMove = 0;
    }
    this.t++;
    return this.amMove < 1e-5 && this.t >= this.T && this.dmMove < 1e-5;
  }

  /** The forces each dynamics feels right now: −∇E_β for the AM, F(x, σ(t)) for the DM. */
  computeForces(): void {
    lseGradBatch(this.am, this.memories, this.beta, this.forceAm);
    for (let i = 0; i < this.forceAm.length; i++) this.forceAm[i] = -this.forceAm[i];
    smoothedScoreBatch(this.dm, this.memories, this.sigmaNow(), this.forceDm);
  }

  grid(res = 120): Grid {
    return sampleGrid((x, y) => lseEnergy([x, y], this.memories, this.beta), DOMAIN, res, res);
  }

  /** How the two agree: same nearest memory, mean distance between paired particles. */
  agreement(): { same: number; gap: number; amOn: number; dmOn: number } {
    let same = 0;
    let gap = 0;
    let amOn = 0;
    let dmOn = 0;
    for (let p = 0; p < this.n; p++) {
      const a = nearestMemory(this.am, p, this.memories);
      const d = nearestMemory(this.dm, p, this.memories);
      if (a.index === d.index) same++;
      if (a.distance < 0.05) amOn++;
      if (d.distance < 0.05) dmOn++;
      gap += Math.hypot(this.am[2 * p] - this.dm[2 * p], this.am[2 * p + 1] - this.dm[2 * p + 1]);
    }
    return { same, gap: this.n ? gap / this.n : 0, amOn, dmOn };
  }

  describe(p: Params): string {
    const a = this.agreement();
    const time =
      this.t < this.T
        ? `Diffusion at t = ${this.t} of T = ${this.T} (σ = ${this.sigmaNow().toPrecision(2)})`
        : p.afterT === 'halt'
          ? `Diffusion halted at T = ${this.T}`
          : `Diffusion past T = ${this.T}, still stepping at σ(T)`;
    return `${time}; the associative memory ${this.amMove < 1e-5 ? 'has stopped' : 'is descending'}. Same memory for ${a.same} of ${this.n} starts; ${a.dmOn} diffusion and ${a.amOn} memory particles sit on a memory; mean gap ${a.gap.toFixed(2)}.`;
  }
}
