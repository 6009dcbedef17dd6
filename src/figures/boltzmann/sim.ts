import { boltzmannDensity, createRng, histogramTvDistance, langevinStep1d, tiltedDoubleWell, type Energy1d, type Rng } from '../../core';
import type { PropValues } from '../../lib/figure/spec';
import type { meta } from './meta';

export type Params = PropValues<typeof meta.props>;
export const X0 = -2.8;
export const X1 = 2.8;
/** Grid points for the curves. */
export const RES = 280;
/** Histogram bins. */
export const BINS = 56;
/** Langevin step size α. */
export const ALPHA = 0.02;
/** Give up after this many steps: below T ≈ 0.2 the walkers cannot cross the barrier in any reasonable time. */
export const MAX_STEPS = 6000;
export const WELL = { h: 1, a: 1.2 };

/** The curves of the figure for one (T, c): energy, density and log-density on a uniform grid. */
export interface Curves {
  xs: Float64Array;
  E: Float64Array;
  p: Float64Array;
  logp: Float64Array;
  /** The density averaged over each histogram bin, for comparing with the walkers. */
  binP: Float64Array;
}

export function energyFor(p: Params): Energy1d {
  return tiltedDoubleWell(WELL.h, WELL.a, p.tilt);
}

export function curvesFor(p: Params): Curves {
  const e = energyFor(p);
  const dx = (X1 - X0) / RES;
  const xs = Float64Array.from({ length: RES }, (_, i) => X0 + (i + 0.5) * dx);
  const E = xs.map((x) => e.energy(x));
  const { p: dens, logZ } = boltzmannDensity(E, dx, p.T);
  const logp = E.map((v) => -v / p.T - logZ);
  const per = RES / BINS;
  const binP = new Float64Array(BINS);
  for (let b = 0; b < BINS; b++) {
    let s = 0;
    for (let i = b * per; i < (b + 1) * per; i++) s += dens[i];
    binP[b] = s / per;
  }
  return { xs, E, p: dens, logp, binP };
}

/** Langevin walkers at temperature T and the histogram of where they are. */
export class Walkers {
  xs = new Float64Array(0);
  counts = new Float64Array(BINS);
  tv = 1;
  steps = 0;
  rng: Rng = createRng(1);
  private energy: Energy1d = tiltedDoubleWell(1, 1, 0);
  private binP = new Float64Array(BINS);

  reset(p: Params, seed: number): void {
    this.rng = createRng(seed);
    this.xs = new Float64Array(p.walkers);
    for (let i = 0; i < this.xs.length; i++) this.xs[i] = X0 + (X1 - X0) * this.rng.uniform();
    this.steps = 0;
    this.setLandscape(p);
  }

  /** New T or tilt: the walkers carry on from where they are, toward the new density. */
  /** T and the tilt change the landscape the walkers run on (they carry on from where they are); x only moves the probe. */
  onKeptChange(p: Params, _prev: Params, changed: readonly string[]): void {
    if (changed.includes('T') || changed.includes('tilt')) this.setLandscape(p);
  }

  setLandscape(p: Params): void {
    this.energy = energyFor(p);
    this.binP.set(curvesFor(p).binP);
    this.steps = 0;
    this.measure();
  }

  private measure(): void {
    const dx = (X1 - X0) / BINS;
    this.counts.fill(0);
    for (const x of this.xs) {
      const b = Math.floor((x - X0) / dx);
      if (b >= 0 && b < BINS) this.counts[b]++;
    }
    this.tv = this.xs.length ? histogramTvDistance(this.xs, X0, dx, this.binP) : 0;
  }

  /** The total-variation distance a perfect sampler would still show with this many walkers (≈ sampling noise). */
  noiseFloor(): number {
    const n = this.xs.length;
    if (!n) return 0;
    const dx = (X1 - X0) / BINS;
    let s = 0;
    for (const q of this.binP) s += Math.sqrt(q * dx * (1 - q * dx));
    return (0.5 * Math.sqrt(2 / Math.PI) * s) / Math.sqrt(n);
  }

  /** One Langevin update of every walker. Converged once the histogram is within sampling noise of p, or after MAX_STEPS. */
  step(p: Params): boolean {
    if (!this.xs.length) return true;
    langevinStep1d(this.xs, this.energy, ALPHA, p.T, this.rng);
    this.steps++;
    this.measure();
    return this.tv < this.noiseFloor() + 0.02 || this.steps >= MAX_STEPS;
  }

  describe(p: Params): string {
    const e = energyFor(p);
    const F = -e.grad(p.x);
    const where = `Particle at x = ${p.x.toFixed(2)}: E = ${e.energy(p.x).toFixed(2)}, force F = ${F.toFixed(2)} (${Math.abs(F) < 0.05 ? 'near a resting point' : F > 0 ? 'pushing right' : 'pushing left'}), score ∇log p = βF = ${(F / p.T).toFixed(2)}.`;
    if (!this.xs.length) return where;
    const matched = this.tv < this.noiseFloor() + 0.02;
    const walk = matched
      ? `The ${this.xs.length} walkers' histogram matches p within sampling noise (distance ${this.tv.toFixed(3)}).`
      : this.steps >= MAX_STEPS
        ? `After ${MAX_STEPS} steps the walkers still have not spread between the valleys as p says (distance ${this.tv.toFixed(3)}): at temperature 1/β = ${p.T} the barrier is too high to cross quickly.`
        : `${this.xs.length} walkers at temperature 1/β = ${p.T}; histogram distance from p: ${this.tv.toFixed(3)}.`;
    return `${where} ${walk}`;
  }
}
