import { createRng, gaussianMixture, lseEnergy, matrixFromRows, mixtureScoreBatch, sampleGrid, type Domain, type Grid, type Matrix } from '../../core';
import type { PropValues } from '../../lib/figure/spec';
import type { meta } from './meta';

export type Params = PropValues<typeof meta.props>;
export const DOMAIN: Domain = { x0: -3, x1: 3, y0: -3, y1: 3 };

/** The data set ξ_μ: five points top-right and three bottom-left, the two "peaks of real-looking data" of the survey's Figure 1. */
export const DATA: Matrix = matrixFromRows([
  [1.1, 1.5],
  [1.7, 1.1],
  [1.5, 2.0],
  [2.1, 1.7],
  [0.9, 0.8],
  [-1.6, -1.2],
  [-1.0, -1.8],
  [-1.9, -2.0],
]);

/** The data as point masses: smoothing it to σ gives p_σ = (1/K) Σ N(ξ_μ, σ²I), whose score core `mixtureScoreBatch` gives exactly. */
const SMOOTHED = gaussianMixture(DATA);

/** The schedule the time axis shows: σ(t) falls geometrically from σ_max at t = 0 (noise) to σ_min at t = T (data). */
export const SCHEDULE = { T: 100, sigmaMax: 3, sigmaMin: 0.05 };
export function sigmaAt(t: number): number {
  return SCHEDULE.sigmaMax * Math.pow(SCHEDULE.sigmaMin / SCHEDULE.sigmaMax, t / SCHEDULE.T);
}
/** The (fractional) forward time t at which the schedule reaches σ. */
export function timeOf(sigma: number): number {
  return (SCHEDULE.T * Math.log(sigma / SCHEDULE.sigmaMax)) / Math.log(SCHEDULE.sigmaMin / SCHEDULE.sigmaMax);
}

/**
 * Everything the picture needs at one σ: the score on a lattice, the energy grid, and noisy samples.
 * The score of p_σ = (1/K) Σ N(ξ_μ, σ²I) is −β ∇E_β with β = 1/σ² (MATH.md §2f, Ambrogioni's identity), so the
 * score is the same whether computed from the log-sum-exp energy or from the mixture; −log p_σ = β E_β + const is
 * the heatmap.
 */
export class ScoreField {
  /** The data points ξ_μ, flat [x, y, …]. */
  readonly data = DATA.data;
  points: Float64Array<ArrayBufferLike> = new Float64Array(0);
  vectors = new Float64Array(0);
  samples = new Float64Array(0);
  /** Unit-variance noise, fixed once, scaled by σ on each change. */
  private noise: Float64Array;
  private owners: Uint16Array;
  sigma = NaN;
  grid: Grid | null = null;
  maxNorm = 0;

  constructor(nSamples = 600) {
    const rng = createRng(20230928);
    this.noise = new Float64Array(2 * nSamples);
    this.owners = new Uint16Array(nSamples);
    for (let i = 0; i < nSamples; i++) {
      this.owners[i] = Math.floor(rng.uniform() * DATA.rows);
      this.noise[2 * i] = rng.normal();
      this.noise[2 * i + 1] = rng.normal();
    }
    this.samples = new Float64Array(2 * nSamples);
  }

  /** Recomputes the field on `lattice` (flat [x, y, …]) and the samples at noise level σ. */
  update(sigma: number, lattice: Float64Array, res = 96): void {
    if (!(sigma > 0) || !Number.isFinite(sigma)) throw new Error(`σ must be a positive number (got ${sigma})`);
    const beta = 1 / (sigma * sigma);
    this.sigma = sigma;
    this.points = lattice;
    if (this.vectors.length !== lattice.length) this.vectors = new Float64Array(lattice.length);
    mixtureScoreBatch(SMOOTHED, lattice, sigma, this.vectors);
    let maxNorm = 0;
    for (let i = 0; i < this.vectors.length; i += 2) maxNorm = Math.max(maxNorm, Math.hypot(this.vectors[i], this.vectors[i + 1]));
    this.maxNorm = maxNorm;
    for (let i = 0; i < this.owners.length; i++) {
      const m = this.owners[i];
      this.samples[2 * i] = DATA.data[2 * m] + sigma * this.noise[2 * i];
      this.samples[2 * i + 1] = DATA.data[2 * m + 1] + sigma * this.noise[2 * i + 1];
    }
    this.grid = sampleGrid((x, y) => beta * lseEnergy([x, y], DATA, beta), DOMAIN, res, res);
  }

  describe(p: Params): string {
    const t = timeOf(p.sigma);
    const when = p.time === 'forward' ? `t = ${t.toFixed(0)} of T = ${SCHEDULE.T}` : `s = ${(SCHEDULE.T - t).toFixed(0)} (reverse time, s = T − t)`;
    const shape =
      p.sigma > 1.2
        ? 'the field is coarse: every arrow points roughly toward the middle of the whole data set'
        : p.sigma > 0.3
          ? 'the field splits into two basins, one per cluster of data'
          : 'the field is sharp: arrows converge on individual data points';
    return `σ = ${p.sigma.toPrecision(2)} (${when}); ${shape}. Longest arrow |∇log p| = ${this.maxNorm.toPrecision(3)}.`;
  }
}
