import type { Rng } from './rng';
import { checkFinite, checkInt, checkLength, checkPositive } from './validate';

/*
 * Score-based diffusion samplers for the variance-exploding picture (MATH.md §2e; survey Eqs. 6–9):
 * p(x; σ) = p₀ ∗ N(0, σ²I), the forward process adds Gaussian noise, and sampling runs σ from σ_max down to 0.
 * The EDM/Karras choice σ(t) = t makes time and noise level the same number, so a σ-schedule is a time grid.
 *
 * Two layers: single-trajectory samplers with the stable signatures (ScoreFn on one point), and batched,
 * allocation-free steppers on n×d Float64Arrays (BatchScoreFn) for figures that move thousands of particles
 * one step per frame.
 */

/** ∇ₓ log p(x; σ) at one point. Must return an array of the same length (it may reuse its own buffer). */
export type ScoreFn = (x: Float64Array, sigma: number) => Float64Array;

/** Batched score: fills `out` (n×d) with ∇log p(x; σ) for each row of `xs` (n×d) and returns it. */
export type BatchScoreFn = (xs: Float64Array, sigma: number, out: Float64Array) => Float64Array;

/**
 * Karras et al.'s (EDM) noise levels σ_i = (σ_max^{1/ρ} + i/(n−1)·(σ_min^{1/ρ} − σ_max^{1/ρ}))^ρ, i = 0…n−1,
 * then a final 0: n + 1 values, descending. n ≥ 2 (n = 1 gives [σ_max, 0]).
 */
export function karrasSigmas(n: number, sigmaMin: number, sigmaMax: number, rho = 7): number[] {
  checkInt(n, 1, 1e7, 'n');
  checkPositive(sigmaMin, 'sigmaMin');
  checkPositive(sigmaMax, 'sigmaMax');
  checkPositive(rho, 'rho');
  if (!(sigmaMax >= sigmaMin)) throw new Error(`sigmaMax: must be ≥ sigmaMin (got ${sigmaMax} < ${sigmaMin})`);
  if (n === 1) return [sigmaMax, 0];
  const a = Math.pow(sigmaMax, 1 / rho);
  const b = Math.pow(sigmaMin, 1 / rho);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(Math.pow(a + (i / (n - 1)) * (b - a), rho));
  out[0] = sigmaMax;
  out[n - 1] = sigmaMin;
  out.push(0);
  return out;
}

/** n geometrically spaced noise levels from σ_max down to σ_min (NCSN's σ₁ > … > σ_L), no trailing 0. */
export function geometricSigmas(n: number, sigmaMin: number, sigmaMax: number): number[] {
  checkInt(n, 1, 1e7, 'n');
  checkPositive(sigmaMin, 'sigmaMin');
  checkPositive(sigmaMax, 'sigmaMax');
  if (!(sigmaMax >= sigmaMin)) throw new Error(`sigmaMax: must be ≥ sigmaMin (got ${sigmaMax} < ${sigmaMin})`);
  if (n === 1) return [sigmaMax];
  const r = Math.log(sigmaMin / sigmaMax) / (n - 1);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(sigmaMax * Math.exp(r * i));
  out[n - 1] = sigmaMin;
  return out;
}

/**
 * Song et al.'s VE SDE noise scale σ(t) = σ_min (σ_max/σ_min)^t for t ∈ [0, 1]. (Its diffusion coefficient is
 * g(t) = √(dσ²/dt) = σ(t)√(2 log(σ_max/σ_min)); the steppers only need σ on a grid.)
 */
export function veSigma(t: number, sigmaMin: number, sigmaMax: number): number {
  return sigmaMin * Math.pow(sigmaMax / sigmaMin, t);
}

