import type { Matrix } from '../matrix';
import type { Rng } from '../rng';
import { fastExpNonPositive as expNonPositiveImported, SOFTMAX_CUTOFF } from '../special';
import { checkBatch, checkFinite, checkInt, checkLength } from '../validate';

// Module-local binding: test runners that rewrite imports into property loads (vite-node) can still inline it.
const fastExpNonPositive = expNonPositiveImported;

/*
 * Isotropic Gaussian mixtures, a data set with exact answers: their score at any noise level σ is known in
 * closed form, so a sampler driven by it should recover the mixture weights.
 */

/** An isotropic Gaussian mixture Σ_k w_k N(μ_k, s_k² I). */
export interface GaussianMixture {
  /** K×d component means. */
  means: Matrix;
  /** K weights, normalised to sum to 1. */
  weights: Float64Array;
  /** K standard deviations s_k ≥ 0 (0 = a point mass, the empirical-data case). */
  stds: Float64Array;
}

/**
 * Builds a mixture. weights default to uniform and are normalised; std is one number for all components or one
 * per component (≥ 0; default 0). Throws naming the argument on bad input.
 */
export function gaussianMixture(means: Matrix, weights?: ArrayLike<number>, std: number | ArrayLike<number> = 0): GaussianMixture {
  if (!means || !(means.rows >= 1) || !(means.cols >= 1)) throw new Error('means: need at least one component (empty pattern set)');
  checkFinite(means.data, 'means');
  const K = means.rows;
  const w = new Float64Array(K);
  if (weights) {
    checkLength(weights, K, 'weights');
    let s = 0;
    for (let k = 0; k < K; k++) {
      if (!(Number.isFinite(weights[k]) && weights[k] >= 0)) throw new Error(`weights: entry ${k} must be a finite number ≥ 0 (got ${weights[k]})`);
      s += weights[k];
    }
    if (!(s > 0)) throw new Error('weights: must not all be 0');
    for (let k = 0; k < K; k++) w[k] = weights[k] / s;
  } else w.fill(1 / K);
  const stds = new Float64Array(K);
  if (typeof std === 'number') {
    if (!(Number.isFinite(std) && std >= 0)) throw new Error(`std: must be a finite number ≥ 0 (got ${std})`);
    stds.fill(std);
  } else {
    checkLength(std, K, 'std');
    for (let k = 0; k < K; k++) {
      if (!(Number.isFinite(std[k]) && std[k] >= 0)) throw new Error(`std: entry ${k} must be a finite number ≥ 0 (got ${std[k]})`);
      stds[k] = std[k];
    }
  }
  return { means, weights: w, stds };
}

/**
 * Exact batched score of the mixture smoothed to noise σ: ∇log Σ_k w_k N(x; μ_k, (s_k² + σ²)I) =
 * Σ_k r_k (μ_k − x)/(s_k² + σ²), r_k the posterior responsibilities (max trick). xs: n×d; out: n×d, returned.
 * Needs s_k² + σ² > 0 for every k. Allocates one K-length scratch per call.
 */
export function mixtureScoreBatch(mix: GaussianMixture, xs: Float64Array, sigma: number, out: Float64Array): Float64Array {
  const { means, weights, stds } = mix;
  const { rows: K, cols: d, data } = means;
  const n = checkBatch(xs, d, out);
  if (!(Number.isFinite(sigma) && sigma >= 0)) throw new Error(`sigma: must be a finite number ≥ 0 (got ${sigma})`);
  const v = new Float64Array(K);
  const lw = new Float64Array(K * 2);
  for (let k = 0; k < K; k++) {
    v[k] = stds[k] * stds[k] + sigma * sigma;
    if (!(v[k] > 0)) throw new Error('sigma: must be > 0 when a component has std 0');
    lw[k] = Math.log(weights[k]) - 0.5 * d * Math.log(v[k]);
  }
  const a = lw.subarray(K);
  for (let p = 0; p < n; p++) {
    const off = p * d;
    let mx = -Infinity;
    for (let k = 0; k < K; k++) {
      let s = 0;
      for (let i = 0; i < d; i++) {
        const df = xs[off + i] - data[k * d + i];
        s += df * df;
      }
      a[k] = lw[k] - (0.5 * s) / v[k];
      if (a[k] > mx) mx = a[k];
    }
    let z = 0;
    for (let k = 0; k < K; k++) {
      const t = a[k] - mx;
      a[k] = t > SOFTMAX_CUTOFF ? fastExpNonPositive(t) : 0;
      z += a[k];
    }
    for (let i = 0; i < d; i++) out[off + i] = 0;
    for (let k = 0; k < K; k++) {
      const c = a[k] / z / v[k];
      if (c === 0) continue;
      for (let i = 0; i < d; i++) out[off + i] += c * (data[k * d + i] - xs[off + i]);
    }
  }
  return out;
}

