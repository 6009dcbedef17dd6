import type { Matrix } from '../matrix';
import { createRng } from '../rng';
import { checkInt, checkPositive } from '../validate';

/*
 * The model of survey Eqs. 19–20 (Salimans & Ho): a denoiser f_θ(x) and
 *   E_θ(x) = ‖x − f_θ(x)‖² / (2σ²)                                                  (Eq. 19)
 *   F_θ(x) = −∇E_θ = (1/σ²) J_f(x)ᵀ (x − f_θ(x)) − (1/σ²) (x − f_θ(x))                (Eq. 20)
 * next to the unconstrained score (f_θ(x) − x)/σ², which is Eq. 20 without its Jacobian term. Whether that
 * score is a gradient at all is what loops.ts measures.
 */

/**
 * A small "learned" denoiser for 2-D data: the exact denoiser of the Gaussian-smoothed memories plus an error
 * term, as an imperfectly trained network would have.
 *   f_θ(x) = D_σ(x) + ε · V tanh(W x + b),   D_σ(x) = ξᵀ softmax_μ(−‖x − ξ_μ‖² / (2σ²))
 * D_σ is Tweedie's denoiser, x + σ² ∇log p_σ(x) (MATH.md §2f). The error net has `hidden` tanh units with seeded
 * weights: W (hidden×2), b (hidden), V (2×hidden). A generic V·diag·W is not symmetric, so for ε ≠ 0 the
 * unconstrained score (f_θ − x)/σ² is not the gradient of anything.
 */
export interface Denoiser2 {
  memories: Matrix;
  sigma: number;
  eps: number;
  hidden: number;
  W: Float64Array;
  b: Float64Array;
  V: Float64Array;
}

/** Builds a Denoiser2 with seeded error-net weights. Memories must be 2-D (K×2). */
export function createDenoiser2(memories: Matrix, sigma: number, eps: number, seed: number, hidden = 6): Denoiser2 {
  if (memories.cols !== 2) throw new Error(`memories: need 2-D patterns (got ${memories.cols} columns)`);
  checkPositive(sigma, 'sigma');
  if (!Number.isFinite(eps)) throw new Error(`eps: must be finite (got ${eps})`);
  checkInt(hidden, 1, 256, 'hidden');
  const rng = createRng(seed);
  const W = new Float64Array(hidden * 2);
  const b = new Float64Array(hidden);
  const V = new Float64Array(2 * hidden);
  for (let h = 0; h < hidden; h++) {
    W[2 * h] = 1.2 * rng.normal();
    W[2 * h + 1] = 1.2 * rng.normal();
    b[h] = 0.8 * rng.normal();
  }
  for (let i = 0; i < 2 * hidden; i++) V[i] = rng.normal() / Math.sqrt(hidden);
  return { memories, sigma, eps, hidden, W, b, V };
}

/**
 * Evaluates f_θ(x) into `f` (length 2) and, if given, its Jacobian J = ∂f/∂x into `jac` (row-major 2×2:
 * [∂f₀/∂x₀, ∂f₀/∂x₁, ∂f₁/∂x₀, ∂f₁/∂x₁]). ∂D/∂x = Cov_w(ξ)/σ² (symmetric); the error net adds
 * ε V diag(1 − tanh²) W. Mutates only `f` and `jac`.
 */
export function denoise2(net: Denoiser2, x: number, y: number, f: Float64Array, jac?: Float64Array): void {
  const { memories, sigma, eps, hidden, W, b, V } = net;
  const K = memories.rows;
  const m = memories.data;
  const s2 = sigma * sigma;
  let maxA = -Infinity;
  for (let k = 0; k < K; k++) {
    const dx = x - m[2 * k];
    const dy = y - m[2 * k + 1];
    const a = -(dx * dx + dy * dy) / (2 * s2);
    if (a > maxA) maxA = a;
  }
  let z = 0;
  let mx = 0;
  let my = 0;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let k = 0; k < K; k++) {
    const ex = m[2 * k];
    const ey = m[2 * k + 1];
    const dx = x - ex;
    const dy = y - ey;
    const w = Math.exp(-(dx * dx + dy * dy) / (2 * s2) - maxA);
    z += w;
    mx += w * ex;
    my += w * ey;
    sxx += w * ex * ex;
    sxy += w * ex * ey;
    syy += w * ey * ey;
  }
  mx /= z;
  my /= z;
  f[0] = mx;
  f[1] = my;
  if (jac) {
    jac[0] = (sxx / z - mx * mx) / s2;
    jac[1] = (sxy / z - mx * my) / s2;
    jac[2] = jac[1];
    jac[3] = (syy / z - my * my) / s2;
  }
  if (eps === 0) return;
  for (let h = 0; h < hidden; h++) {
    const t = Math.tanh(W[2 * h] * x + W[2 * h + 1] * y + b[h]);
    f[0] += eps * V[h] * t;
    f[1] += eps * V[hidden + h] * t;
    if (jac) {
      const d = eps * (1 - t * t);
      jac[0] += d * V[h] * W[2 * h];
      jac[1] += d * V[h] * W[2 * h + 1];
      jac[2] += d * V[hidden + h] * W[2 * h];
      jac[3] += d * V[hidden + h] * W[2 * h + 1];
    }
  }
}

/** The unconstrained score of a denoiser, (f_θ(x) − x)/σ²: the second term of Eq. 20 alone. Writes into out. */
export function denoiserScore2(net: Denoiser2, x: number, y: number, out: Float64Array): void {
  denoise2(net, x, y, out);
  const s2 = net.sigma * net.sigma;
  out[0] = (out[0] - x) / s2;
  out[1] = (out[1] - y) / s2;
}

/** Survey Eq. 19: E_θ(x) = ‖x − f_θ(x)‖² / (2σ²). Mutates nothing. */
export function denoiserEnergy2(net: Denoiser2, x: number, y: number): number {
  const f = new Float64Array(2);
  denoise2(net, x, y, f);
  const rx = x - f[0];
  const ry = y - f[1];
  return (rx * rx + ry * ry) / (2 * net.sigma * net.sigma);
}

/**
 * Survey Eq. 20, split into its two terms at x. With r = x − f_θ(x):
 *   jacobianTerm = Jᵀ r / σ²,   standardTerm = −r / σ²,   F_θ = −∇E_θ = jacobianTerm + standardTerm.
 * Writes the total into `out` and, if given, the Jacobian term alone into `jacTerm`. Mutates only those.
 */
export function energyScore2(net: Denoiser2, x: number, y: number, out: Float64Array, jacTerm?: Float64Array): void {
  const f = new Float64Array(2);
  const J = new Float64Array(4);
  denoise2(net, x, y, f, J);
  const s2 = net.sigma * net.sigma;
  const rx = x - f[0];
  const ry = y - f[1];
  const jx = (J[0] * rx + J[2] * ry) / s2; // (Jᵀ r)₀ = J₀₀ r₀ + J₁₀ r₁
  const jy = (J[1] * rx + J[3] * ry) / s2;
  if (jacTerm) {
    jacTerm[0] = jx;
    jacTerm[1] = jy;
  }
  out[0] = jx - rx / s2;
  out[1] = jy - ry / s2;
}
