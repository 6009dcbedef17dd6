import type { Matrix } from './matrix';
import { checkFinite, checkPositive } from './validate';
import { lseWeightsInto } from './lse';

/*
 * Fixed points of the smoothed empirical energy (MATH.md §2a, §2f). With β = 1/σ²,
 *   E_β(x) = −β⁻¹ log Σ_μ exp(−(β/2)‖x − ξ_μ‖²),  ∇E_β(x) = x − ξᵀw(x),  ∇²E_β(x) = I − β Cov_w(ξ),
 * and w = softmax_μ(−(β/2)‖x − ξ_μ‖²). A critical point satisfies x = ξᵀw(x): the one-step (Tweedie) denoiser of
 * the smoothed pattern set, Ambrogioni's modern Hopfield update, leaves it where it is. It is a minimum (an
 * attractor) when every eigenvalue of the Hessian is positive, a saddle when one is negative.
 *
 * As σ grows from 0 the attractors, one per pattern at first, merge in pitchfork bifurcations until a single one
 * remains near the mean. `criticalPoints` finds them at one σ; a figure sweeps σ to draw the bifurcation diagram.
 */

export type CriticalKind = 'min' | 'saddle' | 'max';

export interface CriticalPoint {
  /** Position, length d. */
  x: Float64Array;
  kind: CriticalKind;
  /** The smallest Hessian eigenvalue (d = 2: exact; otherwise from the 2×2 leading block, see below). */
  lambdaMin: number;
}

/**
 * The 2-D Hessian I − β Cov_w(ξ) at x and its eigenvalues (ascending). 2-D memories only. Returns
 * [h11, h12, h22, λ_min, λ_max] in a new array.
 */
export function lseHessian2(x: ArrayLike<number>, memories: Matrix, beta: number): Float64Array {
  if (memories.cols !== 2) throw new Error('memories: lseHessian2 needs 2-D patterns');
  const K = memories.rows;
  const w = new Float64Array(K);
  const mean = new Float64Array(2);
  lseWeightsInto(x, memories, beta, w, mean);
  let c11 = 0;
  let c12 = 0;
  let c22 = 0;
  const data = memories.data;
  for (let m = 0; m < K; m++) {
    const a = data[2 * m] - mean[0];
    const b = data[2 * m + 1] - mean[1];
    c11 += w[m] * a * a;
    c12 += w[m] * a * b;
    c22 += w[m] * b * b;
  }
  const h11 = 1 - beta * c11;
  const h12 = -beta * c12;
  const h22 = 1 - beta * c22;
  const tr = 0.5 * (h11 + h22);
  const disc = Math.sqrt(0.25 * (h11 - h22) * (h11 - h22) + h12 * h12);
  return Float64Array.of(h11, h12, h22, tr - disc, tr + disc);
}

export interface CriticalPointOptions {
  /** Extra starting points (n×2 flat), e.g. the previous σ's fixed points for continuation. */
  starts?: ArrayLike<number>;
  /** Two points closer than this are the same fixed point. Default 1e-3 · spread of the patterns. */
  mergeTol?: number;
  /** Newton iterations per start. */
  newtonIters?: number;
  /** Denoiser iterations per start (they find minima robustly before Newton polishes). */
  fixedPointIters?: number;
  /** Whether to look for saddles (Newton from midpoints of pairs of minima and from the other starts). */
  saddles?: boolean;
}

/**
 * All critical points of E_β (β = 1/σ²) that the starts lead to, for 2-D patterns.
 *
 * Minima: from every pattern and every extra start, iterate the fixed-point map x ← ξᵀw(x) (which never raises
 * the energy and converges to a minimum) and then polish with Newton's method. Saddles (optional): Newton's
 * method on ∇E = 0 from the midpoint of every pair of minima, kept if it converges to a point with one negative
 * Hessian eigenvalue. Duplicates are merged. Returns minima first, then saddles. Mutates nothing.
 */
