import type { Matrix } from '../matrix';
import { checkInt } from '../validate';
import { CIRCLE_SAMPLES, circleSinks } from './circle';
import { basinDirection, checkBasinSeparation, type BasinSeparation } from './energy';

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
    checkBasinSeparation(F);
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
    // For every sample of the circle, the local minimum of E(θ) that walking downhill reaches.
    this.sink = circleSinks(memories, F);
    this.sinkLabel = new Int16Array(CIRCLE_SAMPLES).fill(-3);
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