function checkSigmas(sigmas: ArrayLike<number>, allowZeroLast: boolean): void {
  if (!sigmas || sigmas.length < 1) throw new Error('sigmas: need at least one noise level');
  for (let i = 0; i < sigmas.length; i++) {
    const s = sigmas[i];
    const last = i === sigmas.length - 1;
    if (!Number.isFinite(s) || s < 0 || (s === 0 && !(allowZeroLast && last))) {
      throw new Error(`sigmas: entry ${i} must be a finite number > 0${allowZeroLast ? ' (only the last may be 0)' : ''} (got ${s})`);
    }
    if (i > 0 && s > sigmas[i - 1]) throw new Error(`sigmas: must be non-increasing (entry ${i} = ${s} > ${sigmas[i - 1]})`);
  }
}

function checkScoreOut(v: Float64Array, d: number): void {
  if (!v || v.length !== d) throw new Error(`score: returned length ${v?.length}, expected ${d}`);
}

/**
 * Probability-flow ODE dx/dσ = −σ ∇log p(x; σ) integrated with Heun's method over the given descending noise
 * levels (e.g. karrasSigmas(18, 0.002, 80)); a step to σ = 0 is plain Euler (Karras et al. Alg. 1).
 * Returns a new array; x0 is not mutated.
 */
export function probabilityFlowSample(score: ScoreFn, x0: ArrayLike<number>, sigmas: ArrayLike<number>): Float64Array {
  checkFinite(x0, 'x0');
  checkSigmas(sigmas, true);
  const d = x0.length;
  const x = Float64Array.from(x0);
  const xn = new Float64Array(d);
  const d0 = new Float64Array(d);
  for (let i = 0; i + 1 < sigmas.length; i++) {
    const s = sigmas[i];
    const sn = sigmas[i + 1];
    const g = score(x, s);
    checkScoreOut(g, d);
    for (let k = 0; k < d; k++) {
      d0[k] = -s * g[k];
      xn[k] = x[k] + (sn - s) * d0[k];
    }
    if (sn > 0) {
      const g2 = score(xn, sn);
      checkScoreOut(g2, d);
      for (let k = 0; k < d; k++) x[k] += (sn - s) * 0.5 * (d0[k] - sn * g2[k]);
    } else x.set(xn);
  }
  return x;
}

/**
 * The reverse-time VE SDE dx = −(dσ²/dt)∇log p dt + √(dσ²/dt) dw̄ by Euler–Maruyama on a σ grid:
 * x ← x + (σ_i² − σ_{i+1}²) ∇log p(x; σ_i) + √(σ_i² − σ_{i+1}²) z. Any schedule (VE, or EDM's σ(t) = t) is a grid.
 * With `denoiseLast` (default true) the last step adds no noise. Returns a new array.
 */
export function reverseSdeSample(score: ScoreFn, x0: ArrayLike<number>, sigmas: ArrayLike<number>, opts: { rng: Rng; denoiseLast?: boolean }): Float64Array {
  checkFinite(x0, 'x0');
  checkSigmas(sigmas, true);
  if (!opts || !opts.rng) throw new Error('opts.rng: a generator from createRng(seed) is required');
  const d = x0.length;
  const x = Float64Array.from(x0);
  const last = sigmas.length - 2;
  for (let i = 0; i + 1 < sigmas.length; i++) {
    const v = sigmas[i] * sigmas[i] - sigmas[i + 1] * sigmas[i + 1];
    const g = score(x, sigmas[i]);
    checkScoreOut(g, d);
    const noise = i === last && opts.denoiseLast !== false ? 0 : Math.sqrt(v);
    for (let k = 0; k < d; k++) x[k] += v * g[k] + (noise === 0 ? 0 : noise * opts.rng.normal());
  }
  return x;
}

/** Options of annealed Langevin dynamics: steps per noise level T, base step ε (α_i = ε σ_i²/σ_L²), and the Rng. */
export interface LangevinOptions {
  rng: Rng;
  stepsPerLevel: number;
  eps: number;
}

/**
 * NCSN annealed Langevin dynamics (Song & Ermon 2019): for each σ_i (descending, all > 0), repeat T times
 * x ← x + (α_i/2) ∇log p(x; σ_i) + √α_i z with α_i = ε σ_i²/σ_L², σ_L the last level. Returns a new array.
 */
