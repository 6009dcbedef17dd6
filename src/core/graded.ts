import type { Matrix } from './matrix';
import { logCosh } from './special';
import { checkFinite, checkLength, checkPositive } from './validate';

/*
 * The graded (continuous) Hopfield network of Hopfield 1984 (MATH.md §2b):
 *   τ du/dt = −u + W g(u) + I,   V = g(u) = tanh(λu),
 *   E = −½ VᵀWV + Σ_i ∫₀^{V_i} g⁻¹(z) dz − IᵀV,   dE/dt ≤ 0 for symmetric W.
 * With g⁻¹(z) = atanh(z)/λ the integral is V_i u_i − λ⁻¹ log cosh(λu_i), which stays finite as V → ±1.
 */

/** Options of the graded network: gain λ > 0 (default 1), optional input currents I (length N). */
export interface GradedOptions {
  lambda?: number;
  input?: ArrayLike<number>;
}

function checkSquare(W: Matrix): number {
  if (!W || W.rows !== W.cols || W.rows < 1) throw new Error(`weights: must be a non-empty square matrix (got ${W?.rows}×${W?.cols})`);
  return W.rows;
}

/** V = tanh(λu), written into `out` (allocated if absent) and returned. */
export function gradedActivation(u: ArrayLike<number>, lambda = 1, out?: Float64Array): Float64Array {
  const V = out ?? new Float64Array(u.length);
  for (let i = 0; i < u.length; i++) V[i] = Math.tanh(lambda * u[i]);
  return V;
}

/**
 * E(u) = −½ VᵀWV + Σ_i [V_i u_i − λ⁻¹ log cosh(λu_i)] − IᵀV with V = tanh(λu). weights: N×N symmetric; u: length N.
 * Mutates nothing.
 */
export function gradedHopfieldEnergy(weights: Matrix, u: ArrayLike<number>, opts: GradedOptions = {}): number {
  const N = checkSquare(weights);
  checkLength(u, N, 'u');
  checkFinite(u, 'u');
  const lambda = opts.lambda ?? 1;
  checkPositive(lambda, 'lambda');
  if (opts.input) checkLength(opts.input, N, 'input');
  const V = gradedActivation(u, lambda);
  const W = weights.data;
  let quad = 0;
  let integ = 0;
  let inp = 0;
  for (let i = 0; i < N; i++) {
    let h = 0;
    for (let j = 0; j < N; j++) h += W[i * N + j] * V[j];
    quad += V[i] * h;
    integ += V[i] * u[i] - logCosh(lambda * u[i]) / lambda;
    if (opts.input) inp += opts.input[i] * V[i];
  }
  return -0.5 * quad + integ - inp;
}

/**
 * One Euler step of τ du/dt = −u + W tanh(λu) + I: u ← u + (dt/τ)(−u + W V + I). Mutates `u` in place (length N)
 * and uses `scratch` (length N, allocated if absent) for V. Returns the largest |Δu| of the step.
 */
export function gradedHopfieldStep(weights: Matrix, u: Float64Array, dt: number, opts: GradedOptions & { tau?: number; scratch?: Float64Array } = {}): number {
  const N = checkSquare(weights);
  checkLength(u, N, 'u');
  checkPositive(dt, 'dt');
  const tau = opts.tau ?? 1;
  checkPositive(tau, 'tau');
  const lambda = opts.lambda ?? 1;
  checkPositive(lambda, 'lambda');
  if (opts.input) checkLength(opts.input, N, 'input');
  const V = gradedActivation(u, lambda, opts.scratch && opts.scratch.length === N ? opts.scratch : undefined);
  const W = weights.data;
  const a = dt / tau;
  let maxMove = 0;
  for (let i = 0; i < N; i++) {
    let h = 0;
    const o = i * N;
    for (let j = 0; j < N; j++) h += W[o + j] * V[j];
    const du = a * (-u[i] + h + (opts.input ? opts.input[i] : 0));
    u[i] += du;
    const m = Math.abs(du);
    if (m > maxMove) maxMove = m;
  }
  return maxMove;
}