export function criticalPoints(memories: Matrix, sigma: number, opts: CriticalPointOptions = {}): CriticalPoint[] {
  if (memories.rows < 1 || memories.cols !== 2) throw new Error('memories: need at least one 2-D pattern');
  checkPositive(sigma, 'sigma');
  checkFinite(memories.data, 'memories');
  const beta = 1 / (sigma * sigma);
  const K = memories.rows;
  const data = memories.data;
  let spread = 0;
  for (let m = 0; m < K; m++) for (let n = 0; n < m; n++) spread = Math.max(spread, Math.hypot(data[2 * m] - data[2 * n], data[2 * m + 1] - data[2 * n + 1]));
  const tol = opts.mergeTol ?? Math.max(1e-6, 1e-3 * (spread || 1));
  const fpIters = opts.fixedPointIters ?? 400;
  const newtonIters = opts.newtonIters ?? 30;
  const w = new Float64Array(K);
  const mean = new Float64Array(2);
  const out: CriticalPoint[] = [];

  const addUnique = (x: Float64Array, kind: CriticalKind, lambdaMin: number) => {
    for (const c of out) if (Math.hypot(c.x[0] - x[0], c.x[1] - x[1]) < tol) return;
    out.push({ x, kind, lambdaMin });
  };

  /** Newton on g(x) = x − ξᵀw(x) with Jacobian H = I − βCov_w; returns null if it fails to converge. */
  const newton = (x0: number, y0: number): Float64Array | null => {
    const x = Float64Array.of(x0, y0);
    for (let it = 0; it < newtonIters; it++) {
      lseWeightsInto(x, memories, beta, w, mean);
      const g0 = x[0] - mean[0];
      const g1 = x[1] - mean[1];
      if (Math.hypot(g0, g1) < 1e-12 * Math.max(1, spread)) return x;
      const h = lseHessian2(x, memories, beta);
      const det = h[0] * h[2] - h[1] * h[1];
      if (!(Math.abs(det) > 1e-14)) return null;
      let dx = (h[2] * g0 - h[1] * g1) / det;
      let dy = (h[0] * g1 - h[1] * g0) / det;
      const len = Math.hypot(dx, dy);
      const cap = 0.25 * Math.max(spread, sigma);
      if (len > cap) {
        dx *= cap / len;
        dy *= cap / len;
      }
      x[0] -= dx;
      x[1] -= dy;
      if (!Number.isFinite(x[0]) || !Number.isFinite(x[1])) return null;
    }
    lseWeightsInto(x, memories, beta, w, mean);
    return Math.hypot(x[0] - mean[0], x[1] - mean[1]) < 1e-8 * Math.max(1, spread) ? x : null;
  };

  const starts: number[] = Array.from(data);
  if (opts.starts) for (let i = 0; i < opts.starts.length; i++) starts.push(opts.starts[i]);
  for (let s = 0; s + 1 < starts.length; s += 2) {
    const x = Float64Array.of(starts[s], starts[s + 1]);
    for (let it = 0; it < fpIters; it++) {
      lseWeightsInto(x, memories, beta, w, mean);
      const moved = Math.hypot(mean[0] - x[0], mean[1] - x[1]);
      x[0] = mean[0];
      x[1] = mean[1];
      if (moved < 1e-10 * Math.max(1, spread)) break;
    }
    const polished = newton(x[0], x[1]) ?? x;
    const ev = lseHessian2(polished, memories, beta);
    if (ev[3] > 0) addUnique(polished, 'min', ev[3]);
  }

  if (opts.saddles !== false) {
    const minima = out.slice();
    const saddleStarts: number[] = [];
    for (let a = 0; a < minima.length; a++) {
      for (let b = a + 1; b < minima.length; b++) saddleStarts.push(0.5 * (minima[a].x[0] + minima[b].x[0]), 0.5 * (minima[a].x[1] + minima[b].x[1]));
    }
    if (opts.starts) for (let i = 0; i < opts.starts.length; i++) saddleStarts.push(opts.starts[i]);
    for (let s = 0; s + 1 < saddleStarts.length; s += 2) {
      const x = newton(saddleStarts[s], saddleStarts[s + 1]);
      if (!x) continue;
      const ev = lseHessian2(x, memories, beta);
      if (ev[3] < 0 && ev[4] > 0) addUnique(x, 'saddle', ev[3]);
      else if (ev[4] < 0) addUnique(x, 'max', ev[3]);
    }
  }
  return out.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'min' ? -1 : b.kind === 'min' ? 1 : 0));
}

/**
 * The mean of the patterns and the unit direction of largest spread (first principal axis), for projecting the
 * 2-D fixed points onto one coordinate in a bifurcation diagram. Returns { mean: [x, y], axis: [ux, uy] }.
 */
export function principalAxis2(memories: Matrix): { mean: [number, number]; axis: [number, number] } {
  if (memories.cols !== 2 || memories.rows < 1) throw new Error('memories: need at least one 2-D pattern');
  const K = memories.rows;
  const d = memories.data;
  let mx = 0;
  let my = 0;
  for (let m = 0; m < K; m++) {
    mx += d[2 * m] / K;
    my += d[2 * m + 1] / K;
  }
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let m = 0; m < K; m++) {
    const a = d[2 * m] - mx;
    const b = d[2 * m + 1] - my;
    sxx += a * a;
    sxy += a * b;
    syy += b * b;
  }
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  let ux = Math.cos(theta);
  let uy = Math.sin(theta);
  if (ux < 0 || (ux === 0 && uy < 0)) {
    ux = -ux;
    uy = -uy;
  }
  return { mean: [mx, my], axis: [ux, uy] };
}

/**
 * The σ at which two patterns at distance d merge into one attractor: β d²/4 = 1, i.e. σ = d/2 (MATH.md §2a).
 */
export function twoPatternMergeSigma(distance: number): number {
  checkPositive(distance, 'distance');
  return distance / 2;
}
