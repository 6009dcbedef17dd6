import {
  powerSigmas,
  createRng,
  matrixFromData,
  matrixFromRows,
  pfOdeStep,
  resamplePolyline,
  reverseSdeStep,
  sampleDroplets,
  veForwardStep,
  type Domain,
  type Matrix,
  type Rng,
} from '../../core';
import type { PropValues } from '../../lib/figure/spec';
import type { Edit } from '../../lib/figure/edits';
import type { meta } from './meta';

export type Params = PropValues<typeof meta.props>;
export const DOMAIN: Domain = { x0: -4, x1: 4, y0: -4, y1: 4 };
/** Time steps between t = 0 and t = 1. */
export const N_STEPS = 200;
/** Forward states are kept every CHECKPOINT steps, so scrubbing replays at most that many steps. */
export const CHECKPOINT = 20;
/** A drawn stroke becomes at most this many droplets (the reverse step costs particles × droplets exponentials). */
export const MAX_CENTRES = 32;
/** Past this many particle–droplet pairs per step the reverse process may run below 60 frames per second. */
export const HEAVY_WORK = 250_000;

/** A gentle S-shaped stroke, used for "the shape you draw" until the reader draws one. */
export const DEFAULT_STROKE = Float64Array.from(
  Array.from({ length: 41 }, (_, i) => {
    const s = i / 40;
    return [-2.2 + 4.4 * s, 1.4 * Math.sin(2 * Math.PI * s)];
  }).flat(),
);

/**
 * The droplet centres of a drawn stroke (x, y pairs; a single point is one droplet): points evenly spaced along
 * it, about one per 0.15 of its length, at most MAX_CENTRES.
 */
export function strokeCentres(stroke: ArrayLike<number>): Matrix {
  let len = 0;
  for (let i = 2; i < stroke.length; i += 2) len += Math.hypot(stroke[i] - stroke[i - 2], stroke[i + 1] - stroke[i - 1]);
  return resamplePolyline(stroke, Math.max(1, Math.min(MAX_CENTRES, Math.ceil(len / 0.15) + 1)));
}

/** The droplet centres c_μ of p₀ for a shape (K×2); `drawn` is the centres of the shape the reader drew, if any. */
export function centresFor(shape: string, drawn: Float64Array | null): Matrix {
  if (shape === 'one') return matrixFromRows([[0, 0]]);
  if (shape === 'drawn') return drawn ? matrixFromData(drawn.length / 2, 2, drawn) : strokeCentres(DEFAULT_STROKE);
  return matrixFromRows([
    [-1.4, 0.8],
    [1.4, -0.8],
  ]);
}

/** A 32-bit seed for the generator of one time step, mixed from the figure's seed, the step and the direction. */
function stepSeed(seed: number, k: number, tag: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x85ebca6b, 0xc2b2ae35) ^ Math.imul(k + 1, 0x27d4eb2f) ^ Math.imul(tag, 0x165667b1);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * The figure's state. The forward path is a fixed function of (params, seed): step k always draws its noise from a
 * generator seeded by (seed, k), so scrubbing to k replays exactly what playing to k produced. Reverse steps are
 * seeded by (seed, k) too, so the same seed replays the same reverse run.
 */
export class Dye {
  centres: Matrix = matrixFromRows([[0, 0]]);
  width = 0.15;
  sigmas = powerSigmas(N_STEPS, 3);
  x0 = new Float64Array(0);
  xs = new Float64Array(0);
  grad = new Float64Array(0);
  /** Forward states at k = CHECKPOINT·j, filled lazily. */
  checkpoints: Float64Array[] = [];
  k = 0;
  seed = 1;
  n = 0;
  /** True while xs is on the forward path (not yet touched by a reverse step). */
  onForwardPath = true;
  /** The droplet centres of the shape the reader drew (x, y pairs), or null: an edit (`applyEdit`). */
  drawn: Float64Array | null = null;

  /** Always from the seed's state: a drawn shape is an edit, which a restart carries over (`carriedEdits`). */
  reset(p: Params, seed: number): void {
    this.seed = seed;
    this.drawn = null;
    this.start(p);
  }

  /** The dye at t = 0 in its shape (or fully diffused, when time runs in reverse): a fresh run at this seed. */
  private start(p: Params): void {
    this.centres = centresFor(p.shape, this.drawn);
    this.width = p.width;
    this.sigmas = powerSigmas(N_STEPS, p.sigmaMax);
    this.n = p.particles;
    this.x0 = new Float64Array(2 * this.n);
    sampleDroplets(this.centres, p.width, createRng(this.seed), this.x0);
    this.xs = new Float64Array(this.x0);
    this.grad = new Float64Array(2 * this.n);
    this.checkpoints = [this.x0];
    this.k = 0;
    this.onForwardPath = true;
    if (p.direction === 'reverse') this.scrub(N_STEPS);
  }

