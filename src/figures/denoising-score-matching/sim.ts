import {
  binnedAccumulate,
  binnedClear,
  binnedMean,
  binnedRelativeError,
  createBinnedMeans,
  createRng,
  dsmPerturb,
  lseEnergy,
  gaussianMixture,
  matrixFromRows,
  mixtureScoreBatch,
  sampleGrid,
  type BinnedMeans,
  type Domain,
  type Grid,
  type Matrix,
  type Rng,
} from '../../core';
import type { PropValues } from '../../lib/figure/spec';
import type { meta } from './meta';

export type Params = PropValues<typeof meta.props>;
export const DOMAIN: Domain = { x0: -3, x1: 3, y0: -3, y1: 3 };

/** A small data set: three points in a bent row and two apart, so the score has both merged and separate basins. */
export const DATA: Matrix = matrixFromRows([
  [-1.6, 1.4],
  [-0.6, 1.8],
  [0.5, 1.5],
  [1.4, -1.2],
  [-1.2, -1.5],
]);

/** The data as point masses, so smoothing it to σ gives p_σ = (1/K) Σ N(ξ_μ, σ²I). */
const SMOOTHED = gaussianMixture(DATA);

/** How many of the latest samples are drawn with their individual target arrows. */
export const SHOWN = 40;

/**
 * The DSM experiment: draw perturbed samples with their targets (core `dsmPerturb`), accumulate targets and the
 * true score at the same x̃ in bins (core `binnedAccumulate`), and track how far the binned targets are from
 * the binned score. The true score of p_σ = (1/K) Σ N(ξ_μ, σ²I) is −β∇E_β at β = 1/σ² (MATH.md §2f).
 */
export class Dsm {
  rng: Rng = createRng(1);
  targets: BinnedMeans = createBinnedMeans(DOMAIN, 14, 14);
  truth: BinnedMeans = createBinnedMeans(DOMAIN, 14, 14);
  x = new Float64Array(0);
  t = new Float64Array(0);
  s = new Float64Array(0);
  /** Mean target per cell and the true score at each cell centre, for drawing. */
  meanTargets = new Float64Array(0);
  centres = new Float64Array(0);
  centreScore = new Float64Array(0);
  /** The latest `SHOWN` samples and their targets. */
  lastX = new Float64Array(2 * SHOWN);
  lastT = new Float64Array(2 * SHOWN);
  lastN = 0;
  drawn = 0;
  error = NaN;
  /** (samples so far, relative error) pairs, for the convergence plot. */
  trace: [number, number][] = [];
  grid: Grid | null = null;
  private gridKey = '';

  reset(p: Params, seed: number): void {
    this.rng = createRng(seed);
    this.targets = createBinnedMeans(DOMAIN, p.bins, p.bins);
    this.truth = createBinnedMeans(DOMAIN, p.bins, p.bins);
    binnedClear(this.targets);
    binnedClear(this.truth);
    this.meanTargets = new Float64Array(2 * p.bins * p.bins);
    this.centres = new Float64Array(2 * p.bins * p.bins);
    this.centreScore = new Float64Array(2 * p.bins * p.bins);
    for (let j = 0; j < p.bins; j++) {
      for (let i = 0; i < p.bins; i++) {
        const k = j * p.bins + i;
        this.centres[2 * k] = DOMAIN.x0 + ((i + 0.5) / p.bins) * (DOMAIN.x1 - DOMAIN.x0);
        this.centres[2 * k + 1] = DOMAIN.y0 + ((j + 0.5) / p.bins) * (DOMAIN.y1 - DOMAIN.y0);
      }
    }
    this.score(this.centres, p.sigma, this.centreScore);
    this.lastN = 0;
    this.drawn = 0;
    this.error = NaN;
    this.trace = [];
    const key = `${p.sigma}`;
    if (key !== this.gridKey) {
      const beta = 1 / (p.sigma * p.sigma);
      this.grid = sampleGrid((x, y) => beta * lseEnergy([x, y], DATA, beta), DOMAIN, 96, 96);
      this.gridKey = key;
    }
  }

  /** ∇log p_σ at the points xs (n×2) into out: the exact score of the data smoothed to σ (core `mixtureScoreBatch`). */
  private score(xs: Float64Array, sigma: number, out: Float64Array): void {
    mixtureScoreBatch(SMOOTHED, xs, sigma, out);
  }

  /** Draws one batch of perturbed samples and adds their targets to the bins. Converged once the budget is spent. */
  step(p: Params): boolean {
    const n = Math.min(p.batch, p.total - this.drawn);
    if (n <= 0) return true;
    if (this.x.length !== 2 * n) {
      this.x = new Float64Array(2 * n);
      this.t = new Float64Array(2 * n);
      this.s = new Float64Array(2 * n);
    }
    dsmPerturb(DATA, p.sigma, this.rng, this.x, this.t);
    this.score(this.x, p.sigma, this.s);
    binnedAccumulate(this.targets, this.x, this.t);
    binnedAccumulate(this.truth, this.x, this.s);
    this.drawn += n;
    const m = Math.min(SHOWN, n);
    this.lastX.set(this.x.subarray(2 * (n - m), 2 * n));
    this.lastT.set(this.t.subarray(2 * (n - m), 2 * n));
    this.lastN = m;
    binnedMean(this.targets, this.meanTargets);
    this.error = binnedRelativeError(this.targets, this.truth, 5);
    const last = this.trace[this.trace.length - 1];
    if (Number.isFinite(this.error) && (!last || this.drawn >= last[0] * 1.08)) this.trace.push([this.drawn, this.error]);
    return this.drawn >= p.total;
  }

  describe(p: Params): string {
    if (this.drawn === 0) return `No samples yet. Press Play or Step to perturb the data with noise σ = ${p.sigma} and collect DSM targets.`;
    const err = Number.isFinite(this.error) ? `${(100 * this.error).toFixed(1)}%` : 'not yet measurable';
    const done = this.drawn >= p.total ? ' Budget spent; the run has stopped.' : '';
    const heavy = p.batch > 2000 ? ` Heavy setting: ${p.batch.toLocaleString('en-US')} samples per step may drop frames.` : '';
    return `${this.drawn.toLocaleString('en-US')} noisy samples drawn at σ = ${p.sigma}. The binned average of their targets differs from the true score by ${err}.${done}${heavy}`;
  }
}
