import { matrixFromRows, type Matrix } from './matrix';
import type { Rng } from './rng';
import { checkPositive } from './validate';

/*
 * Isotropic Gaussian mixtures with unequal weights, their exact noised score, and score-generic batched
 * samplers (NCSN Langevin, reverse SDE, probability-flow ODE with Heun) for the diffusion chapter.
 * Under the VE forward process the data p_0 = Σ_k w_k N(μ_k, s_k² I) becomes
 *   p_σ(x) = Σ_k w_k N(x; μ_k, (s_k² + σ²) I),
 * so its score is known in closed form at every noise level (MATH.md §2e, VE SDE). All steppers take the score
 * as a function, so they run the same on a mixture, on a smoothed data set or on a learned network.
 */

/** A batched score: writes ∇ₓ log p_σ at each row of xs (n×d) into out (same length) and returns out. */
export type BatchScore = (xs: Float64Array, sigma: number, out: Float64Array) => Float64Array;

export interface Gmm {
  /** K×d component means μ_k. */
  means: Matrix;
  /** K weights w_k, positive, summing to 1. */
  weights: Float64Array;
  /** K component standard deviations s_k ≥ 0. */
  stds: Float64Array;
}

/** Builds a mixture; weights are normalised to sum to 1. Throws, naming the argument, on bad input. */
export function createGmm(means: ArrayLike<number>[], weights: ArrayLike<number>, stds: ArrayLike<number>): Gmm {
  const m = matrixFromRows(means);
  if (weights.length !== m.rows) throw new Error(`weights: need ${m.rows} weights (got ${weights.length})`);
  if (stds.length !== m.rows) throw new Error(`stds: need ${m.rows} standard deviations (got ${stds.length})`);
  let total = 0;
  for (let k = 0; k < m.rows; k++) {
    if (!(weights[k] > 0) || !Number.isFinite(weights[k])) throw new Error(`weights: must be positive and finite (got ${weights[k]})`);
    if (!(stds[k] >= 0) || !Number.isFinite(stds[k])) throw new Error(`stds: must be ≥ 0 and finite (got ${stds[k]})`);
    total += weights[k];
  }
  const w = Float64Array.from(weights, (v) => v / total);
  return { means: m, weights: w, stds: Float64Array.from(stds) };
}

/**
 * Exact score of the noised mixture, ∇log p_σ(x) = Σ_k r_k(x) (μ_k − x)/v_k with v_k = s_k² + σ² and
 * responsibilities r = softmax_k(log w_k − (d/2) log v_k − ‖x − μ_k‖²/(2v_k)) (max trick, never overflows).
 * xs: n×d; out: same length, overwritten and returned; must not alias xs. σ = 0 is allowed when every s_k > 0.
 */
export function gmmScoreBatch(xs: Float64Array, g: Gmm, sigma: number, out: Float64Array): Float64Array {
  const { rows: K, cols: d, data } = g.means;
  if (!(sigma >= 0) || !Number.isFinite(sigma)) throw new Error(`sigma: must be ≥ 0 and finite (got ${sigma})`);
  if (xs.length % d !== 0) throw new Error(`xs: length ${xs.length} is not a multiple of the dimension ${d}`);
  if (out.length !== xs.length) throw new Error(`out: length ${out.length}, expected ${xs.length}`);
  const a = new Float64Array(K);
  const inv = new Float64Array(K);
  const base = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const v = g.stds[k] * g.stds[k] + sigma * sigma;
    if (!(v > 0)) throw new Error('sigma: must be > 0 when a component has zero spread');
    inv[k] = 1 / v;
    base[k] = Math.log(g.weights[k]) - 0.5 * d * Math.log(v);
  }
  const n = xs.length / d;
  for (let p = 0; p < n; p++) {
    const o = p * d;
    let max = -Infinity;
    for (let k = 0; k < K; k++) {
      let s = 0;
      for (let i = 0; i < d; i++) {
        const diff = xs[o + i] - data[k * d + i];
        s += diff * diff;
      }
      a[k] = base[k] - 0.5 * s * inv[k];
      if (a[k] > max) max = a[k];
    }
    let z = 0;
    for (let k = 0; k < K; k++) {
      a[k] = Math.exp(a[k] - max);
      z += a[k];
    }
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += a[k] * (data[k * d + i] - xs[o + i]) * inv[k];
      out[o + i] = s / z;
    }
  }
  return out;
}

/** log p_σ(x) of the noised mixture at one point (for tests and heatmaps). x: length d. */
export function gmmLogDensity(x: ArrayLike<number>, g: Gmm, sigma: number): number {
  const { rows: K, cols: d, data } = g.means;
  let max = -Infinity;
  const a = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const v = g.stds[k] * g.stds[k] + sigma * sigma;
    let s = 0;
    for (let i = 0; i < d; i++) {
      const diff = x[i] - data[k * d + i];
      s += diff * diff;
    }
    a[k] = Math.log(g.weights[k]) - 0.5 * d * Math.log(2 * Math.PI * v) - (0.5 * s) / v;
    if (a[k] > max) max = a[k];
  }
  let z = 0;
  for (let k = 0; k < K; k++) z += Math.exp(a[k] - max);
  return max + Math.log(z);
}

