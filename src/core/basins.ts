import type { Matrix } from './matrix';
import { checkInt, checkPositive } from './validate';

/*
 * Separation functions in a picture. Binary patterns of N neurons all lie on a sphere of radius √N, and what a
 * dense associative memory feels is the overlap ξ_μ · σ. The two-dimensional analogue used by the
 * separation-functions figure keeps exactly that: memories ξ_μ are unit vectors (points on the unit circle),
 * the state x lives in the unit disk (the analogue of the hypercube's relaxation), and the overlap is
 * m_μ(x) = ξ_μ · x ∈ [−1, 1]. The energy of a dense associative memory (Krotov & Hopfield 2016,
 * Demircigil et al. 2017) is then
 *   E(x) = −Σ_μ F(ξ_μ · x),  with F(m) = mⁿ, max(m, 0)ⁿ or e^{βm},
 * and n = 2 is the classical Hopfield energy −½ xᵀ(Σ_μ ξ_μ ξ_μᵀ)x (survey Eq. 17 with linear memory neurons).
 */

/** A separation function F of the dense associative memory: polynomial, rectified polynomial or exponential. */
export type BasinSeparation = { kind: 'poly'; n: number } | { kind: 'rectified'; n: number } | { kind: 'exp'; beta: number };

/** F(m) for a separation function (no scaling). */
export function basinF(F: BasinSeparation, m: number): number {
  if (F.kind === 'poly') return m ** F.n;
  if (F.kind === 'rectified') return m > 0 ? m ** F.n : 0;
  return Math.exp(F.beta * m);
}

function checkSeparation(F: BasinSeparation): void {
  if (F.kind === 'exp') checkPositive(F.beta, 'beta');
  else checkInt(F.n, 1, 64, 'n');
}

/**
 * E(x) = −Σ_μ F(ξ_μ · x) at a 2-D point (x, y), for memories given as the rows of a K × 2 matrix.
 * For the exponential it returns −β⁻¹ log Σ_μ e^{β ξ_μ·x}, a monotone transform of −Σ e^{β ξ_μ·x} with the
 * same minima that never overflows.
 */
export function basinEnergy(x: number, y: number, memories: Matrix, F: BasinSeparation): number {
  if (memories.cols !== 2) throw new Error(`memories: need 2 columns (got ${memories.cols})`);
  checkSeparation(F);
  const d = memories.data;
  if (F.kind === 'exp') {
    let mx = -Infinity;
    for (let k = 0; k < memories.rows; k++) mx = Math.max(mx, d[2 * k] * x + d[2 * k + 1] * y);
    let s = 0;
    for (let k = 0; k < memories.rows; k++) s += Math.exp(F.beta * (d[2 * k] * x + d[2 * k + 1] * y - mx));
    return -(mx + Math.log(s) / F.beta);
  }
  let e = 0;
  for (let k = 0; k < memories.rows; k++) e -= basinF(F, d[2 * k] * x + d[2 * k + 1] * y);
  return e;
}

/** Scratch for F′(m_μ), grown on demand (basinDirection runs millions of times per basin map). */
let fpScratch = new Float64Array(16);

/**
 * A positive multiple of −∇E at (x, y), written into out[0..1]: Σ_μ w_μ ξ_μ with w_μ = F′(m_μ) / max_ν |F′(m_ν)|.
 * Scaling by a positive factor keeps the flow lines, so the basins are those of the gradient flow of E, and
 * it keeps every separation function's steps the same size (F = e^{βm} would otherwise overflow).
 */
export function basinDirection(x: number, y: number, memories: Matrix, F: BasinSeparation, out: Float64Array): Float64Array {
  const d = memories.data;
  const K = memories.rows;
  let gx = 0;
  let gy = 0;
  if (F.kind === 'exp') {
    let mx = -Infinity;
    for (let k = 0; k < K; k++) mx = Math.max(mx, d[2 * k] * x + d[2 * k + 1] * y);
    for (let k = 0; k < K; k++) {
      const w = Math.exp(F.beta * (d[2 * k] * x + d[2 * k + 1] * y - mx));
      gx += w * d[2 * k];
      gy += w * d[2 * k + 1];
    }
  } else {
    const n = F.n;
    if (fpScratch.length < K) fpScratch = new Float64Array(2 * K);
    const fp = fpScratch;
    let big = 0;
    for (let k = 0; k < K; k++) {
      const m = d[2 * k] * x + d[2 * k + 1] * y;
      // F′(m) = n m^{n−1} by repeated multiplication (Math.pow with a variable exponent is several times slower).
      let p = n;
      if (F.kind !== 'rectified' || m > 0) for (let e = 1; e < n; e++) p *= m;
      else p = 0;
      fp[k] = p;
      const a = p < 0 ? -p : p;
      if (a > big) big = a;
    }
    if (big > 0) {
      for (let k = 0; k < K; k++) {
        const w = fp[k] / big;
        gx += w * d[2 * k];
        gy += w * d[2 * k + 1];
      }
    }
  }
  out[0] = gx;
  out[1] = gy;
  return out;
}

