import { descendAlong } from './descend';
import type { Matrix } from './matrix';
import type { Rng } from './rng';
import { lseGradBatch } from './lse';
import { checkInt, checkPositive } from './validate';

/*
 * The two dynamics of survey Table 1, batched over particles, for the exact score of a Gaussian-smoothed set of
 * memories (the score a perfectly trained diffusion model learns from K training points).
 *
 * Ambrogioni's identity (MATH.md §2f) gives that score from the associative memory's own energy:
 *   ∇log p_σ(x) = −β ∇E_β(x),  β = 1/σ²,
 * so every step below calls lseGradBatch and nothing else. Associative memory (Eq. 11): x ← x − α ∇E_β(x).
 * Diffusion (Table 1): x ← x + α(t) F(x, t), with F(x, t) = ∇log p_{σ(t)}(x) and α(t) set by the noise schedule.
 * All steppers are allocation-free: the caller passes a scratch array `grad` of the same length as `xs`.
 */

export type ScheduleKind = 'karras' | 'geometric' | 'linear';

/**
 * n noise levels σ_0 = σ_max > … > σ_{n−1} = σ_min (n ≥ 2).
 * karras: (σ_max^{1/ρ} + i/(n−1)·(σ_min^{1/ρ} − σ_max^{1/ρ}))^ρ, ρ = 7 (EDM); geometric: σ_max (σ_min/σ_max)^{i/(n−1)}
 * (NCSN); linear: evenly spaced in σ. Returns a new Float64Array.
 */
export function noiseSchedule(kind: ScheduleKind, n: number, sigmaMin: number, sigmaMax: number, rho = 7): Float64Array<ArrayBuffer> {
  checkInt(n, 2, 100000, 'n');
  checkPositive(sigmaMin, 'sigmaMin');
  checkPositive(sigmaMax, 'sigmaMax');
  if (!(sigmaMax > sigmaMin)) throw new Error(`sigmaMax: must exceed sigmaMin (got σ_max = ${sigmaMax}, σ_min = ${sigmaMin})`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = i / (n - 1);
    if (kind === 'karras') {
      const a = Math.pow(sigmaMax, 1 / rho);
      const b = Math.pow(sigmaMin, 1 / rho);
      out[i] = Math.pow(a + u * (b - a), rho);
    } else if (kind === 'geometric') {
      out[i] = sigmaMax * Math.pow(sigmaMin / sigmaMax, u);
    } else if (kind === 'linear') {
      out[i] = sigmaMax + u * (sigmaMin - sigmaMax);
    } else {
      throw new Error(`kind: unknown schedule "${String(kind)}"`);
    }
  }
  out[n - 1] = sigmaMin;
  return out;
}

/**
 * The exact smoothed-empirical score for n particles: out = ∇log p_σ(x) = −∇E_β(x)/σ², β = 1/σ². xs: n×d; out
 * same length (overwritten, returned).
 */
export function smoothedScoreBatch(xs: Float64Array, memories: Matrix, sigma: number, out: Float64Array): Float64Array {
  checkPositive(sigma, 'sigma');
  const s2 = sigma * sigma;
  lseGradBatch(xs, memories, 1 / s2, out);
  for (let i = 0; i < out.length; i++) out[i] = -out[i] / s2;
  return out;
}

/**
 * Associative-memory descent, survey Eq. 11: x ← x − α ∇E_β(x) for every particle. Mutates xs and grad.
 * Returns the largest coordinate change (0 at a fixed point).
 */
export function amDescentStep(xs: Float64Array, memories: Matrix, beta: number, alpha: number, grad: Float64Array): number {
  checkPositive(alpha, 'alpha');
  return descendAlong(xs, lseGradBatch(xs, memories, beta, grad), alpha);
}

/**
 * One Euler step of the probability-flow ODE from noise level σ to σ_next < σ (survey Eqs. 8–9 with the exact
 * score): x ← x + α F(x, σ), α = σ (σ − σ_next). With σ_next = 0 the step is α = σ², which is Tweedie's
 * denoiser x + σ²∇log p_σ(x), i.e. one modern Hopfield update at β = 1/σ². Mutates xs and grad; returns the
 * largest coordinate change.
 */
export function pfOdeStep(xs: Float64Array, memories: Matrix, sigma: number, sigmaNext: number, grad: Float64Array): number {
  if (!(sigmaNext >= 0 && sigmaNext <= sigma)) throw new Error(`sigmaNext: must be in [0, σ] (got ${sigmaNext} with σ = ${sigma})`);
  smoothedScoreBatch(xs, memories, sigma, grad);
  const alpha = sigma * (sigma - sigmaNext);
  let maxMove = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = alpha * grad[i];
    xs[i] += d;
    const a = d < 0 ? -d : d;
    if (a > maxMove) maxMove = a;
  }
  return maxMove;
}

/**
 * One Euler–Maruyama step of the reverse-time VE SDE from σ to σ_next < σ (Song et al. 2021):
 *   x ← x + (σ² − σ_next²) ∇log p_σ(x) + √(σ² − σ_next²) z,  z ~ N(0, I) from rng.
 * With σ_next = 0 the last step adds the full remaining noise; samplers usually end with a noise-free Tweedie step
 * instead (pfOdeStep with σ_next = 0). Mutates xs and grad; consumes xs.length normals.
 */
export function reverseSdeStep(xs: Float64Array, memories: Matrix, sigma: number, sigmaNext: number, rng: Rng, grad: Float64Array): void {
  if (!(sigmaNext >= 0 && sigmaNext <= sigma)) throw new Error(`sigmaNext: must be in [0, σ] (got ${sigmaNext} with σ = ${sigma})`);
  smoothedScoreBatch(xs, memories, sigma, grad);
  const v = sigma * sigma - sigmaNext * sigmaNext;
  const s = Math.sqrt(v);
  for (let i = 0; i < xs.length; i++) xs[i] += v * grad[i] + s * rng.normal();
}

/**
 * One step of Langevin dynamics at a fixed noise level (NCSN's inner loop, Song & Ermon 2019):
 *   x ← x + ε ∇log p_σ(x) + √(2ε) z.
 * Its stationary distribution is p_σ itself, so particles never come to rest. Mutates xs and grad.
 */
export function langevinStep(xs: Float64Array, memories: Matrix, sigma: number, eps: number, rng: Rng, grad: Float64Array): void {
  checkPositive(eps, 'eps');
  smoothedScoreBatch(xs, memories, sigma, grad);
  const s = Math.sqrt(2 * eps);
  for (let i = 0; i < xs.length; i++) xs[i] += eps * grad[i] + s * rng.normal();
}

/** Index of the memory nearest to particle p (xs: n×d). */
export function nearestMemory(xs: ArrayLike<number>, p: number, memories: Matrix): { index: number; distance: number } {
  const { rows: K, cols: d, data } = memories;
  let best = -1;
  let bestD = Infinity;
  for (let m = 0; m < K; m++) {
    let s = 0;
    for (let i = 0; i < d; i++) {
      const diff = xs[p * d + i] - data[m * d + i];
      s += diff * diff;
    }
    if (s < bestD) {
      bestD = s;
      best = m;
    }
  }
  return { index: best, distance: Math.sqrt(bestD) };
}
