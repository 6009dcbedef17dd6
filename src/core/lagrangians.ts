import { logCosh } from './special';
import { checkPositive } from './validate';

/*
 * The convex Lagrangians of a layer of neurons (Krotov & Hopfield 2021; MATH.md §2d): a layer with internal
 * state x has activation g = ∇L(x) and layer energy (x − I)ᵀg − L(x). TinyBrain and the hierarchical memory
 * build every layer from one of these.
 */

/** A layer's Lagrangian: ½‖x‖² (g = x), Σ log cosh x (g = tanh x), or β⁻¹ log Σ e^{βx} (g = softmax(βx)). */
export type Lagrangian = { kind: 'identity' } | { kind: 'tanh' } | { kind: 'softmax'; beta: number };

/** Throws unless L is one of the three Lagrangians with valid parameters (message names `name`). */
export function checkLagrangian(L: Lagrangian, name: string): void {
  if (!L || typeof L !== 'object') throw new Error(`${name}: expected { kind: 'identity' | 'tanh' | 'softmax' }`);
  if (L.kind === 'softmax') checkPositive(L.beta, `${name}.beta`);
  else if (L.kind !== 'identity' && L.kind !== 'tanh') throw new Error(`${name}.kind: must be 'identity', 'tanh' or 'softmax' (got ${(L as { kind: unknown }).kind})`);
}

/** L(x): ½‖x‖², Σ log cosh x_i, or β⁻¹ log Σ e^{βx_i} (max trick). Mutates nothing. */
export function lagrangianValue(L: Lagrangian, x: ArrayLike<number>): number {
  const n = x.length;
  if (L.kind === 'identity') {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i] * x[i];
    return 0.5 * s;
  }
  if (L.kind === 'tanh') {
    let s = 0;
    for (let i = 0; i < n; i++) s += logCosh(x[i]);
    return s;
  }
  const b = L.beta;
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (b * x[i] > m) m = b * x[i];
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(b * x[i] - m);
  return (m + Math.log(s)) / b;
}

/** The activation g = ∇L(x) written into `out` (allocated if absent) and returned. `out` may alias `x`. */
export function lagrangianActivation(L: Lagrangian, x: ArrayLike<number>, out?: Float64Array): Float64Array {
  const n = x.length;
  const g = out ?? new Float64Array(n);
  if (L.kind === 'identity') for (let i = 0; i < n; i++) g[i] = x[i];
  else if (L.kind === 'tanh') for (let i = 0; i < n; i++) g[i] = Math.tanh(x[i]);
  else {
    const b = L.beta;
    let m = -Infinity;
    for (let i = 0; i < n; i++) if (b * x[i] > m) m = b * x[i];
    let s = 0;
    for (let i = 0; i < n; i++) {
      g[i] = Math.exp(b * x[i] - m);
      s += g[i];
    }
    for (let i = 0; i < n; i++) g[i] /= s;
  }
  return g;
}

/** The Hessian-vector product ∇²L(x)·v into `out` (allocated if absent): v, (1 − tanh²x)∘v, or β(p∘v − p(p·v)). */
export function lagrangianHessianVec(L: Lagrangian, x: ArrayLike<number>, v: ArrayLike<number>, out?: Float64Array): Float64Array {
  const n = x.length;
  const r = out ?? new Float64Array(n);
  if (L.kind === 'identity') for (let i = 0; i < n; i++) r[i] = v[i];
  else if (L.kind === 'tanh')
    for (let i = 0; i < n; i++) {
      const t = Math.tanh(x[i]);
      r[i] = (1 - t * t) * v[i];
    }
  else {
    const p = lagrangianActivation(L, x);
    let pv = 0;
    for (let i = 0; i < n; i++) pv += p[i] * v[i];
    for (let i = 0; i < n; i++) r[i] = L.beta * p[i] * (v[i] - pv);
  }
  return r;
}

/**
 * Layer energy (survey Eq. 12): (x − I)ᵀ g(x) − L(x). For softmax without input it equals β⁻¹ Σ p log p ∈ [−β⁻¹ log n, 0].
 * Mutates nothing.
 */
export function layerEnergy(L: Lagrangian, x: ArrayLike<number>, input?: ArrayLike<number>): number {
  const g = lagrangianActivation(L, x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - (input ? input[i] : 0)) * g[i];
  return s - lagrangianValue(L, x);
}