export interface BasinMap {
  /** Grid size: nx × ny starting points at cell centres of [−1, 1]², row 0 at the top (y = +1). */
  nx: number;
  ny: number;
  /**
   * Per start: μ ∈ [0, K) if descent reached memory ξ_μ, K + μ if it reached its negative −ξ_μ, −1 for any
   * other (spurious) fixed point, −2 for a start outside the disk.
   */
  label: Int16Array;
  /** The distinct spurious fixed points found, as (x, y) pairs. */
  spurious: number[];
}

/** Samples of the unit circle used for the boundary descent (0.25° apart). */
const CIRCLE_SAMPLES = 1440;

/** Options of basinMap / BasinMapper: step length, step limit, force tolerance, recall radius (see basinMap). */
export interface BasinOptions {
  maxStep?: number;
  maxIter?: number;
  tol?: number;
  radius?: number;
}

/**
 * Where descent on E ends from every start of an nx × ny grid over the unit disk.
 *
 * Inside the disk the state follows the flow direction d = Σ_μ w_μ ξ_μ (see `basinDirection`) in steps of length
 * `maxStep`, projected onto the disk, until it reaches the circle. A start where |d| < `tol` sits at an interior
 * fixed point (for the rectified F, the plateau where every overlap is ≤ 0), and one where d reverses has just
 * stepped over an interior minimum: both are spurious, as is one that has not reached the circle in `maxIter` steps. On the circle the flow
 * is one-dimensional, so it is followed exactly on the energy sampled at 1440 angles: from the angle where the
 * state arrived, walk downhill to the local minimum of E(θ). (For the convex separations, E is concave, so every
 * minimum lies on the circle.) An end point within chord `radius` of ξ_μ (overlap ≥ 1 − radius²/2) is
 * labelled μ, one near −ξ_μ (even polynomials only) K + μ, and any other end point is spurious.
 * Allocates the label array; costs O(nx·ny·maxIter·K + 1440·K). `BasinMapper` computes the same map a few rows
 * at a time (for a figure that must not block a frame).
 */
export function basinMap(memories: Matrix, F: BasinSeparation, nx: number, ny: number, opts: BasinOptions = {}): BasinMap {
  const m = new BasinMapper(memories, F, nx, ny, opts);
  m.rows(0, ny);
  return m.result();
}

/**
 * The basin map of `basinMap`, computed incrementally: the constructor samples the circle (O(1440·K)), `rows(j0, j1)`
 * labels grid rows j0 … j1−1 (in any order, each once), and `result()` returns the map with its spurious points.
 * Mutates only its own arrays; `label` is filled in place as rows are done (unfinished rows read 0).
 */
export class BasinMapper {
  readonly nx: number;
  readonly ny: number;
  readonly label: Int16Array;
  private readonly memories: Matrix;
  private readonly F: BasinSeparation;
  private readonly K: number;
  private readonly inverses: boolean;
  private readonly maxStep: number;
  private readonly maxIter: number;
  private readonly tol: number;
  private readonly radius: number;
  private readonly sink: Int32Array;
  private readonly sinkLabel: Int16Array;
  private readonly spuriousCount = new Map<number, number>();
  private readonly g = new Float64Array(2);

