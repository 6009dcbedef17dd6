import type { Matrix } from './matrix';
import { patternOverlaps } from './patterns';
import { PatternRecaller } from './recall/pattern-recaller';
import type { Recall, RecallOptions } from './recall/recaller';
import { checkSeparation, separationValue, type Separation } from './recall/separation';
import { checkPatterns } from './score';
import { checkFinite, checkLength } from './validate';

/*
 * Dense Associative Memory (Krotov & Hopfield 2016; Demircigil et al. 2017; MATH.md §2c):
 * E(s) = −Σ_μ F(ξ_μ · s) for binary states s ∈ {±1}^N, with F = xⁿ, max(x, 0)ⁿ or e^{βx}.
 */

/**
 * E = −Σ_μ F(ξ_μ · s). patterns: K×N; state: length N. For F = e^{βx} this overflows to −Infinity once
 * β·max_μ ξ_μ·s > 709 (never NaN): use damLogEnergy for a finite number. Mutates nothing.
 */
export function damEnergy(patterns: Matrix, state: ArrayLike<number>, F: Separation): number {
  checkPatterns(patterns, 'patterns');
  checkLength(state, patterns.cols, 'state');
  checkFinite(state, 'state');
  checkSeparation(F);
  const m = patternOverlaps(patterns, state);
  if (F.kind === 'exp') return -Math.exp(lseScaled(m, F.beta ?? 1));
  let s = 0;
  for (let k = 0; k < m.length; k++) s += separationValue(F, m[k]);
  return -s;
}

function lseScaled(m: Float64Array, b: number): number {
  let mx = -Infinity;
  for (let k = 0; k < m.length; k++) if (b * m[k] > mx) mx = b * m[k];
  let s = 0;
  for (let k = 0; k < m.length; k++) s += Math.exp(b * m[k] - mx);
  return mx + Math.log(s);
}

/**
 * The exponential DAM's energy on a log scale: −β⁻¹ log Σ_μ exp(β ξ_μ·s) = −β⁻¹ log(−damEnergy), finite for every
 * finite input (max trick). Same minima and same update rule as damEnergy with F = e^{βx}.
 */
export function damLogEnergy(patterns: Matrix, state: ArrayLike<number>, beta = 1): number {
  checkPatterns(patterns, 'patterns');
  checkLength(state, patterns.cols, 'state');
  checkFinite(state, 'state');
  if (!(Number.isFinite(beta) && beta > 0)) throw new Error(`beta: must be a finite number > 0 (got ${beta})`);
  return -lseScaled(patternOverlaps(patterns, state), beta) / beta;
}

/**
 * Asynchronous DAM recall with the Krotov–Hopfield rule s_i ← Sign[Σ_μ F(ξ_μi + r_μ) − F(−ξ_μi + r_μ)],
 * r_μ = Σ_{j≠i} ξ_μj s_j, in a fresh random order each sweep, until a sweep changes nothing or opts.maxSweeps
 * (default 100). Energies (initial, then after each sweep) are damEnergy values and never rise; for
 * F = e^{βx} at large N they may be −Infinity, see PatternRecaller.logEnergy for a finite trace.
 * For animation use `new PatternRecaller(patterns, probe, F, rng)`.
 */
export function damRecall(patterns: Matrix, probe: ArrayLike<number>, F: Separation, opts: RecallOptions): Recall {
  if (!opts) throw new Error('opts: expected { rng, maxSweeps? }');
  checkSeparation(F);
  const r = new PatternRecaller(patterns, probe, F, opts.rng);
  return r.run(opts.maxSweeps ?? 100);
}
