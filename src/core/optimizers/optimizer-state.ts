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
import { checkInt, checkPositive } from '../validate';
import { dot } from './dot';

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

/** ‖∇E(x)‖ at the optimizer's current point (the gradient of its last step), or NaN before the first step. */
export function optimizerGradNorm(state: OptimizerState): number {
  return state.hasGrad ? Math.sqrt(dot(state.g, state.g, state.dim)) : NaN;
}