export function annealedLangevinSample(score: ScoreFn, x0: ArrayLike<number>, sigmas: ArrayLike<number>, opts: LangevinOptions): Float64Array {
  checkFinite(x0, 'x0');
  checkSigmas(sigmas, false);
  if (!opts || !opts.rng) throw new Error('opts.rng: a generator from createRng(seed) is required');
  checkInt(opts.stepsPerLevel, 1, 1e9, 'stepsPerLevel');
  checkPositive(opts.eps, 'eps');
  const d = x0.length;
  const x = Float64Array.from(x0);
  const sL = sigmas[sigmas.length - 1];
  for (let i = 0; i < sigmas.length; i++) {
    const a = (opts.eps * sigmas[i] * sigmas[i]) / (sL * sL);
    const sa = Math.sqrt(a);
    for (let t = 0; t < opts.stepsPerLevel; t++) {
      const g = score(x, sigmas[i]);
      checkScoreOut(g, d);
      for (let k = 0; k < d; k++) x[k] += 0.5 * a * g[k] + sa * opts.rng.normal();
    }
  }
  return x;
}

/* ---------------------------------------------------------------------------------------------------------
 * Batched, allocation-free steppers. Every function advances all rows of `xs` (n×d, row-major) IN PLACE by one
 * step and uses only the scratch arrays it is given (each the same length as xs; make them once with
 * createParticleScratch). They check lengths but not finiteness, to stay cheap per frame.
 * ------------------------------------------------------------------------------------------------------- */

/** Scratch buffers for the batched steppers, each of length n·d. */
export interface ParticleScratch {
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
}

/** Allocates the scratch buffers for `length` = n·d numbers (do this once, outside the frame loop). */
export function createParticleScratch(length: number): ParticleScratch {
  checkInt(length, 0, 1e9, 'length');
  return { a: new Float64Array(length), b: new Float64Array(length), c: new Float64Array(length) };
}

function checkScratch(xs: Float64Array, s: ParticleScratch): void {
  if (!s || !s.a || s.a.length !== xs.length || s.b.length !== xs.length || s.c.length !== xs.length) {
    throw new Error(`scratch: need three arrays of length ${xs.length} (createParticleScratch(xs.length))`);
  }
}

/** Probability-flow Euler step from σ to σNext: x ← x + (σNext − σ)(−σ ∇log p(x; σ)). Uses scratch.a. */
export function pfEulerStepBatch(score: BatchScoreFn, xs: Float64Array, sigma: number, sigmaNext: number, scratch: ParticleScratch): void {
  checkScratch(xs, scratch);
  const g = score(xs, sigma, scratch.a);
  const h = (sigmaNext - sigma) * -sigma;
  for (let k = 0; k < xs.length; k++) xs[k] += h * g[k];
}

/**
 * Probability-flow Heun step from σ to σNext (Euler if σNext = 0), exactly as probabilityFlowSample does per
 * step. Uses scratch.a, .b, .c.
 */
export function pfHeunStepBatch(score: BatchScoreFn, xs: Float64Array, sigma: number, sigmaNext: number, scratch: ParticleScratch): void {
  checkScratch(xs, scratch);
  const { a, b, c } = scratch;
  score(xs, sigma, a);
  const ds = sigmaNext - sigma;
  for (let k = 0; k < xs.length; k++) {
    a[k] *= -sigma; // a = dx/dσ at σ
    b[k] = xs[k] + ds * a[k];
  }
  if (sigmaNext > 0) {
    score(b, sigmaNext, c);
    for (let k = 0; k < xs.length; k++) xs[k] += ds * 0.5 * (a[k] - sigmaNext * c[k]);
  } else xs.set(b);
}

/**
 * Reverse-SDE Euler–Maruyama step from σ to σNext: x ← x + (σ² − σNext²) ∇log p(x; σ) + √(σ² − σNext²) z, with
 * no noise when `noise` is false (e.g. on the final step). Uses scratch.a.
 */