/** Draws n = out.length / d samples from the mixture noised at σ into out (n×d). Consumes rng. */
export function gmmSample(g: Gmm, sigma: number, rng: Rng, out: Float64Array): Float64Array {
  const { rows: K, cols: d, data } = g.means;
  const n = out.length / d;
  for (let p = 0; p < n; p++) {
    let u = rng.uniform();
    let k = 0;
    while (k < K - 1 && u >= g.weights[k]) u -= g.weights[k++];
    const sd = Math.sqrt(g.stds[k] * g.stds[k] + sigma * sigma);
    for (let i = 0; i < d; i++) out[p * d + i] = data[k * d + i] + sd * rng.normal();
  }
  return out;
}

/** For each row of xs (n×d), the index of the component with the largest responsibility at σ = 0 (nearest by likelihood). */
export function gmmAssign(xs: Float64Array, g: Gmm, out: Uint32Array): Uint32Array {
  const { rows: K, cols: d, data } = g.means;
  const n = xs.length / d;
  for (let p = 0; p < n; p++) {
    let best = 0;
    let bestA = -Infinity;
    for (let k = 0; k < K; k++) {
      const v = Math.max(g.stds[k] * g.stds[k], 1e-12);
      let s = 0;
      for (let i = 0; i < d; i++) {
        const diff = xs[p * d + i] - data[k * d + i];
        s += diff * diff;
      }
      const a = Math.log(g.weights[k]) - 0.5 * d * Math.log(v) - (0.5 * s) / v;
      if (a > bestA) {
        bestA = a;
        best = k;
      }
    }
    out[p] = best;
  }
  return out;
}

/**
 * One NCSN Langevin update at noise level σ with step α (Song & Ermon 2019; MATH.md §2e):
 *   x ← x + (α/2) s(x, σ) + √α z,  z ~ N(0, I).
 * In annealed Langevin α = ε σ²/σ_L². Mutates xs and grad (the score scratch, same length); consumes xs.length normals.
 */
export function langevinScoreStep(score: BatchScore, xs: Float64Array, sigma: number, alpha: number, rng: Rng, grad: Float64Array): void {
  checkPositive(alpha, 'alpha');
  score(xs, sigma, grad);
  const h = 0.5 * alpha;
  const s = Math.sqrt(alpha);
  for (let i = 0; i < xs.length; i++) xs[i] += h * grad[i] + s * rng.normal();
}

/**
 * One Euler–Maruyama step of the reverse VE SDE from σ down to σ_next (Song et al. 2021; MATH.md §2e):
 *   x ← x + (σ² − σ_next²) s(x, σ) + √(σ² − σ_next²) z.
 * Mutates xs and grad; consumes xs.length normals.
 */
export function reverseSdeScoreStep(score: BatchScore, xs: Float64Array, sigma: number, sigmaNext: number, rng: Rng, grad: Float64Array): void {
  if (!(sigmaNext >= 0 && sigmaNext <= sigma)) throw new Error(`sigmaNext: must be in [0, σ] (got ${sigmaNext} with σ = ${sigma})`);
  score(xs, sigma, grad);
  const v = sigma * sigma - sigmaNext * sigmaNext;
  const s = Math.sqrt(v);
  for (let i = 0; i < xs.length; i++) xs[i] += v * grad[i] + s * rng.normal();
}

/**
 * One step of the probability-flow ODE dx/dσ = −σ s(x, σ) (survey Eq. 8 with σ(s) = s, the EDM choice) from σ to
 * σ_next, in either direction: σ_next < σ denoises (decodes), σ_next > σ adds noise deterministically (encodes).
 * Heun's second-order method (Karras et al. 2022, Alg. 1); Euler when σ_next = 0. k1, k2, tmp: scratch arrays
 * the length of xs. Mutates xs and the scratch. Returns the largest coordinate change.
 */
export function pfOdeHeunStep(score: BatchScore, xs: Float64Array, sigma: number, sigmaNext: number, k1: Float64Array, k2: Float64Array, tmp: Float64Array): number {
  if (!(sigma > 0) || !(sigmaNext >= 0) || !Number.isFinite(sigma) || !Number.isFinite(sigmaNext)) throw new Error(`sigma, sigmaNext: need σ > 0 and σ_next ≥ 0 (got ${sigma}, ${sigmaNext})`);
  const h = sigmaNext - sigma;
  score(xs, sigma, k1);
  for (let i = 0; i < xs.length; i++) k1[i] *= -sigma; // dx/dσ at σ
  let maxMove = 0;
  if (sigmaNext === 0) {
    for (let i = 0; i < xs.length; i++) {
      const d = h * k1[i];
      xs[i] += d;
      if (Math.abs(d) > maxMove) maxMove = Math.abs(d);
    }
    return maxMove;
  }
  for (let i = 0; i < xs.length; i++) tmp[i] = xs[i] + h * k1[i];
  score(tmp, sigmaNext, k2);
  for (let i = 0; i < xs.length; i++) {
    const d = 0.5 * h * (k1[i] - sigmaNext * k2[i]);
    xs[i] += d;
    if (Math.abs(d) > maxMove) maxMove = Math.abs(d);
  }
  return maxMove;
}