  /**
   * The reader's edits (meta.edits). `drawn`: the droplet centres of a shape they drew; when the start is
   * "the shape you draw", the dye starts again from it. `scrub`: the particles go to step k of the forward path.
   */
  applyEdit(e: Edit, p: Params): void {
    if (e.kind === 'drawn') {
      this.drawn = Float64Array.from(e.args);
      if (p.shape === 'drawn') this.start(p);
    } else if (e.kind === 'scrub') this.scrub(e.args[0]);
  }

  /** A drawn shape outlives every restart (Reset, a new seed, any prop), as it did before links recorded it. */
  carriedEdits(): Edit[] {
    return this.drawn ? [{ kind: 'drawn', args: Array.from(this.drawn) }] : [];
  }

  private forwardRng(k: number): Rng {
    return createRng(stepSeed(this.seed, k, 1));
  }

  /** One forward step k → k+1 of the VE process: x ← x + √(σ_{k+1}² − σ_k²) z. */
  private forward(xs: Float64Array, k: number): void {
    veForwardStep(xs, this.sigmas[k], this.sigmas[k + 1], this.forwardRng(k));
  }

  /** The effective noise of p_t at step k: p₀ is already Gaussian with width w, so p_t has width √(w² + σ_k²). */
  sigmaEff(k: number): number {
    return Math.sqrt(this.width * this.width + this.sigmas[k] * this.sigmas[k]);
  }

  /** One update in the given direction. Returns true when the run has reached its end (t = 1 forward, t = 0 reverse). */
  step(p: Params): boolean {
    if (p.direction === 'forward') {
      if (this.k >= N_STEPS) return true;
      this.forward(this.xs, this.k);
      this.k++;
      if (this.onForwardPath && this.k % CHECKPOINT === 0 && !this.checkpoints[this.k / CHECKPOINT]) {
        this.checkpoints[this.k / CHECKPOINT] = new Float64Array(this.xs);
      }
      return this.k >= N_STEPS;
    }
    if (this.k <= 0) return true;
    const s = this.sigmaEff(this.k);
    const sNext = this.sigmaEff(this.k - 1);
    if (p.sampler === 'ode') pfOdeStep(this.xs, this.centres, s, sNext, this.grad);
    else reverseSdeStep(this.xs, this.centres, s, sNext, createRng(stepSeed(this.seed, this.k, 2)), this.grad);
    this.k--;
    this.onForwardPath = false;
    return this.k <= 0;
  }

  /**
   * Puts the particles where the forward process has them at step k (0 ≤ k ≤ N_STEPS), replaying from a
   * checkpoint. The first scrub fills every checkpoint (the whole forward path, as a reset in reverse does): what
   * is cached after a scrub then does not depend on the positions the slider passed through, which a link does
   * not keep (only where a drag ended), and every later scrub replays fewer than CHECKPOINT steps.
   */
  scrub(k: number): void {
    k = Math.max(0, Math.min(N_STEPS, Math.round(k)));
    let j = this.checkpoints.length - 1;
    while (j > 0 && !this.checkpoints[j]) j--;
    const xs = new Float64Array(this.checkpoints[j]);
    for (let i = j * CHECKPOINT; i < N_STEPS; i++) {
      this.forward(xs, i);
      if ((i + 1) % CHECKPOINT === 0) this.checkpoints[(i + 1) / CHECKPOINT] = new Float64Array(xs);
    }
    j = Math.floor(k / CHECKPOINT);
    this.xs = new Float64Array(this.checkpoints[j]);
    for (let i = j * CHECKPOINT; i < k; i++) this.forward(this.xs, i);
    this.k = k;
    this.onForwardPath = true;
  }

  /** t = k / N_STEPS. */
  get t(): number {
    return this.k / N_STEPS;
  }

  /** Fraction of particles within 3w of some droplet centre: 1 for the initial picture, small once diffused. */
  recovered(): number {
    const { rows: K, data } = this.centres;
    const r2 = 9 * this.width * this.width;
    let inside = 0;
    for (let p = 0; p < this.n; p++) {
      const x = this.xs[2 * p];
      const y = this.xs[2 * p + 1];
      for (let m = 0; m < K; m++) {
        const dx = x - data[2 * m];
        const dy = y - data[2 * m + 1];
        if (dx * dx + dy * dy <= r2) {
          inside++;
          break;
        }
      }
    }
    return this.n ? inside / this.n : 0;
  }

  describe(p: Params): string {
    const f = Math.round(100 * this.recovered());
    const where = this.k === 0 ? 'the dye sits in its starting shape' : this.k === N_STEPS ? 'the dye has spread almost uniformly' : p.direction === 'forward' ? 'the dye is spreading' : 'the score is pulling the dye back';
    return `t = ${this.t.toFixed(2)}, σ(t) = ${this.sigmas[this.k].toFixed(2)}: ${where}; ${f}% of ${this.n} particles lie within 3w of the starting shape.`;
  }
}
