import { matrixFromData, type Matrix } from './matrix';
import type { Rng } from './rng';
import { checkPositive } from './validate';
import { checkLagrangian, lagrangianActivation, lagrangianValue, type Lagrangian } from './lagrangians';

/*
 * A hierarchical associative memory (HAM): a chain of neuron layers x_0 (features, bottom) … x_{L−1} (top),
 * adjacent layers joined by synaptic matrices W_ℓ (shape n_{ℓ+1} × n_ℓ). Based on Krotov, "Hierarchical
 * Associative Memory" (2021) and Hoover et al., "A Universal Abstraction for Hierarchical Hopfield Networks"
 * (HAMUX, 2022); the survey's §4.4 and, for two layers, its TinyBrain Eqs. 12–16 (MATH.md §2d).
 *
 * Each layer has a convex HamLagrangian L_ℓ with activation g_ℓ = ∇L_ℓ(x_ℓ) and an input current I_ℓ. Energy:
 *   E = Σ_ℓ [ (x_ℓ − I_ℓ)ᵀ g_ℓ − L_ℓ(x_ℓ) ]  −  Σ_ℓ g_{ℓ+1}ᵀ W_ℓ g_ℓ            (layer + synaptic energies)
 * Dynamics (τ_ℓ dx_ℓ/dt = −∂E/∂g_ℓ):
 *   τ_ℓ dx_ℓ/dt = W_{ℓ−1} g_{ℓ−1} + W_ℓᵀ g_{ℓ+1} − x_ℓ + I_ℓ
 * so dE/dt = −Σ_ℓ τ_ℓ ẋ_ℓᵀ ∇²L_ℓ ẋ_ℓ ≤ 0: the energy never rises, however many layers are stacked.
 */

/** A layer's Lagrangian (the same three as TinyBrain's): ½‖x‖², Σ log cosh x, or β⁻¹ log Σ e^{βx}. */
export type HamLagrangian = Lagrangian;

export interface HamLayer {
  size: number;
  lagrangian: HamLagrangian;
  /** Time constant τ_ℓ > 0. */
  tau: number;
}

export interface Ham {
  layers: HamLayer[];
  /** weights[ℓ] joins layer ℓ to layer ℓ+1: shape n_{ℓ+1} × n_ℓ. */
  weights: Matrix[];
  /** Input currents I_ℓ (length n_ℓ each). */
  inputs: Float64Array[];
}

/** The internal states x_ℓ and activations g_ℓ of every layer. */
export interface HamState {
  x: Float64Array[];
  g: Float64Array[];
}

/** The energy split into its parts: one term per layer, one per synaptic matrix, and their sum. */
export interface HamEnergy {
  total: number;
  layers: Float64Array;
  synapses: Float64Array;
}

/** The activation g = ∇L(x) of one layer (identity, tanh or softmax(βx)), written into `g` and returned. */
export function hamLayerActivation(l: HamLagrangian, x: Float64Array, g: Float64Array): Float64Array {
  return lagrangianActivation(l, x, g);
}

/** The Lagrangian L(x) of one layer (overflow-safe). Mutates nothing. */
export function hamLayerLagrangian(l: HamLagrangian, x: Float64Array): number {
  return lagrangianValue(l, x);
}

/**
 * Builds a HAM with the given layer sizes and Lagrangians and random synapses W_ℓ ~ N(0, scale²/n_ℓ), drawn
 * from `rng` (so a seed fixes the network). Input currents start at zero. Throws on sizes < 1, fewer than two
 * layers, or a non-positive scale or τ.
 */
export function createHam(sizes: number[], lagrangians: HamLagrangian[], rng: Rng, scale = 1, taus?: number[]): Ham {
  if (sizes.length < 2) throw new Error(`sizes: a hierarchy needs at least two layers (got ${sizes.length})`);
  if (lagrangians.length !== sizes.length) throw new Error(`lagrangians: need one per layer (got ${lagrangians.length} for ${sizes.length} layers)`);
  checkPositive(scale, 'scale');
  const layers: HamLayer[] = sizes.map((size, l) => {
    if (!(Number.isInteger(size) && size >= 1)) throw new Error(`sizes[${l}]: must be a positive integer (got ${size})`);
    checkLagrangian(lagrangians[l], `lagrangians[${l}]`);
    const tau = taus?.[l] ?? 1;
    checkPositive(tau, `taus[${l}]`);
    return { size, lagrangian: lagrangians[l], tau };
  });
  const weights: Matrix[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const data = new Float64Array(sizes[l + 1] * sizes[l]);
    const sd = scale / Math.sqrt(sizes[l]);
    for (let i = 0; i < data.length; i++) data[i] = sd * rng.normal();
    weights.push(matrixFromData(sizes[l + 1], sizes[l], data));
  }
  return { layers, weights, inputs: sizes.map((n) => new Float64Array(n)) };
}

/** A state with internal states x_ℓ ~ N(0, spread²) from `rng` and activations computed from them. */
export function createHamState(ham: Ham, rng: Rng, spread = 1): HamState {
  const x = ham.layers.map((l) => {
    const v = new Float64Array(l.size);
    for (let i = 0; i < v.length; i++) v[i] = spread * rng.normal();
    return v;
  });
  const g = ham.layers.map((l, i) => hamLayerActivation(l.lagrangian, x[i], new Float64Array(l.size)));
  return { x, g };
}

/** Recomputes every g_ℓ = ∇L_ℓ(x_ℓ) from the current x_ℓ. Mutates `state.g`. */
export function hamActivate(ham: Ham, state: HamState): void {
  ham.layers.forEach((l, i) => hamLayerActivation(l.lagrangian, state.x[i], state.g[i]));
}
