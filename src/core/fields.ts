import type { Matrix } from './matrix';
import { createRng } from './rng';
import { checkFinite, checkInt, checkPositive } from './validate';

/*
 * Vector fields in the plane, and the one question the survey's Misconception 4 asks of them: is the field the
 * gradient of an energy? A field F is conservative when its circulation ∮ F·dl around every closed loop is zero,
 * equivalently (on the simply connected plane) when its curl ∂F_y/∂x − ∂F_x/∂y vanishes everywhere.
 *
 * The second half builds the model of survey Eqs. 19–20 (Salimans & Ho): a denoiser f_θ(x) and
 *   E_θ(x) = ‖x − f_θ(x)‖² / (2σ²)                                                  (Eq. 19)
 *   F_θ(x) = −∇E_θ = (1/σ²) J_f(x)ᵀ (x − f_θ(x)) − (1/σ²) (x − f_θ(x))                (Eq. 20)
 * next to the unconstrained score (f_θ(x) − x)/σ², which is Eq. 20 without its Jacobian term.
 */

/** A planar vector field: writes F(x, y) into out[0], out[1]. */
export type Field2 = (x: number, y: number, out: Float64Array) => void;

/**
 * The curl (the scalar vorticity) ∂F_y/∂x − ∂F_x/∂y at (x, y), by central differences with step h.
 * Error O(h²) for smooth fields. Mutates nothing the caller owns.
 */
export function curl2(field: Field2, x: number, y: number, h = 1e-4): number {
  checkPositive(h, 'h');
  const a = new Float64Array(2);
  const b = new Float64Array(2);
  field(x + h, y, a);
  field(x - h, y, b);
  const dFydx = (a[1] - b[1]) / (2 * h);
  field(x, y + h, a);
  field(x, y - h, b);
  const dFxdy = (a[0] - b[0]) / (2 * h);
  return dFydx - dFxdy;
}

const GL3_T = [0.5 - Math.sqrt(15) / 10, 0.5, 0.5 + Math.sqrt(15) / 10];
const GL3_W = [5 / 18, 8 / 18, 5 / 18];

/**
 * The circulation ∮ F·dl around the closed polygon through `loop` = [x0, y0, x1, y1, …] (the last vertex joins
 * the first). Each edge is cut into pieces no longer than `maxPiece` and each piece is integrated with 3-point
 * Gauss–Legendre quadrature (exact for cubics along the piece), so for smooth fields the error falls as maxPiece⁶.
 * Counter-clockwise loops (in y-up coordinates) give the sign of Stokes' theorem: ∮ F·dl = ∬ curl F dA.
 * Needs at least 3 vertices. Mutates nothing.
 */
export function circulation(field: Field2, loop: ArrayLike<number>, maxPiece = 0.02): number {
  checkFinite(loop, 'loop');
  if (loop.length % 2 !== 0) throw new Error('loop: needs an even number of coordinates [x0, y0, x1, y1, …]');
  const n = loop.length / 2;
  if (n < 3) throw new Error(`loop: a closed loop needs at least 3 vertices (got ${n})`);
  checkPositive(maxPiece, 'maxPiece');
  const f = new Float64Array(2);
  let total = 0;
  for (let k = 0; k < n; k++) {
    const ax = loop[2 * k];
    const ay = loop[2 * k + 1];
    const bx = loop[(2 * k + 2) % (2 * n)];
    const by = loop[(2 * k + 3) % (2 * n)];
    const dx = bx - ax;
    const dy = by - ay;
    const pieces = Math.max(1, Math.ceil(Math.hypot(dx, dy) / maxPiece));
    const px = dx / pieces;
    const py = dy / pieces;
    for (let p = 0; p < pieces; p++) {
      for (let q = 0; q < 3; q++) {
        const s = p + GL3_T[q];
        field(ax + s * px, ay + s * py, f);
        total += GL3_W[q] * (f[0] * px + f[1] * py);
      }
    }
  }
  return total;
}

/** Twice the signed area of a polygon (shoelace), positive when counter-clockwise in y-up coordinates. */
export function loopArea(loop: ArrayLike<number>): number {
  const n = Math.floor(loop.length / 2);
  let s = 0;
  for (let k = 0; k < n; k++) {
    const j = (k + 1) % n;
    s += loop[2 * k] * loop[2 * j + 1] - loop[2 * j] * loop[2 * k + 1];
  }
  return s / 2;
}

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

/**
 * The line integral of F along the closed polygon `loop`, piece by piece (same pieces and quadrature as
 * `circulation`), for animating a walker that accumulates ∮ F·dl. Returns the piece endpoints
 * `points` ((m+1)×2, flat, starting and ending at the first vertex) and `cumulative` (length m+1, cumulative[0] = 0,
 * cumulative[m] = circulation(field, loop, maxPiece)). Allocates both arrays; mutates nothing else.
 */
export function lineIntegralAlong(field: Field2, loop: ArrayLike<number>, maxPiece = 0.02): { points: Float64Array; cumulative: Float64Array } {
  checkFinite(loop, 'loop');
  if (loop.length % 2 !== 0) throw new Error('loop: needs an even number of coordinates [x0, y0, x1, y1, …]');
  const n = loop.length / 2;
  if (n < 3) throw new Error(`loop: a closed loop needs at least 3 vertices (got ${n})`);
  checkPositive(maxPiece, 'maxPiece');
  const counts: number[] = [];
  let m = 0;
  for (let k = 0; k < n; k++) {
    const dx = loop[(2 * k + 2) % (2 * n)] - loop[2 * k];
    const dy = loop[(2 * k + 3) % (2 * n)] - loop[2 * k + 1];
    const c = Math.max(1, Math.ceil(Math.hypot(dx, dy) / maxPiece));
    counts.push(c);
    m += c;
  }
  const points = new Float64Array(2 * (m + 1));
  const cumulative = new Float64Array(m + 1);
  const f = new Float64Array(2);
  let idx = 0;
  let total = 0;
  points[0] = loop[0];
  points[1] = loop[1];
  for (let k = 0; k < n; k++) {
    const ax = loop[2 * k];
    const ay = loop[2 * k + 1];
    const px = (loop[(2 * k + 2) % (2 * n)] - ax) / counts[k];
    const py = (loop[(2 * k + 3) % (2 * n)] - ay) / counts[k];
    for (let p = 0; p < counts[k]; p++) {
      for (let q = 0; q < 3; q++) {
        const s = p + GL3_T[q];
        field(ax + s * px, ay + s * py, f);
        total += GL3_W[q] * (f[0] * px + f[1] * py);
      }
      idx++;
      points[2 * idx] = ax + (p + 1) * px;
      points[2 * idx + 1] = ay + (p + 1) * py;
      cumulative[idx] = total;
    }
  }
  return { points, cumulative };
}
