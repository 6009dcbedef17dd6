import { matrixFromData, type Matrix } from './matrix';
import type { Rng } from './rng';
import { besselRatio, fastExpNonPositive as expNonPositiveImported, logBesselI0, SOFTMAX_CUTOFF } from './special';
import { checkFinite, checkInt, checkLength, checkPositive } from './validate';

// Module-local binding: test runners that rewrite imports into property loads (vite-node) can still inline it.
const fastExpNonPositive = expNonPositiveImported;

/*
 * Data sets with exact answers: isotropic Gaussian mixtures (their score at any noise level σ is known in
 * closed form, so a sampler driven by it should recover the mixture weights), K points on a ring, and the
 * continuous ring whose smoothed energy involves Bessel functions (MATH.md §2g).
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
  if (xs.length % d !== 0) throw new Error(`xs: length ${xs.length} is not a multiple of the dimension ${d}`);
  checkLength(out, xs.length, 'out');
  if (!(Number.isFinite(sigma) && sigma >= 0)) throw new Error(`sigma: must be a finite number ≥ 0 (got ${sigma})`);
  const v = new Float64Array(K);
  const lw = new Float64Array(K * 2);
  for (let k = 0; k < K; k++) {
    v[k] = stds[k] * stds[k] + sigma * sigma;
    if (!(v[k] > 0)) throw new Error('sigma: must be > 0 when a component has std 0');
    lw[k] = Math.log(weights[k]) - 0.5 * d * Math.log(v[k]);
  }
  const a = lw.subarray(K);
  const n = xs.length / d;
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

/** K points evenly spaced on a circle of the given radius (default 1), starting at angle `phase`: a K×2 matrix. */
export function ringPoints(K: number, radius = 1, phase = 0): Matrix {
  checkInt(K, 1, 1e8, 'K');
  checkPositive(radius, 'radius');
  const data = new Float64Array(2 * K);
  for (let k = 0; k < K; k++) {
    const t = phase + (2 * Math.PI * k) / K;
    data[2 * k] = radius * Math.cos(t);
    data[2 * k + 1] = radius * Math.sin(t);
  }
  return matrixFromData(K, 2, data);
}

/** n points drawn uniformly on the circle of the given radius: an n×2 matrix. */
export function sampleRing(n: number, rng: Rng, radius = 1): Matrix {
  checkInt(n, 1, 1e9, 'n');
  checkPositive(radius, 'radius');
  const data = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    const t = 2 * Math.PI * rng.uniform();
    data[2 * k] = radius * Math.cos(t);
    data[2 * k + 1] = radius * Math.sin(t);
  }
  return matrixFromData(n, 2, data);
}

/**
 * The continuous ring's energy in the survey's convention (the K → ∞ limit of lseEnergy over ring points of
 * radius r): E_β(x) = −β⁻¹ log (1/2π)∮ exp(−(β/2)‖x − u‖²) dθ = ½(R² + r²) − β⁻¹ log I₀(βrR), R = ‖x‖.
 * In Pham et al.'s convention (no ½, β_P = β/2) their E(R) = R² + 1 − β_P⁻¹ log I₀(2β_P R) is exactly 2·ringEnergy
 * at β = 2β_P, so both have the same minima. x: length 2.
 */
export function ringEnergy(x: ArrayLike<number>, beta: number, radius = 1): number {
  checkLength(x, 2, 'x');
  checkFinite(x, 'x');
  checkPositive(beta, 'beta');
  checkPositive(radius, 'radius');
  const R = Math.hypot(x[0], x[1]);
  return 0.5 * (R * R + radius * radius) - logBesselI0(beta * radius * R) / beta;
}

/**
 * ∇E_β of the continuous ring: x − r A(βrR) x̂, A = I₁/I₀ (the softmax-weighted mean of the ring is r A x̂).
 * Batched over n 2-D particles (xs: n×2, out: n×2, returned). The smoothed score at σ is −β × this, β = 1/σ².
 */
export function ringGradBatch(xs: Float64Array, beta: number, out: Float64Array, radius = 1): Float64Array {
  checkPositive(beta, 'beta');
  checkLength(out, xs.length, 'out');
  if (xs.length % 2 !== 0) throw new Error(`xs: length ${xs.length} is not a multiple of 2`);
  for (let p = 0; p < xs.length; p += 2) {
    const x0 = xs[p];
    const x1 = xs[p + 1];
    const R = Math.hypot(x0, x1);
    if (R === 0) {
      out[p] = 0;
      out[p + 1] = 0;
      continue;
    }
    const c = (radius * besselRatio(beta * radius * R)) / R;
    out[p] = x0 - c * x0;
    out[p + 1] = x1 - c * x1;
  }
  return out;
}

/** Exact score ∇log p_σ of the uniform ring smoothed by N(0, σ²I): −(1/σ²)·ringGrad at β = 1/σ². Batched (n×2). */
export function ringScoreBatch(xs: Float64Array, sigma: number, out: Float64Array, radius = 1): Float64Array {
  checkPositive(sigma, 'sigma');
  const beta = 1 / (sigma * sigma);
  ringGradBatch(xs, beta, out, radius);
  for (let k = 0; k < out.length; k++) out[k] *= -beta;
  return out;
}

/**
 * The radius R⋆ of the ring of minima of ringEnergy: the largest root of R = r A(βrR) (A = I₁/I₀), found by
 * bisection. It is 0 (a single minimum at the centre) when βr² ≤ 2; R⋆ → r as β → ∞. In Pham's convention
 * β_P = β/2, so R⋆(β_P = 20) = ringRadius(40) = 0.98726.
 */
export function ringRadius(beta: number, radius = 1): number {
  checkPositive(beta, 'beta');
  checkPositive(radius, 'radius');
  if (beta * radius * radius <= 2) return 0;
  // φ(R) = R − r A(βrR) is negative just above 0 and positive at R = r; bisection on (0, r].
  let lo = 1e-12 * radius;
  let hi = radius;
  for (let it = 0; it < 200; it++) {
    const mid = 0.5 * (lo + hi);
    if (mid - radius * besselRatio(beta * radius * mid) > 0) hi = mid;
    else lo = mid;
    if (hi - lo < 1e-15 * radius) break;
  }
  return 0.5 * (lo + hi);
}
