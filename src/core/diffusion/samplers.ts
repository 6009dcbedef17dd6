import type { Rng } from '../rng';
import { checkFinite, checkInt, checkPositive } from '../validate';

/*
 * Score-based diffusion samplers for one trajectory (MATH.md §2e; survey Eqs. 6–9), with the stable signatures:
 * a ScoreFn on one point, descending noise levels (e.g. from schedules.ts), and a new array returned.
 */

/** ∇ₓ log p(x; σ) at one point. Must return an array of the same length (it may reuse its own buffer). */
export type ScoreFn = (x: Float64Array, sigma: number) => Float64Array;

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