/** Exact score of the mixture at one point and noise σ (see mixtureScoreBatch). Returns a new array. */
export function mixtureScore(mix: GaussianMixture, x: ArrayLike<number>, sigma: number): Float64Array {
  checkLength(x, mix.means.cols, 'x');
  checkFinite(x, 'x');
  const xs = Float64Array.from(x);
  return mixtureScoreBatch(mix, xs, sigma, new Float64Array(xs.length));
}

/** log of the mixture density smoothed to noise σ at x (max trick). */
export function mixtureLogDensity(mix: GaussianMixture, x: ArrayLike<number>, sigma: number): number {
  const { rows: K, cols: d, data } = mix.means;
  checkLength(x, d, 'x');
  checkFinite(x, 'x');
  const a = new Float64Array(K);
  let mx = -Infinity;
  for (let k = 0; k < K; k++) {
    const v = mix.stds[k] * mix.stds[k] + sigma * sigma;
    if (!(v > 0)) throw new Error('sigma: must be > 0 when a component has std 0');
    let s = 0;
    for (let i = 0; i < d; i++) {
      const df = x[i] - data[k * d + i];
      s += df * df;
    }
    a[k] = Math.log(mix.weights[k]) - 0.5 * d * Math.log(2 * Math.PI * v) - (0.5 * s) / v;
    if (a[k] > mx) mx = a[k];
  }
  let z = 0;
  for (let k = 0; k < K; k++) z += Math.exp(a[k] - mx);
  return mx + Math.log(z);
}

/** n samples from the mixture (n×d row-major, written into `out` if given). Returns the samples. */
export function sampleMixture(mix: GaussianMixture, n: number, rng: Rng, out?: Float64Array): Float64Array {
  checkInt(n, 0, 1e9, 'n');
  const { rows: K, cols: d, data } = mix.means;
  const r = out ?? new Float64Array(n * d);
  checkLength(r, n * d, 'out');
  for (let p = 0; p < n; p++) {
    let u = rng.uniform();
    let k = 0;
    while (k < K - 1 && u >= mix.weights[k]) {
      u -= mix.weights[k];
      k++;
    }
    for (let i = 0; i < d; i++) r[p * d + i] = data[k * d + i] + mix.stds[k] * rng.normal();
  }
  return r;
}

/**
 * Assigns each row of xs (n×d) to the nearest component mean and returns the fraction of rows per component
 * (length K): compare with mix.weights to check that a sampler recovered the mixture.
 */
export function nearestComponentFractions(mix: GaussianMixture, xs: Float64Array): Float64Array<ArrayBuffer> {
  const { rows: K, cols: d, data } = mix.means;
  if (xs.length % d !== 0) throw new Error(`xs: length ${xs.length} is not a multiple of the dimension ${d}`);
  const n = xs.length / d;
  const counts = new Float64Array(K);
  for (let p = 0; p < n; p++) {
    let best = 0;
    let bd = Infinity;
    for (let k = 0; k < K; k++) {
      let s = 0;
      for (let i = 0; i < d; i++) {
        const df = xs[p * d + i] - data[k * d + i];
        s += df * df;
      }
      if (s < bd) {
        bd = s;
        best = k;
      }
    }
    counts[best]++;
  }
  if (n > 0) for (let k = 0; k < K; k++) counts[k] /= n;
  return counts;
}
