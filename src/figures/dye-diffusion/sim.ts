import {
  powerSigmas,
  createRng,
  matrixFromRows,
  pfOdeStep,
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
import { centresFor } from './shape';

export { centresFor, DEFAULT_STROKE, MAX_CENTRES, strokeCentres } from './shape';

export type Params = PropValues<typeof meta.props>;
export const DOMAIN: Domain = { x0: -4, x1: 4, y0: -4, y1: 4 };
/** Time steps between t = 0 and t = 1. */
export const N_STEPS = 200;
/** Forward states are kept every CHECKPOINT steps, so a scrub back along a walked path replays fewer than that many. */
export const CHECKPOINT = 20;
/** Past this many particle–droplet pairs the figure calls the setting heavy: a reverse step nears a frame's 6 ms of work and may be spread over several. */
export const HEAVY_WORK = 250_000;

/** A 32-bit seed for the generator of one time step, mixed from the figure's seed, the step and the direction. */
function stepSeed(seed: number, k: number, tag: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x85ebca6b, 0xc2b2ae35) ^ Math.imul(k + 1, 0x27d4eb2f) ^ Math.imul(tag, 0x165667b1);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Particles per piece of a reverse step spread over frames (a piece is well under a millisecond at 32 droplets). */
const PIECE = 2000;

/** A reverse step under way: the particles before `next` have taken it. */
interface ReverseStep {
  next: number;
  sigma: number;
  sigmaNext: number;
  ode: boolean;
  rng: Rng;
}

/** A scrub under way: `xs` walks the forward path from a checkpoint to step `target`; it is at step `at`. */
interface Scrub {
  target: number;
  at: number;
  xs: Float64Array;
}

/**
 * The figure's state. The forward path is a fixed function of (params, seed): step k always draws its noise from a
 * generator seeded by (seed, k), so scrubbing to k replays exactly what playing to k produced. Reverse steps are
 * seeded by (seed, k) too, so the same seed replays the same reverse run.
 *
 * At 100 000 particles a reverse step (every particle against every droplet) takes about 30 ms and a scrub to
 * the end replays up to 200 forward steps; given a deadline, both are done in pieces over several frames
 * (`work`), in the same order as at once, so the state they end in is the same bit for bit.
 */
export class Dye {
  centres: Matrix = matrixFromRows([[0, 0]]);
  width = 0.15;
  sigmas = powerSigmas(N_STEPS, 3);
  x0 = new Float64Array(0);
  xs: Float64Array = new Float64Array(0);
  grad = new Float64Array(0);
  /**
   * Forward states at k = CHECKPOINT·j, filled as the path is walked. A cache of values the seed fixes, so it is
   * a Map: the state hash skips it, and what is cached never changes what a scrub gives.
   */
  checkpoints = new Map<number, Float64Array>();
  k = 0;
  seed = 1;
  n = 0;
  /** True while xs is on the forward path (not yet touched by a reverse step). */
  onForwardPath = true;
  /** The droplet centres of the shape the reader drew (x, y pairs), or null: an edit (`applyEdit`). */
  drawn: Float64Array | null = null;
  private reverse: ReverseStep | null = null;
  private scrubbing: Scrub | null = null;

  /** Always from the seed's state: a drawn shape is an edit, which a restart carries over (`carriedEdits`). */
  reset(p: Params, seed: number): void {
    this.seed = seed;
    this.drawn = null;
    this.start(p);
  }

  /**
   * The dye at t = 0 in its shape, a fresh run at this seed. When time runs in reverse it starts fully diffused
   * instead, drawn at once from p₁: x₀ + σ_max·z has exactly the law of the forward path's end, without walking it.
   */
  private start(p: Params): void {
    this.centres = centresFor(p.shape, this.drawn);
    this.width = p.width;
    this.sigmas = powerSigmas(N_STEPS, p.sigmaMax);
    this.n = p.particles;
    this.x0 = new Float64Array(2 * this.n);
    sampleDroplets(this.centres, p.width, createRng(this.seed), this.x0);
    this.xs = new Float64Array(this.x0);
    this.grad = new Float64Array(2 * this.n);
    this.checkpoints = new Map([[0, this.x0]]);
    this.reverse = null;
    this.scrubbing = null;
    this.k = 0;
    this.onForwardPath = true;
    if (p.direction === 'reverse') {
      veForwardStep(this.xs, 0, this.sigmas[N_STEPS], createRng(stepSeed(this.seed, N_STEPS, 3)));
      this.k = N_STEPS;
      this.onForwardPath = false;
    }
  }

  /**
   * The reader's edits (meta.edits). `drawn`: the droplet centres of a shape they drew; when the start is
   * "the shape you draw", the dye starts again from it. `scrub`: the particles go to step k of the forward path
   * (in pieces until `deadline`, the rest left to `work`).
   */
  applyEdit(e: Edit, p: Params, deadline = Infinity): void {
    this.finish(p);
    if (e.kind === 'drawn') {
      this.drawn = Float64Array.from(e.args);
      if (p.shape === 'drawn') this.start(p);
    } else if (e.kind === 'scrub') this.scrub(e.args[0], deadline);
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

  /**
   * One update in the given direction. Returns true when the run has reached its end (t = 1 forward, t = 0
   * reverse). A reverse step given a deadline may stop part-way (null): `work` finishes it.
   */
  step(p: Params, deadline = Infinity): boolean | null {
    this.finish(p);
    if (p.direction === 'forward') {
      if (this.k >= N_STEPS) return true;
      this.forward(this.xs, this.k);
      this.k++;
      if (this.onForwardPath && this.k % CHECKPOINT === 0 && !this.checkpoints.has(this.k / CHECKPOINT)) {
        this.checkpoints.set(this.k / CHECKPOINT, new Float64Array(this.xs));
      }
      return this.k >= N_STEPS;
    }
    if (this.k <= 0) return true;
    const rng = createRng(stepSeed(this.seed, this.k, 2));
    this.reverse = { next: 0, sigma: this.sigmaEff(this.k), sigmaNext: this.sigmaEff(this.k - 1), ode: p.sampler === 'ode', rng };
    return this.goOnReversing(deadline);
  }

  /** Takes particles through the reverse step under way, a piece at a time, until all have or `deadline` passes. */
  private goOnReversing(deadline: number): boolean | null {
    const r = this.reverse!;
    do {
      const a = r.next;
      const b = Math.min(this.n, a + PIECE);
      const xs = this.xs.subarray(2 * a, 2 * b);
      const grad = this.grad.subarray(2 * a, 2 * b);
      // Each particle's score depends on its own position only, and the noise is drawn in particle order, so
      // pieces in order give exactly the whole step.
      if (r.ode) pfOdeStep(xs, this.centres, r.sigma, r.sigmaNext, grad);
      else reverseSdeStep(xs, this.centres, r.sigma, r.sigmaNext, r.rng, grad);
      r.next = b;
    } while (r.next < this.n && (deadline === Infinity || performance.now() < deadline));
    if (r.next < this.n) return null;
    this.reverse = null;
    this.k--;
    this.onForwardPath = false;
    return this.k <= 0;
  }

  /**
   * Puts the particles where the forward process has them at step k (0 ≤ k ≤ N_STEPS), walking from the last
   * checkpoint at or before k (and keeping the checkpoints it passes). With a deadline the walk may stop
   * part-way, showing the dye on its way there; `work` finishes it.
   */
  scrub(k: number, deadline = Infinity): void {
    k = Math.max(0, Math.min(N_STEPS, Math.round(k)));
    let j = Math.floor(k / CHECKPOINT);
    while (j > 0 && !this.checkpoints.has(j)) j--;
    this.scrubbing = { target: k, at: j * CHECKPOINT, xs: new Float64Array(this.checkpoints.get(j)!) };
    this.xs = this.scrubbing.xs;
    this.k = this.scrubbing.at;
    this.onForwardPath = true;
    this.goOnScrubbing(deadline);
  }

  /** Walks the scrub under way, a forward step at a time, until it arrives or `deadline` passes; true once there. */
  private goOnScrubbing(deadline: number): boolean {
    const s = this.scrubbing!;
    while (s.at < s.target) {
      this.forward(s.xs, s.at);
      s.at++;
      if (s.at % CHECKPOINT === 0 && !this.checkpoints.has(s.at / CHECKPOINT)) this.checkpoints.set(s.at / CHECKPOINT, new Float64Array(s.xs));
      if (deadline !== Infinity && performance.now() >= deadline) break;
    }
    this.k = s.at;
    if (s.at < s.target) return false;
    this.scrubbing = null;
    return true;
  }

  /** Goes on with a reverse step or a scrub left part-way (FigureSim.work). */
  work(_p: Params, deadline: number): boolean | null {
    if (this.scrubbing) return this.goOnScrubbing(deadline) ? false : null;
    if (this.reverse) return this.goOnReversing(deadline);
    return false;
  }

  hasWork(): boolean {
    return this.reverse !== null || this.scrubbing !== null;
  }

  /** A new scrub replaces one still on its way (its positions are about to be replaced anyway). */
  dropWork(e: Edit): boolean {
    if (e.kind !== 'scrub' || !this.scrubbing || this.reverse) return false;
    this.scrubbing = null;
    return true;
  }

  /** Finishes any work left part-way, so nothing else ever sees half a step. */
  private finish(p: Params): void {
    if (this.hasWork()) this.work(p, Infinity);
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
