import { dot } from './dot';
import type { Objective, OptimizerState } from './optimizer-state';

/**
 * One L-BFGS step from x (mutated in place): d = −H∇E by the two-loop recursion (Nocedal & Wright, Algorithm
 * 7.4; H₀ = sᵀy / yᵀy), then x ← x + t d with the largest t ∈ {1, ½, ¼, …} that satisfies Armijo's condition.
 * Needs the gradient at x in state.g; leaves the gradient at the new x there and updates the (s, y) history.
 */
export function lbfgsStep(state: OptimizerState, x: Float64Array, f: Objective): void {
  const d = state.dim;
  const m = state.opts.memory;
  const { g, dir, s, y, rho, alphas, trial, gNew } = state;
  // Two-loop recursion: dir = −H g.
  for (let i = 0; i < d; i++) dir[i] = g[i];
  for (let k = 0; k < state.pairs; k++) {
    const j = (state.head - 1 - k + m) % m;
    const a = rho[j] * dot(s, dir, d, j * d);
    alphas[j] = a;
    for (let i = 0; i < d; i++) dir[i] -= a * y[j * d + i];
  }
  let gamma = state.opts.alpha;
  if (state.pairs > 0) {
    const j = (state.head - 1 + m) % m;
    gamma = 1 / (rho[j] * dot(y, y, d, j * d, j * d));
  }
  for (let i = 0; i < d; i++) dir[i] *= gamma;
  for (let k = state.pairs - 1; k >= 0; k--) {
    const j = (state.head - 1 - k + m) % m;
    const b = rho[j] * dot(y, dir, d, j * d);
    for (let i = 0; i < d; i++) dir[i] += s[j * d + i] * (alphas[j] - b);
  }
  for (let i = 0; i < d; i++) dir[i] = -dir[i];
  let slope = dot(g, dir, d);
  if (!(slope < 0)) {
    // Not a descent direction (curvature went bad): forget the history and fall back to −α∇E.
    state.pairs = 0;
    for (let i = 0; i < d; i++) dir[i] = -state.opts.alpha * g[i];
    slope = dot(g, dir, d);
  }
  const e0 = f.energy(x);
  state.evals++;
  let t = 1;
  let e1 = Infinity;
  for (let tries = 0; tries < 40; tries++) {
    for (let i = 0; i < d; i++) trial[i] = x[i] + t * dir[i];
    e1 = f.energy(trial);
    state.evals++;
    if (e1 <= e0 + 1e-4 * t * slope) break;
    t *= 0.5;
  }
  if (!Number.isFinite(e1)) throw new Error('optimizer: the energy is not finite');
  f.grad(trial, gNew);
  state.evals++;
  // Store the pair (s, y) only when the curvature sᵀy is positive, so H stays positive definite.
  const j = state.head;
  let sy = 0;
  for (let i = 0; i < d; i++) {
    s[j * d + i] = trial[i] - x[i];
    y[j * d + i] = gNew[i] - g[i];
    sy += s[j * d + i] * y[j * d + i];
  }
  if (sy > 1e-12) {
    rho[j] = 1 / sy;
    state.head = (j + 1) % m;
    state.pairs = Math.min(state.pairs + 1, m);
  }
  x.set(trial);
  g.set(gNew);
}
