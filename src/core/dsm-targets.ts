import type { Matrix } from './matrix';
import type { Rng } from './rng';
import type { Domain } from './grid';
import { checkPositive } from './validate';

/*
 * The regression targets of denoising score matching (Vincent 2011; MATH.md §2e), and a binned running average
 * of them. DSM draws a data point ξ, perturbs it, x̃ = ξ + σz with z ~ N(0, I), and asks the network to predict
 * the target −(x̃ − ξ)/σ² = −z/σ at x̃. The network never sees the true score, but the average of the targets
 * that land near a point x̃ is exactly the score of the noisy data there: E[−(x̃ − ξ)/σ² | x̃] = ∇log p_σ(x̃).
 * Averaging targets in small bins makes that visible.
 */

/**
 * Draws n = outX.length / d perturbed samples x̃ = ξ_μ + σz (μ uniform over the rows of `data`) and their DSM
 * targets −z/σ. outX and outTarget: n×d row-major, overwritten. outOwner (optional, length n) receives μ.
 * Consumes 1 + d random numbers per sample from `rng`. Returns n.
 */
export function dsmPerturb(data: Matrix, sigma: number, rng: Rng, outX: Float64Array, outTarget: Float64Array, outOwner?: Uint32Array): number {
  checkPositive(sigma, 'sigma');
  const { rows: K, cols: d } = data;
  if (K < 1) throw new Error('data: need at least one data point (empty data set)');
  if (outX.length % d !== 0) throw new Error(`outX: length ${outX.length} is not a multiple of the dimension ${d}`);
  if (outTarget.length !== outX.length) throw new Error(`outTarget: length ${outTarget.length}, expected ${outX.length}`);
  const n = outX.length / d;
  for (let p = 0; p < n; p++) {
    const mu = Math.min(K - 1, Math.floor(rng.uniform() * K));
    if (outOwner) outOwner[p] = mu;
    for (let i = 0; i < d; i++) {
      const z = rng.normal();
      outX[p * d + i] = data.data[mu * d + i] + sigma * z;
      outTarget[p * d + i] = -z / sigma;
    }
  }
  return n;
}

/**
 * Running sums of 2-D vectors in the cells of an nx×ny lattice over a domain (row-major, cell (i, j) at j·nx + i),
 * so the mean vector of everything that fell in a cell can be read at any time. Points outside the domain are
 * ignored. `sums` holds two numbers per cell, `counts` one.
 */
export interface BinnedMeans {
  nx: number;
  ny: number;
  domain: Domain;
  sums: Float64Array;
  counts: Float64Array;
}

export function createBinnedMeans(domain: Domain, nx: number, ny: number): BinnedMeans {
  if (!(Number.isInteger(nx) && nx > 0 && Number.isInteger(ny) && ny > 0)) throw new Error(`nx, ny: must be positive integers (got ${nx}, ${ny})`);
  if (!(domain.x1 > domain.x0 && domain.y1 > domain.y0)) throw new Error('domain: need x1 > x0 and y1 > y0');
  return { nx, ny, domain, sums: new Float64Array(2 * nx * ny), counts: new Float64Array(nx * ny) };
}

/** The cell index of (x, y), or −1 outside the domain. */
export function binIndex(b: BinnedMeans, x: number, y: number): number {
  const { x0, x1, y0, y1 } = b.domain;
  const i = Math.floor(((x - x0) / (x1 - x0)) * b.nx);
  const j = Math.floor(((y - y0) / (y1 - y0)) * b.ny);
  if (i < 0 || j < 0 || i >= b.nx || j >= b.ny || !Number.isFinite(x) || !Number.isFinite(y)) return -1;
  return j * b.nx + i;
}

/** Adds the 2-D vectors `vectors` (flat, n×2) at the points `points` (n×2) to the bins. Mutates b. */
export function binnedAccumulate(b: BinnedMeans, points: ArrayLike<number>, vectors: ArrayLike<number>): void {
  if (points.length !== vectors.length || points.length % 2 !== 0) throw new Error('points, vectors: need equal, even lengths (n×2)');
  for (let p = 0; p < points.length; p += 2) {
    const k = binIndex(b, points[p], points[p + 1]);
    if (k < 0) continue;
    b.sums[2 * k] += vectors[p];
    b.sums[2 * k + 1] += vectors[p + 1];
    b.counts[k] += 1;
  }
}

/** Writes each cell's mean vector into `out` (2 per cell; 0 where a cell is empty) and returns it. */
export function binnedMean(b: BinnedMeans, out: Float64Array): Float64Array {
  for (let k = 0; k < b.counts.length; k++) {
    const c = b.counts[k];
    out[2 * k] = c > 0 ? b.sums[2 * k] / c : 0;
    out[2 * k + 1] = c > 0 ? b.sums[2 * k + 1] / c : 0;
  }
  return out;
}

/** Empties the bins. */
export function binnedClear(b: BinnedMeans): void {
  b.sums.fill(0);
  b.counts.fill(0);
}

/**
 * How far the binned mean of the targets is from the binned mean of the true score over the same samples:
 * Σ_cells n_c ‖t̄_c − s̄_c‖ / Σ_cells n_c ‖s̄_c‖, over cells with at least `minCount` samples. 0 means the
 * averaged targets are the score. Both accumulators must share one lattice.
 */
export function binnedRelativeError(targets: BinnedMeans, truth: BinnedMeans, minCount = 1): number {
  if (targets.counts.length !== truth.counts.length) throw new Error('targets, truth: need the same lattice');
  let num = 0;
  let den = 0;
  for (let k = 0; k < targets.counts.length; k++) {
    const n = targets.counts[k];
    if (n < minCount) continue;
    const tx = targets.sums[2 * k] / n;
    const ty = targets.sums[2 * k + 1] / n;
    const sx = truth.sums[2 * k] / n;
    const sy = truth.sums[2 * k + 1] / n;
    num += n * Math.hypot(tx - sx, ty - sy);
    den += n * Math.hypot(sx, sy);
  }
  return den > 0 ? num / den : NaN;
}
