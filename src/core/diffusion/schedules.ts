import { checkInt, checkPositive } from '../validate';

/*
 * Noise schedules for the variance-exploding picture (MATH.md §2e; survey Eqs. 6–9): p(x; σ) = p₀ ∗ N(0, σ²I),
 * and sampling runs σ from σ_max down to 0. The EDM/Karras choice σ(t) = t makes time and noise level the same
 * number, so a σ-schedule is a time grid.
 */

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
