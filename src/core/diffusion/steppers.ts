import { descendAlong } from '../descend';
import type { Rng } from '../rng';
import { checkFinite, checkInt, checkLength } from '../validate';
import type { ScoreFn } from './samplers';

/*
 * Batched, allocation-free steppers for figures that move thousands of particles one step per frame. Every
 * function advances all rows of `xs` (n×d, row-major) IN PLACE by one step and uses only the scratch arrays it is
 * given (each the same length as xs; make them once with createParticleScratch). They check lengths but not
 * finiteness, to stay cheap per frame.
 */

/** Batched score: fills `out` (n×d) with ∇log p(x; σ) for each row of `xs` (n×d) and returns it. */
export type BatchScoreFn = (xs: Float64Array, sigma: number, out: Float64Array) => Float64Array;

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
  return descendAlong(xs, grad(xs, scratch.a), alpha);
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
