/*
 * Deep-learning optimizers used as samplers: plain gradient descent, heavy-ball momentum, Adam and L-BFGS,
 * each descending the same energy E(x). The survey (§6.2) suggests that once sampling is read as gradient
 * descent on an energy, these optimizers become available to it. Each optimizer keeps its state in typed
 * arrays made once by `createOptimizer`; `optimizerStep` mutates the state and x in place.
 *
 * Based on: Polyak (1964) for momentum; Kingma & Ba (2015), Algorithm 1, for Adam; Liu & Nocedal (1989) and
 * Nocedal & Wright, Numerical Optimization, Algorithm 7.4 (two-loop recursion), for L-BFGS, here with a
 * backtracking Armijo line search.
 */
import { checkInt, checkPositive } from './validate';

export type OptimizerKind = 'gd' | 'momentum' | 'adam' | 'lbfgs';
export const OPTIMIZER_KINDS: readonly OptimizerKind[] = ['gd', 'momentum', 'adam', 'lbfgs'];

/** An energy E: ℝ^d → ℝ and its gradient. `grad` writes ∇E(x) into `out` and returns it. */
export interface Objective {
  dim: number;
  energy(x: Float64Array): number;
  grad(x: Float64Array, out: Float64Array): Float64Array;
}

export interface OptimizerOptions {
  /** Step size α (the learning rate). GD: x ← x − α∇E. Adam: the scale of each coordinate's step. */
  alpha: number;
  /** Momentum coefficient μ ∈ [0, 1) (heavy ball). Default 0.9. */
  mu?: number;
  /** Adam's decay rates β₁, β₂ and its ε. Defaults 0.9, 0.999, 1e-8. */
  beta1?: number;
  beta2?: number;
  eps?: number;
  /** How many (s, y) pairs L-BFGS remembers. Default 5. */
  memory?: number;
}

/** Everything an optimizer carries from one step to the next (all typed arrays, length d or m·d). */
export interface OptimizerState {
  kind: OptimizerKind;
  dim: number;
  opts: Required<OptimizerOptions>;
  /** Steps taken so far. */
  t: number;
  /** Energy and gradient evaluations so far (a line search may spend several per step). */
  evals: number;
  /** Momentum velocity, or Adam's first moment m. */
  v: Float64Array;
  /** Adam's second moment. */
  w: Float64Array;
  /** Gradient scratch, and the gradient at the current x (valid when hasGrad). */
  g: Float64Array;
  hasGrad: boolean;
  /** L-BFGS history: s_k = x_{k+1} − x_k and y_k = ∇E_{k+1} − ∇E_k, ring buffers of m rows. */
  s: Float64Array;
  y: Float64Array;
  rho: Float64Array;
  pairs: number;
  head: number;
  dir: Float64Array;
  trial: Float64Array;
  gNew: Float64Array;
  alphas: Float64Array;
}

/** Makes a fresh optimizer state for a d-dimensional problem. Throws on non-positive α or μ outside [0, 1). */
export function createOptimizer(kind: OptimizerKind, dim: number, options: OptimizerOptions): OptimizerState {
  if (!OPTIMIZER_KINDS.includes(kind)) throw new Error(`optimizer: unknown kind "${String(kind)}"`);
  checkInt(dim, 1, 1e6, 'dim');
  checkPositive(options.alpha, 'alpha');
  const opts: Required<OptimizerOptions> = { mu: 0.9, beta1: 0.9, beta2: 0.999, eps: 1e-8, memory: 5, ...options };
  if (!(opts.mu >= 0 && opts.mu < 1)) throw new Error(`optimizer: μ must be in [0, 1) (got ${opts.mu})`);
  if (!(opts.beta1 >= 0 && opts.beta1 < 1) || !(opts.beta2 >= 0 && opts.beta2 < 1)) throw new Error('optimizer: Adam β₁, β₂ must be in [0, 1)');
  checkInt(opts.memory, 1, 100, 'memory');
  const m = opts.memory;
  return {
    kind, dim, opts, t: 0, evals: 0,
    v: new Float64Array(dim), w: new Float64Array(dim), g: new Float64Array(dim), hasGrad: false,
    s: new Float64Array(m * dim), y: new Float64Array(m * dim), rho: new Float64Array(m), pairs: 0, head: 0,
    dir: new Float64Array(dim), trial: new Float64Array(dim), gNew: new Float64Array(dim), alphas: new Float64Array(m),
  };
}

function dot(a: Float64Array, b: Float64Array, n: number, ao = 0, bo = 0): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[ao + i] * b[bo + i];
  return s;
}

/** ‖∇E(x)‖ at the optimizer's current point (the gradient of its last step), or NaN before the first step. */
export function optimizerGradNorm(state: OptimizerState): number {
  return state.hasGrad ? Math.sqrt(dot(state.g, state.g, state.dim)) : NaN;
}

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

function lbfgsStep(state: OptimizerState, x: Float64Array, f: Objective): void {
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
