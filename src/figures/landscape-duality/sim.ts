import { createRng, lseEnergy, lseGradBatch, matrixFromData, sampleGrid, type Domain, type Grid, type Matrix } from '../../core';
import type { PropValues } from '../../lib/figure/spec';
import type { meta } from './meta';

export type Params = PropValues<typeof meta.props>;
export const DOMAIN: Domain = { x0: -3, x1: 3, y0: -3, y1: 3 };
/** The most particles on screen; dropping more retires the oldest. */
export const MAX_PARTICLES = 400;
/** Positions remembered per particle for its trail. */
export const TRAIL = 40;

/** ξ as a 2×2 matrix, one memory per row, read from the figure's params. */
export function memoriesOf(p: Params): Matrix {
  return matrixFromData(2, 2, Float64Array.from([p.x1, p.y1, p.x2, p.y2]));
}

/**
 * The figure's state. Both panels show these same particles: the left reads their motion as following the
 * score ∇log p_θ = −∇E_θ uphill, the right as descending E_θ. Positions and trails live in typed arrays.
 */
export class Duality {
  memories: Matrix = matrixFromData(2, 2, new Float64Array([1, 1, -1, -1]));
  xs = new Float64Array(2 * MAX_PARTICLES);
  grad = new Float64Array(2 * MAX_PARTICLES);
  trail = new Float64Array(2 * MAX_PARTICLES * TRAIL);
  trailLen = new Int32Array(MAX_PARTICLES);
  n = 0;
  lastMove = Infinity;
  steps = 0;

  /** Moving a memory reshapes the landscape under the particles, which carry on from where they are. */
  onKeptChange(p: Params, _prev: Params, changed: readonly string[]): void {
    if (changed.some((k) => k === 'x1' || k === 'y1' || k === 'x2' || k === 'y2')) this.setMemories(p);
  }

  setMemories(p: Params): void {
    this.memories = memoriesOf(p);
    this.lastMove = Infinity;
  }

  reset(p: Params, seed: number): void {
    this.setMemories(p);
    const rng = createRng(seed);
    this.n = 0;
    this.steps = 0;
    for (let i = 0; i < p.particles; i++) {
      this.add(DOMAIN.x0 + 0.3 + (DOMAIN.x1 - DOMAIN.x0 - 0.6) * rng.uniform(), DOMAIN.y0 + 0.3 + (DOMAIN.y1 - DOMAIN.y0 - 0.6) * rng.uniform());
    }
    this.lastMove = this.n ? Infinity : 0;
  }

  private add(x: number, y: number): void {
    if (this.n === MAX_PARTICLES) {
      // Retire the oldest particle: shift everything down by one.
      this.xs.copyWithin(0, 2, 2 * MAX_PARTICLES);
      this.trail.copyWithin(0, 2 * TRAIL, 2 * MAX_PARTICLES * TRAIL);
      this.trailLen.copyWithin(0, 1, MAX_PARTICLES);
      this.n--;
    }
    const i = this.n++;
    this.xs[2 * i] = x;
    this.xs[2 * i + 1] = y;
    this.trailLen[i] = 0;
    this.record(i);
  }

  private record(i: number): void {
    const k = this.trailLen[i] % TRAIL;
    const o = 2 * (i * TRAIL + k);
    this.trail[o] = this.xs[2 * i];
    this.trail[o + 1] = this.xs[2 * i + 1];
    this.trailLen[i]++;
  }

  /** One update x ← x − α∇E_θ(x) = x + α∇log p_θ(x) for every particle (survey Eqs. 3 and 11). True once no particle moves more than 10⁻⁴. */
  step(p: Params): boolean {
    this.steps++;
    if (this.n === 0) {
      this.lastMove = 0;
      return true;
    }
    const m = 2 * this.n;
    lseGradBatch(this.xs.subarray(0, m), this.memories, p.beta, this.grad.subarray(0, m));
    let maxMove = 0;
    for (let i = 0; i < m; i++) {
      const d = p.alpha * this.grad[i];
      this.xs[i] -= d;
      const a = Math.abs(d);
      if (a > maxMove) maxMove = a;
    }
    for (let i = 0; i < this.n; i++) this.record(i);
    this.lastMove = maxMove;
    return maxMove < 1e-4;
  }

  /** Drops `count` particles around (x, y), jittered by a generator seeded from the click. */
  drop(x: number, y: number, count: number, seed: number): void {
    const rng = createRng(seed);
    for (let i = 0; i < count; i++) this.add(x + 0.12 * rng.normal(), y + 0.12 * rng.normal());
    this.lastMove = Infinity;
  }

  /** E_θ sampled over the domain; the left panel shows log p_θ = −E_θ − log Z_θ, the same grid read upside down. */
  grid(beta: number, res = 110): Grid {
    return sampleGrid((x, y) => lseEnergy([x, y], this.memories, beta), DOMAIN, res, res);
  }

  /** The score F_θ = −∇E_θ at each point of `points` (flat [x, y, …]), written into `out`. */
  score(points: Float64Array, beta: number, out: Float64Array): Float64Array {
    lseGradBatch(points, this.memories, beta, out);
    for (let i = 0; i < out.length; i++) out[i] = -out[i];
    return out;
  }

  /** Index of the memory each particle is nearest to, counted: [near ξ₁, near ξ₂, elsewhere]. */
  census(): [number, number, number] {
    const c: [number, number, number] = [0, 0, 0];
    const d = this.memories.data;
    for (let i = 0; i < this.n; i++) {
      const x = this.xs[2 * i];
      const y = this.xs[2 * i + 1];
      const a = Math.hypot(x - d[0], y - d[1]);
      const b = Math.hypot(x - d[2], y - d[3]);
      if (Math.min(a, b) > 0.35) c[2]++;
      else c[a <= b ? 0 : 1]++;
    }
    return c;
  }

  describe(p: Params): string {
    if (this.n === 0) return `No particles yet: click or tap either landscape to drop some. β = ${p.beta}.`;
    const [a, b, rest] = this.census();
    const settled = this.lastMove < 1e-4;
    const energy = this.meanEnergy(p.beta);
    return `${this.n} particles: ${a} near ξ₁, ${b} near ξ₂, ${rest} elsewhere; mean energy ${energy.toFixed(2)}; ${settled ? 'all have settled (∇E = 0)' : 'still descending E and climbing log p'}.`;
  }

  meanEnergy(beta: number): number {
    let s = 0;
    const pt = new Float64Array(2);
    for (let i = 0; i < this.n; i++) {
      pt[0] = this.xs[2 * i];
      pt[1] = this.xs[2 * i + 1];
      s += lseEnergy(pt, this.memories, beta);
    }
    return this.n ? s / this.n : 0;
  }
}
