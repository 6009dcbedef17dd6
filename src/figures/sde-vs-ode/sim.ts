import {
  createParticleScratch,
  createRng,
  forwardNoiseStepBatch,
  gaussianMixture,
  karrasSigmas,
  mixtureLogDensity,
  mixtureScoreBatch,
  pfHeunStepBatch,
  reverseSdeStepBatch,
  ringPoints,
  sampleGrid,
  sampleMixture,
  type BatchScoreFn,
  type Domain,
  type Grid,
  type ParticleScratch,
  type Rng,
} from '../../core';
import type { PropValues } from '../../lib/figure/spec';
import type { meta } from './meta';

export type Params = PropValues<typeof meta.props>;
export const DOMAIN: Domain = { x0: -5, x1: 5, y0: -5, y1: 5 };
export const SIGMA_MAX = 4;
export const SIGMA_MIN = 0.01;
/** The data: six Gaussian blobs (std 0.25) on a circle of radius 2.2. */
export const MIX = gaussianMixture(ringPoints(6, 2.2, Math.PI / 6), undefined, 0.25);

const score: BatchScoreFn = (xs, s, out) => mixtureScoreBatch(MIX, xs, s, out);

/** A round trip through the ODE: data point → latent at σ_max → back. Paths are flat [x, y, …] per σ level. */
export interface RoundTrip {
  x0: [number, number];
  latent: [number, number];
  back: [number, number];
  encodePath: Float64Array;
  decodePath: Float64Array;
  error: number;
}

/**
 * Both samplers from the same start x ~ p(x; σ_max) (data pushed through the forward process, core
 * `forwardNoiseStepBatch`): the reverse SDE by Euler–Maruyama (core `reverseSdeStepBatch`, no noise on the last
 * step) and the probability-flow ODE by Heun (core `pfHeunStepBatch`), one σ level per update, on the mixture's
 * exact score. The first `paths` particles keep their whole trajectory.
 */
export class SdeVsOde {
  sigmas: number[] = [];
  n = 0;
  m = 0;
  start: Float64Array<ArrayBufferLike> = new Float64Array(0);
  ode = new Float64Array(0);
  sde = new Float64Array(0);
  odePaths = new Float64Array(0);
  sdePaths = new Float64Array(0);
  i = 0;
  rng: Rng = createRng(1);
  scratch: ParticleScratch = createParticleScratch(0);
  trip: RoundTrip | null = null;
  private tripCount = 0;
  private seed = 1;
  grid: Grid = sampleGrid((x, y) => -mixtureLogDensity(MIX, [x, y], 0.05), DOMAIN, 96, 96);

  reset(p: Params, seed: number): void {
    this.seed = seed;
    this.sigmas = karrasSigmas(p.steps, SIGMA_MIN, SIGMA_MAX);
    this.n = p.particles;
    this.m = Math.min(p.paths, p.particles);
    const rng = createRng(seed);
    this.start = sampleMixture(MIX, this.n, rng);
    forwardNoiseStepBatch(this.start, 0, SIGMA_MAX, rng);
    this.ode = this.start.slice();
    this.sde = this.start.slice();
    this.rng = createRng(seed + 7777);
    this.scratch = createParticleScratch(2 * this.n);
    const levels = this.sigmas.length;
    this.odePaths = new Float64Array(levels * 2 * this.m);
    this.sdePaths = new Float64Array(levels * 2 * this.m);
    this.odePaths.set(this.start.subarray(0, 2 * this.m));
    this.sdePaths.set(this.start.subarray(0, 2 * this.m));
    this.i = 0;
    if (this.trip) this.roundTrip(this.trip.x0[0], this.trip.x0[1]);
  }

  /** One σ level down for both samplers. */
  step(): boolean {
    const last = this.sigmas.length - 1;
    if (this.i >= last) return true;
    const s = this.sigmas[this.i];
    const next = this.sigmas[this.i + 1];
    pfHeunStepBatch(score, this.ode, s, next, this.scratch);
    reverseSdeStepBatch(score, this.sde, s, next, this.rng, this.scratch, next > 0);
    this.i++;
    const o = this.i * 2 * this.m;
    this.odePaths.set(this.ode.subarray(0, 2 * this.m), o);
    this.sdePaths.set(this.sde.subarray(0, 2 * this.m), o);
    return this.i >= last;
  }

  /** The noise level the particles are at now. */
  get sigma(): number {
    return this.sigmas[this.i] ?? 0;
  }

  /**
   * Encodes (x, y) with the ODE from σ_min up to σ_max (the schedule run backwards), then decodes the latent back
   * down to σ_min. Deterministic: the error is only the solver's.
   */
  roundTrip(x: number, y: number): RoundTrip {
    const up = this.sigmas.slice(0, -1).reverse(); // σ_min … σ_max
    const xs = Float64Array.from([x, y]);
    const sc = createParticleScratch(2);
    const encodePath = new Float64Array(2 * up.length);
    encodePath.set(xs, 0);
    for (let k = 0; k < up.length - 1; k++) {
      pfHeunStepBatch(score, xs, up[k], up[k + 1], sc);
      encodePath.set(xs, 2 * (k + 1));
    }
    const latent: [number, number] = [xs[0], xs[1]];
    const decodePath = new Float64Array(2 * up.length);
    decodePath.set(xs, 0);
    for (let k = up.length - 1; k > 0; k--) {
      pfHeunStepBatch(score, xs, up[k], up[k - 1], sc);
      decodePath.set(xs, 2 * (up.length - k));
    }
    const back: [number, number] = [xs[0], xs[1]];
    this.trip = { x0: [x, y], latent, back, encodePath, decodePath, error: Math.hypot(back[0] - x, back[1] - y) };
    return this.trip;
  }

  /** A round trip from a fresh sample of the data (seeded: the k-th press gives the same point for a given seed). */
  roundTripRandom(): RoundTrip {
    const pt = sampleMixture(MIX, 1, createRng(this.seed * 131 + ++this.tripCount));
    return this.roundTrip(pt[0], pt[1]);
  }

  describe(p: Params): string {
    const last = this.sigmas.length - 1;
    const head =
      this.i >= last
        ? `Done: both samplers reached σ = 0 after ${p.steps} levels. The ODE particles moved smoothly; the SDE particles jittered on the way but land on the same data.`
        : `Level ${this.i} of ${p.steps}, σ = ${this.sigma.toPrecision(3)}: ${this.n} particles, each starting from the same noise in both samplers.`;
    const t = this.trip;
    const trip = t
      ? ` Round trip through the ODE: (${t.x0[0].toFixed(2)}, ${t.x0[1].toFixed(2)}) → latent (${t.latent[0].toFixed(2)}, ${t.latent[1].toFixed(2)}) → back to within ${t.error.toExponential(1)}.`
      : '';
    const heavy = p.particles > 2000 ? ` Heavy setting: ${p.particles.toLocaleString('en-US')} particles through two samplers may run below 60 frames per second on a slow device.` : '';
    const paths = p.paths > p.particles ? ` Only ${p.particles} of the ${p.paths} paths asked for can be drawn: there are ${p.particles} particles.` : '';
    return head + trip + paths + heavy;
  }
}