  constructor(memories: Matrix, F: BasinSeparation, nx: number, ny: number, opts: BasinOptions = {}) {
    if (memories.cols !== 2) throw new Error(`memories: need 2 columns (got ${memories.cols})`);
    checkSeparation(F);
    checkInt(nx, 1, 4096, 'nx');
    checkInt(ny, 1, 4096, 'ny');
    this.memories = memories;
    this.F = F;
    this.nx = nx;
    this.ny = ny;
    this.K = memories.rows;
    this.maxStep = opts.maxStep ?? 0.02;
    this.maxIter = opts.maxIter ?? 200;
    this.tol = opts.tol ?? 1e-9;
    this.radius = opts.radius ?? 0.2;
    // Only an even polynomial F(m) = F(−m) makes every −ξ_μ a memory too.
    this.inverses = F.kind === 'poly' && F.n % 2 === 0;
    this.label = new Int16Array(nx * ny);

    // Energy on the circle, then for every sample the local minimum that walking downhill reaches.
    const M = CIRCLE_SAMPLES;
    const e = new Float64Array(M);
    for (let j = 0; j < M; j++) {
      const t = (2 * Math.PI * j) / M;
      e[j] = basinEnergy(Math.cos(t), Math.sin(t), memories, F);
    }
    const sink = new Int32Array(M).fill(-1);
    const path = new Int32Array(M);
    for (let j = 0; j < M; j++) {
      let c = j;
      let len = 0;
      for (let guard = 0; guard < M; guard++) {
        if (sink[c] >= 0) {
          c = sink[c];
          break;
        }
        path[len++] = c;
        const l = (c + M - 1) % M;
        const r = (c + 1) % M;
        const next = e[l] < e[c] && e[l] <= e[r] ? l : e[r] < e[c] ? r : c;
        if (next === c) break;
        c = next;
      }
      // Every sample on the walk drains to the same minimum.
      for (let q = 0; q < len; q++) sink[path[q]] = c;
    }
    this.sink = sink;
    this.sinkLabel = new Int16Array(M).fill(-3);
  }

  /** The label of an end point (x, y). */
  private classify(x: number, y: number): number {
    const d = this.memories.data;
    const K = this.K;
    let best = -1;
    let bd = this.radius;
    for (let k = 0; k < K; k++) {
      const dp = Math.hypot(x - d[2 * k], y - d[2 * k + 1]);
      if (dp < bd) {
        bd = dp;
        best = k;
      }
      const dm = Math.hypot(x + d[2 * k], y + d[2 * k + 1]);
      if (this.inverses && dm < bd) {
        bd = dm;
        best = K + k;
      }
    }
    return best;
  }

  /** Labels the starts of grid rows j0 … j1−1. */
  rows(j0: number, j1: number): void {
    const { nx, ny, memories, F, maxStep, maxIter, tol, g, label } = this;
    const M = CIRCLE_SAMPLES;
    for (let j = Math.max(0, j0); j < Math.min(ny, j1); j++) {
      const y0 = 1 - ((j + 0.5) / ny) * 2;
      for (let i = 0; i < nx; i++) {
        const x0 = ((i + 0.5) / nx) * 2 - 1;
        if (x0 * x0 + y0 * y0 > 1) {
          label[j * nx + i] = -2;
          continue;
        }
        let x = x0;
        let y = y0;
        let onCircle = false;
        let px = 0;
        let py = 0;
        for (let t = 0; t < maxIter && !onCircle; t++) {
          basinDirection(x, y, memories, F, g);
          // Steps of a fixed length along the flow direction: the basins depend only on the flow lines, and a fixed
          // length neither jumps across the disk nor crawls where the force is weak. Only where the force vanishes
          // (|d| < tol, e.g. the rectified F's plateau of negative overlaps) does the state stay inside.
          const len = Math.hypot(g[0], g[1]);
          if (len < tol) break;
          // The flow turned back on itself: the state has stepped over an interior minimum of E and sits at it.
          if (t > 0 && g[0] * px + g[1] * py < 0) break;
          px = g[0];
          py = g[1];
          const k = maxStep / len;
          let xn = x + k * g[0];
          let yn = y + k * g[1];
          const r = Math.hypot(xn, yn);
          if (r >= 1) {
            xn /= r;
            yn /= r;
            onCircle = true;
          }
          x = xn;
          y = yn;
        }
        if (!onCircle) {
          label[j * nx + i] = this.classify(x, y);
          continue;
        }
        const a = Math.atan2(y, x);
        const s = this.sink[Math.round(((a < 0 ? a + 2 * Math.PI : a) / (2 * Math.PI)) * M) % M];
        if (this.sinkLabel[s] === -3) {
          const t = (2 * Math.PI * s) / M;
          this.sinkLabel[s] = this.classify(Math.cos(t), Math.sin(t));
        }
        label[j * nx + i] = this.sinkLabel[s];
        if (this.sinkLabel[s] === -1) this.spuriousCount.set(s, (this.spuriousCount.get(s) ?? 0) + 1);
      }
    }
  }

  /** The map so far. Spurious minima are reported if they attract at least one start in 200 (a saddle hit exactly is not a state). */
  result(): BasinMap {
    const spurious: number[] = [];
    let starts = 0;
    for (const l of this.label) if (l !== -2) starts++;
    for (const [s, count] of this.spuriousCount) {
      if (count * 200 < starts) continue;
      const t = (2 * Math.PI * s) / CIRCLE_SAMPLES;
      spurious.push(Math.cos(t), Math.sin(t));
    }
    return { nx: this.nx, ny: this.ny, label: this.label, spurious };
  }
}
