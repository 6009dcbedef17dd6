import { matrixFromData, type Matrix } from './matrix';
import type { Rng } from './rng';
import { checkFinite, checkPositive } from './validate';

/*
 * The forward (corruption) process of a variance-exploding diffusion, as a drop of dye spreads in water
 * (survey §1, Eq. 7; MATH.md §2e "VE SDE"): dx = √(dσ²/dt) dω, so after the noise grows from σ to σ' a particle
 * has moved by √(σ'² − σ²) z with z ~ N(0, I). Started from droplets p₀ = (1/K) Σ_μ N(c_μ, w²I), the marginal at
 * noise σ is p_σ = (1/K) Σ_μ N(c_μ, (w² + σ²)I), whose exact score resemblance.ts computes with the effective
 * width √(w² + σ²).
 */

/**
 * Noise schedule σ_k = σ_max (k/n)^γ on n + 1 evenly spaced times t_k = k/n, from σ_0 = 0 to σ_n = σ_max.
 * γ = ½ is Brownian motion (σ² grows linearly in time, as a dye's spread does); γ = 1 is the EDM choice σ(t) ∝ t
 * (Karras et al. 2022), which takes finer steps near t = 0 and so reverses more accurately. Returns a new array.
 */
export function powerSigmas(n: number, sigmaMax: number, gamma = 1): Float64Array {
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`n: must be an integer ≥ 1 (got ${n})`);
  checkPositive(sigmaMax, 'sigmaMax');
  checkPositive(gamma, 'gamma');
  const out = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) out[k] = sigmaMax * Math.pow(k / n, gamma);
  return out;
}

/**
 * One Euler–Maruyama step of the forward VE SDE from noise σ to σ_next ≥ σ: x ← x + √(σ_next² − σ²) z for every
 * coordinate of xs (any shape, flat). Mutates xs; consumes xs.length normals from rng. Exact in distribution.
 */
export function veForwardStep(xs: Float64Array, sigma: number, sigmaNext: number, rng: Rng): void {
  if (!(sigma >= 0 && sigmaNext >= sigma && Number.isFinite(sigmaNext))) throw new Error(`sigmaNext: must be ≥ σ ≥ 0 (got σ = ${sigma}, σ_next = ${sigmaNext})`);
  const s = Math.sqrt(sigmaNext * sigmaNext - sigma * sigma);
  for (let i = 0; i < xs.length; i++) xs[i] += s * rng.normal();
}

/**
 * Draws n points from the droplet mixture (1/K) Σ_μ N(c_μ, w²I): each point picks a centre uniformly, then adds
 * w·z. centres: K×d; out: n×d (overwritten and returned). Consumes n uniforms and n·d normals.
 */
export function sampleDroplets(centres: Matrix, width: number, rng: Rng, out: Float64Array): Float64Array {
  if (!(width >= 0 && Number.isFinite(width))) throw new Error(`width: must be a finite number ≥ 0 (got ${width})`);
  const { rows: K, cols: d, data } = centres;
  if (out.length % d !== 0) throw new Error(`out: length ${out.length} is not a multiple of the dimension ${d}`);
  const n = out.length / d;
  for (let p = 0; p < n; p++) {
    const m = Math.min(K - 1, Math.floor(rng.uniform() * K));
    for (let i = 0; i < d; i++) out[p * d + i] = data[m * d + i] + width * rng.normal();
  }
  return out;
}

/**
 * Resamples a drawn polyline (flat [x, y, …], at least one point) to `count` points evenly spaced by arc length,
 * so a stroke becomes a set of droplet centres. Returns a count×2 matrix. A single point is repeated.
 */
export function resamplePolyline(points: ArrayLike<number>, count: number): Matrix {
  checkFinite(points, 'points');
  const n = Math.floor(points.length / 2);
  if (n < 1) throw new Error('points: need at least one point');
  if (!(Number.isInteger(count) && count >= 1)) throw new Error(`count: must be an integer ≥ 1 (got ${count})`);
  const cum = new Float64Array(n);
  for (let i = 1; i < n; i++) cum[i] = cum[i - 1] + Math.hypot(points[2 * i] - points[2 * i - 2], points[2 * i + 1] - points[2 * i - 1]);
  const total = cum[n - 1];
  const out = new Float64Array(2 * count);
  let j = 0;
  for (let k = 0; k < count; k++) {
    const s = count === 1 || total === 0 ? 0 : (k / (count - 1)) * total;
    while (j < n - 2 && cum[j + 1] < s) j++;
    const seg = n === 1 ? 0 : cum[j + 1] - cum[j];
    const u = seg > 0 ? Math.min(1, Math.max(0, (s - cum[j]) / seg)) : 0;
    const b = n === 1 ? j : j + 1;
    out[2 * k] = points[2 * j] + u * (points[2 * b] - points[2 * j]);
    out[2 * k + 1] = points[2 * j + 1] + u * (points[2 * b + 1] - points[2 * j + 1]);
  }
  return matrixFromData(count, 2, out);
}
