import { dot } from './dot';
import { lbfgsStep } from './lbfgs';
import { createOptimizer, type Objective, type OptimizerKind, type OptimizerOptions, type OptimizerState } from './optimizer-state';

/**
 * One step of the chosen optimizer on E, starting from x (mutated in place). Updates:
 *   gd:        x ← x − α∇E(x)
 *   momentum:  v ← μv − α∇E(x);  x ← x + v
 *   adam:      m ← β₁m + (1−β₁)∇E;  u ← β₂u + (1−β₂)∇E²;  x ← x − α m̂ / (√û + ε)   (bias-corrected m̂, û)
 *   lbfgs:     d = −H∇E by the two-loop recursion (H₀ = sᵀy / yᵀy), then x ← x + t d with the largest
 *              t ∈ {1, ½, ¼, …} that satisfies Armijo's condition E(x + td) ≤ E(x) + 10⁻⁴ t ∇Eᵀd.
 * Returns ‖∇E‖ at the point where the step started (so a caller can stop once it is below a tolerance
 * without taking the step). Throws if the energy or gradient stops being finite.
 */
export function optimizerStep(state: OptimizerState, x: Float64Array, f: Objective): number {
  const d = state.dim;
  if (x.length !== d || f.dim !== d) throw new Error(`optimizer: x has length ${x.length}, expected ${d}`);
  const { alpha, mu, beta1, beta2, eps } = state.opts;
  const g = state.g;
  if (!state.hasGrad || state.kind !== 'lbfgs') {
    f.grad(x, g);
    state.evals++;
    state.hasGrad = true;
  }
  const gn = Math.sqrt(dot(g, g, d));
  if (!Number.isFinite(gn)) throw new Error('optimizer: the gradient is not finite (the step size is too large for this energy)');
  state.t++;
  if (state.kind === 'gd') {
    for (let i = 0; i < d; i++) x[i] -= alpha * g[i];
  } else if (state.kind === 'momentum') {
    for (let i = 0; i < d; i++) {
      state.v[i] = mu * state.v[i] - alpha * g[i];
      x[i] += state.v[i];
    }
  } else if (state.kind === 'adam') {
    const c1 = 1 - Math.pow(beta1, state.t);
    const c2 = 1 - Math.pow(beta2, state.t);
    for (let i = 0; i < d; i++) {
      state.v[i] = beta1 * state.v[i] + (1 - beta1) * g[i];
      state.w[i] = beta2 * state.w[i] + (1 - beta2) * g[i] * g[i];
      x[i] -= (alpha * (state.v[i] / c1)) / (Math.sqrt(state.w[i] / c2) + eps);
    }
  } else {
    lbfgsStep(state, x, f);
  }
  return gn;
}

export interface OptimizeResult {
  x: Float64Array;
  /** Steps taken until ‖∇E‖ < tol (or maxSteps). */
  steps: number;
  evals: number;
  converged: boolean;
  energy: number;
}

/** Runs an optimizer from x0 until ‖∇E‖ < tol or maxSteps steps. Does not mutate x0. */
export function optimize(kind: OptimizerKind, f: Objective, x0: ArrayLike<number>, options: OptimizerOptions & { tol?: number; maxSteps?: number }): OptimizeResult {
  const tol = options.tol ?? 1e-4;
  const maxSteps = options.maxSteps ?? 5000;
  const state = createOptimizer(kind, f.dim, options);
  const x = Float64Array.from(x0);
  let converged = false;
  while (state.t < maxSteps) {
    f.grad(x, state.g);
    if (Math.sqrt(dot(state.g, state.g, f.dim)) < tol) {
      converged = true;
      break;
    }
    optimizerStep(state, x, f);
  }
  return { x, steps: state.t, evals: state.evals, converged, energy: f.energy(x) };
}