export function reverseSdeStepBatch(score: BatchScoreFn, xs: Float64Array, sigma: number, sigmaNext: number, rng: Rng, scratch: ParticleScratch, noise = true): void {
  checkScratch(xs, scratch);
  const g = score(xs, sigma, scratch.a);
  const v = Math.max(0, sigma * sigma - sigmaNext * sigmaNext);
  const sv = noise ? Math.sqrt(v) : 0;
  if (sv === 0) for (let k = 0; k < xs.length; k++) xs[k] += v * g[k];
  else for (let k = 0; k < xs.length; k++) xs[k] += v * g[k] + sv * rng.normal();
}

/** One Langevin step at noise level σ with step α: x ← x + (α/2) ∇log p(x; σ) + √α z. Uses scratch.a. */
export function langevinStepBatch(score: BatchScoreFn, xs: Float64Array, sigma: number, alpha: number, rng: Rng, scratch: ParticleScratch): void {
  checkScratch(xs, scratch);
  const g = score(xs, sigma, scratch.a);
  const h = 0.5 * alpha;
  const sa = Math.sqrt(alpha);
  for (let k = 0; k < xs.length; k++) xs[k] += h * g[k] + sa * rng.normal();
}

/** Batched energy gradient: fills `out` (n×d) with ∇E of each row of `xs` and returns it (e.g. lseGradBatch). */
export type BatchGradFn = (xs: Float64Array, out: Float64Array) => Float64Array;

/**
 * Gradient descent on an energy (survey Eq. 11): x ← x − α ∇E(x) for every particle. Uses scratch.a.
 * Returns the largest |α ∇E| component (0 means every particle sits at a fixed point).
 */
export function energyDescentStepBatch(grad: BatchGradFn, xs: Float64Array, alpha: number, scratch: ParticleScratch): number {
  checkScratch(xs, scratch);
  const g = grad(xs, scratch.a);
  let mx = 0;
  for (let k = 0; k < xs.length; k++) {
    const dv = alpha * g[k];
    xs[k] -= dv;
    const m = dv < 0 ? -dv : dv;
    if (m > mx) mx = m;
  }
  return mx;
}

/** Forward noising of the VE process from σ to σNext > σ: x ← x + √(σNext² − σ²) z, in place. */
export function forwardNoiseStepBatch(xs: Float64Array, sigma: number, sigmaNext: number, rng: Rng): void {
  if (!(sigmaNext >= sigma && sigma >= 0)) throw new Error(`sigmaNext: must be ≥ sigma ≥ 0 (got ${sigma} → ${sigmaNext})`);
  const s = Math.sqrt(sigmaNext * sigmaNext - sigma * sigma);
  for (let k = 0; k < xs.length; k++) xs[k] += s * rng.normal();
}

/** x_σ = x₀ + σ z: a noisy copy of clean data at noise level σ (the forward marginal). Writes into `out` (allocated if absent). */
export function forwardNoise(x0: ArrayLike<number>, sigma: number, rng: Rng, out?: Float64Array): Float64Array {
  checkFinite(x0, 'x0');
  if (!(Number.isFinite(sigma) && sigma >= 0)) throw new Error(`sigma: must be a finite number ≥ 0 (got ${sigma})`);
  const r = out ?? new Float64Array(x0.length);
  checkLength(r, x0.length, 'out');
  for (let k = 0; k < x0.length; k++) r[k] = x0[k] + sigma * rng.normal();
  return r;
}

/**
 * Wraps a batched score as a single-point ScoreFn (reusing one output buffer per distinct length), so the
 * stable single-trajectory samplers and the batched steppers can share one score implementation.
 */
export function pointScore(batch: BatchScoreFn): ScoreFn {
  let buf = new Float64Array(0);
  return (x, sigma) => {
    if (buf.length !== x.length) buf = new Float64Array(x.length);
    return batch(x, sigma, buf);
  };
}
