import { matrixFromData, type Matrix } from './matrix';
import { checkFinite, checkLength, checkPositive } from './validate';
import { lseWeightsInto } from './lse';

/*
 * Gradient descent on an energy, in continuous and in discrete time (survey Eqs. 10–11, MATH.md §1):
 *   Eq. 10   τ dx/dt = −∇E(x)                     (gradient flow, time constant τ)
 *   Eq. 11   x^{t+1} = x^t − α ∇E(x^t),  α = Δt/τ  (its forward-Euler discretisation)
 * plus the curvature tools that say when the discrete step is safe: if every eigenvalue of the Hessian is at
 * most λ_max, a step α < 2/λ_max never raises the energy (the descent lemma); past it, the stiffest direction
 * overshoots by more than it corrects.
 */

/** Writes ∇E(x) into `out` (same length as x). Must not mutate x. */
export type GradientFn = (x: Float64Array, out: Float64Array) => void;

/**
 * One step of Eq. 11: x ← x − α ∇E(x). Mutates `x` in place; `scratch` (length d) receives ∇E(x).
 * Returns ‖∇E(x)‖ at the point the step started from.
 */
export function descentStep(x: Float64Array, grad: GradientFn, alpha: number, scratch: Float64Array): number {
  checkPositive(alpha, 'alpha');
  checkLength(scratch, x.length, 'scratch');
  grad(x, scratch);
  let n2 = 0;
  for (let i = 0; i < x.length; i++) {
    n2 += scratch[i] * scratch[i];
    x[i] -= alpha * scratch[i];
  }
  return Math.sqrt(n2);
}

/** Scratch space for {@link gradientFlow}: five length-d arrays, allocated once per dimension. */
export interface FlowScratch {
  k1: Float64Array;
  k2: Float64Array;
  k3: Float64Array;
  k4: Float64Array;
  tmp: Float64Array;
}
export function createFlowScratch(d: number): FlowScratch {
  return { k1: new Float64Array(d), k2: new Float64Array(d), k3: new Float64Array(d), k4: new Float64Array(d), tmp: new Float64Array(d) };
}

/**
 * Advances Eq. 10, τ dx/dt = −∇E(x), by a span of time `dt` with classical Runge–Kutta (RK4) substeps no
 * longer than `maxSub`·τ, so the result is the continuous-time trajectory to within plotting accuracy.
 * Mutates `x` in place. Returns the number of substeps taken. Allocation-free given `s`.
 */
export function gradientFlow(x: Float64Array, grad: GradientFn, tau: number, dt: number, maxSub: number, s: FlowScratch): number {
  checkPositive(tau, 'tau');
  checkPositive(maxSub, 'maxSub');
  if (!(Number.isFinite(dt) && dt >= 0)) throw new Error(`dt: must be a finite number ≥ 0 (got ${dt})`);
  const d = x.length;
  if (s.k1.length !== d) throw new Error(`scratch: dimension mismatch (length ${s.k1.length}, expected ${d})`);
  const n = Math.max(1, Math.ceil(dt / (maxSub * tau) - 1e-9));
  const h = dt / n / tau;
  if (dt === 0) return 0;
  const { k1, k2, k3, k4, tmp } = s;
  for (let step = 0; step < n; step++) {
    grad(x, k1);
    for (let i = 0; i < d; i++) tmp[i] = x[i] - 0.5 * h * k1[i];
    grad(tmp, k2);
    for (let i = 0; i < d; i++) tmp[i] = x[i] - 0.5 * h * k2[i];
    grad(tmp, k3);
    for (let i = 0; i < d; i++) tmp[i] = x[i] - h * k3[i];
    grad(tmp, k4);
    for (let i = 0; i < d; i++) x[i] -= (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
  }
  return n;
}

/**
 * The Hessian of the log-sum-exp energy (MATH.md §2a): ∇²E_β(x) = I − β Cov_w(ξ), where
 * w = softmax_μ(−(β/2)‖x − ξ_μ‖²) and Cov_w(ξ) = Σ_μ w_μ ξ_μ ξ_μᵀ − m mᵀ, m = Σ_μ w_μ ξ_μ.
 * Every eigenvalue is ≤ 1, so on this energy α < 2 always descends. x: length d; memories K×d.
 * Returns a new d×d matrix. Mutates nothing.
 */
export function lseHessian(x: ArrayLike<number>, memories: Matrix, beta: number): Matrix {
  const { rows: K, cols: d, data } = memories;
  if (K < 1) throw new Error('memories: need at least one pattern (empty pattern set)');
  checkLength(x, d, 'x');
  checkFinite(x, 'x');
  checkPositive(beta, 'beta');
  const w = new Float64Array(K);
  const mean = new Float64Array(d);
  lseWeightsInto(x, memories, beta, w, mean);
  const h = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      let c = 0;
      for (let m = 0; m < K; m++) c += w[m] * (data[m * d + i] - mean[i]) * (data[m * d + j] - mean[j]);
      const v = (i === j ? 1 : 0) - beta * c;
      h[i * d + j] = v;
      h[j * d + i] = v;
    }
  }
  return matrixFromData(d, d, h);
}

/**
 * The eigenvalues of a symmetric matrix, in ascending order, by cyclic Jacobi rotations (fine for the small
 * matrices the figures need, d ≲ 50). Throws if the matrix is not square or not symmetric to 1e-9 relative.
 * Returns a new array. Mutates nothing.
 */
export function symmetricEigenvalues(m: Matrix): Float64Array {
  const n = m.rows;
  if (m.cols !== n) throw new Error(`matrix: must be square (got ${m.rows}×${m.cols})`);
  checkFinite(m.data, 'matrix');
  const a = Float64Array.from(m.data);
  let scale = 0;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i]));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.abs(a[i * n + j] - a[j * n + i]) > 1e-9 * Math.max(1, scale)) throw new Error('matrix: must be symmetric');
    }
  }
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i * n + j] * a[i * n + j];
    if (off <= 1e-30 * Math.max(1, scale * scale)) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
      }
    }
  }
  const ev = new Float64Array(n);
  for (let i = 0; i < n; i++) ev[i] = a[i * n + i];
  return ev.sort();
}

/**
 * A quadratic valley E(x) = ½ Σ_i λ_i x_i², the textbook energy whose Hessian is diag(λ) everywhere, so the
 * discrete step is stable exactly for α < 2/max λ_i. x and lambdas: length d. Mutates nothing.
 */
export function quadraticEnergy(x: ArrayLike<number>, lambdas: ArrayLike<number>): number {
  checkLength(x, lambdas.length, 'x');
  let e = 0;
  for (let i = 0; i < x.length; i++) e += 0.5 * lambdas[i] * x[i] * x[i];
  return e;
}

/** ∇ of {@link quadraticEnergy}: out_i = λ_i x_i. Writes into `out` and returns it. */
export function quadraticGrad(x: ArrayLike<number>, lambdas: ArrayLike<number>, out: Float64Array): Float64Array {
  checkLength(x, lambdas.length, 'x');
  checkLength(out, lambdas.length, 'out');
  for (let i = 0; i < x.length; i++) out[i] = lambdas[i] * x[i];
  return out;
}
