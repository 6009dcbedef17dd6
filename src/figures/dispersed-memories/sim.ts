import { createParticleScratch, createRng, energyDescentStepBatch, criticalPoints, lseEnergy, lseGradBatch, matrixFromData, principalAxis2, sampleGrid, scatterUniform, type CriticalPoint, type Domain, type Grid, type Matrix } from '../../core';
import { placeMemories as placeMemoriesFrom } from '../../core/placement';
import type { PropValues } from '../../lib/figure/spec';
import type { Edit } from '../../lib/figure/edits';
import { meta } from './meta';
import { formatNumber } from '../../lib/format';

export type Params = PropValues<typeof meta.props>;
export const DOMAIN: Domain = { x0: -3, x1: 3, y0: -3, y1: 3 };
export const SIGMA_MIN = meta.props.sigma.min;
export const SIGMA_MAX = meta.props.sigma.max;
/** σ values of the bifurcation diagram: log-spaced over the slider's range. */
export const DIAGRAM_SIGMAS = Array.from({ length: 96 }, (_, i) => SIGMA_MIN * Math.pow(SIGMA_MAX / SIGMA_MIN, i / 95));
export const MAX_PATTERNS = 12;
/** A particle this close to a pattern has recalled it; farther, it settled on a blend. */
export const RECALL_RADIUS = 0.05;

/** One σ slice of the bifurcation diagram: each critical point's projection on the patterns' principal axis. */
export interface Slice {
  sigma: number;
  minima: number[];
  saddles: number[];
}

/** Patterns scattered by the seed in the middle of the plane. */
export function placePatterns(k: number, seed: number): Float64Array {
  return placeMemoriesFrom(k, seed, 'dispersed-memories.patterns', { kind: 'square', half: 2 });
}

/**
 * The figure's state: editable patterns, particles descending E_β, the critical points at the current σ and the
 * bifurcation diagram, built a few σ slices per frame so editing never blocks the page.
 */
export class Dispersed {
  patterns: Float64Array = new Float64Array(0);
  k = 0;
  xs: Float64Array = new Float64Array(0);
  scratch = createParticleScratch(0);
  n = 0;
  selected = 0;
  lastMove = Infinity;
  /** The noise level σ and the energy's β = 1/σ² (set together, only by `setSigma`). */
  sigma = 1;
  beta = 1;
  /** Critical points at the current σ. */
  current: CriticalPoint[] = [];
  slices: Slice[] = [];
  /** Projection used by the diagram (fixed per pattern set). */
  axis = { mean: [0, 0] as [number, number], axis: [1, 0] as [number, number] };
  /** Bumped whenever the patterns change, so painters know to rebuild the landscape. */
  version = 0;
  private placedFor = '';
  private prevStarts: number[] = [];

  get memories(): Matrix {
    return matrixFromData(this.k, 2, this.patterns.subarray(0, 2 * this.k));
  }

  /** Always the seed's pattern set (the run applies the reader's edits that a restart keeps: `carriedEdits`). */
  reset(p: Params, seed: number): void {
    this.sigma = p.sigma;
    this.beta = betaOf(p.sigma);
    const placed = placePatterns(p.memories, seed);
    this.placedFor = `${p.memories}:${seed}`;
    if (!sameValues(placed, this.patterns.subarray(0, 2 * this.k))) {
      this.patterns = placed;
      this.k = p.memories;
      this.selected = 0;
      this.patternsChanged(false);
    }
    const rng = createRng(seed);
    this.n = p.particles;
    this.xs = new Float64Array(2 * this.n);
    this.scratch = createParticleScratch(2 * this.n);
    scatterUniform(this.xs, DOMAIN, rng);
    this.lastMove = Infinity;
    this.current = criticalPoints(this.memories, this.sigma);
  }

  /** x ← x − α∇E_β(x), β = 1/σ², for every particle; true once no particle moved more than 10⁻⁴. */
  step(p: Params): boolean {
    if (this.n === 0) return true;
    this.lastMove = energyDescentStepBatch((xs, out) => lseGradBatch(xs, this.memories, this.beta, out), this.xs, p.alpha, this.scratch);
    return this.lastMove < 1e-4;
  }

  /** σ and α are kept changes (meta): the particles carry on from where they are, on the new landscape. */
  onKeptChange(p: Params, prev: Params): void {
    if (p.sigma !== prev.sigma) this.setSigma(p.sigma);
    this.lastMove = Infinity;
  }

  /** The one place σ enters the state: β = 1/σ², the critical points at σ, and the particles move again. */
  setSigma(sigma: number): void {
    this.sigma = sigma;
    this.beta = betaOf(sigma);
    this.current = criticalPoints(this.memories, sigma);
    this.lastMove = Infinity;
  }

  /** Marks the pattern set as changed: new critical points, the diagram restarts, the particles move again. */
  patternsChanged(refreshCurrent = true): void {
    this.version++;
    this.slices = [];
    this.prevStarts = [];
    this.axis = principalAxis2(this.memories);
    this.lastMove = Infinity;
    if (refreshCurrent) this.current = criticalPoints(this.memories, this.sigma);
  }

  /** Computes more σ slices of the bifurcation diagram for up to `budgetMs`; returns true when it is complete. */
  growDiagram(budgetMs: number): boolean {
    const t0 = performance.now();
    while (this.slices.length < DIAGRAM_SIGMAS.length && performance.now() - t0 < budgetMs) {
      const sigma = DIAGRAM_SIGMAS[this.slices.length];
      const pts = criticalPoints(this.memories, sigma, { starts: this.prevStarts });
      const proj = (c: CriticalPoint) => (c.x[0] - this.axis.mean[0]) * this.axis.axis[0] + (c.x[1] - this.axis.mean[1]) * this.axis.axis[1];
      this.slices.push({ sigma, minima: pts.filter((c) => c.kind === 'min').map(proj), saddles: pts.filter((c) => c.kind === 'saddle').map(proj) });
      this.prevStarts = pts.filter((c) => c.kind === 'min').flatMap((c) => [c.x[0], c.x[1]]);
    }
    return this.slices.length === DIAGRAM_SIGMAS.length;
  }

  diagramDone(): boolean {
    return this.slices.length === DIAGRAM_SIGMAS.length;
  }

  /** The projection range of the patterns (diagram's y extent). */
  projRange(): [number, number] {
    let lo = Infinity;
    let hi = -Infinity;
    for (let m = 0; m < this.k; m++) {
      const v = (this.patterns[2 * m] - this.axis.mean[0]) * this.axis.axis[0] + (this.patterns[2 * m + 1] - this.axis.mean[1]) * this.axis.axis[1];
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (!(hi > lo)) return [-1, 1];
    const pad = 0.08 * (hi - lo);
    return [lo - pad, hi + pad];
  }

  // ----- editing -----

  /** The reader's edits (meta.edits), as the run gives them. */
  applyEdit(e: Edit): void {
    const [a, b, c] = e.args;
    if (e.kind === 'add') this.add(a, b);
    else if (e.kind === 'move' && a < this.k) this.move(a, b, c);
    else if (e.kind === 'remove') this.remove(a);
    else if (e.kind === 'patterns') this.setPatterns(e.args);
  }

  /** A Reset or a new particle count keeps the edited patterns; a new seed or pattern count places new ones. */
  carriedEdits(p: Params, seed: number): Edit[] {
    const current = this.patterns.subarray(0, 2 * this.k);
    if (`${p.memories}:${seed}` !== this.placedFor || sameValues(current, placePatterns(p.memories, seed))) return [];
    return [{ kind: 'patterns', args: Array.from(current) }];
  }

  setPatterns(xy: readonly number[]): void {
    if (sameValues(Float64Array.from(xy), this.patterns.subarray(0, 2 * this.k))) return;
    this.patterns = Float64Array.from(xy, clampToDomain);
    this.k = xy.length >> 1;
    this.selected = Math.min(this.selected, this.k - 1);
    this.patternsChanged();
  }

  add(x: number, y: number): boolean {
    if (this.k >= MAX_PATTERNS) return false;
    const next = new Float64Array(2 * (this.k + 1));
    next.set(this.patterns.subarray(0, 2 * this.k));
    next[2 * this.k] = clampToDomain(x);
    next[2 * this.k + 1] = clampToDomain(y);
    this.patterns = next;
    this.k++;
    this.selected = this.k - 1;
    this.patternsChanged();
    return true;
  }

  remove(index = this.selected): boolean {
    if (this.k <= 1 || index < 0 || index >= this.k) return false;
    const next = new Float64Array(2 * (this.k - 1));
    next.set(this.patterns.subarray(0, 2 * index));
    next.set(this.patterns.subarray(2 * index + 2, 2 * this.k), 2 * index);
    this.patterns = next;
    this.k--;
    this.selected = Math.min(this.selected, this.k - 1);
    this.patternsChanged();
    return true;
  }

  move(index: number, x: number, y: number): void {
    this.patterns[2 * index] = clampToDomain(x);
    this.patterns[2 * index + 1] = clampToDomain(y);
    this.patternsChanged();
  }

  /** The pattern nearest (x, y) within `radius` (plane units), or −1. */
  hit(x: number, y: number, radius: number): number {
    let best = -1;
    let bestD = radius;
    for (let m = 0; m < this.k; m++) {
      const d = Math.hypot(this.patterns[2 * m] - x, this.patterns[2 * m + 1] - y);
      if (d < bestD) {
        bestD = d;
        best = m;
      }
    }
    return best;
  }

  /** E_β sampled over the plane at the current σ. */
  grid(res = 110): Grid {
    const mem = this.memories;
    const beta = this.beta;
    return sampleGrid((x, y) => lseEnergy([x, y], mem, beta), DOMAIN, res, res);
  }

  /** How many particles sit on a stored pattern (recall) and how many on a blend (creation). */
  outcome(): { recalled: number; blended: number } {
    let recalled = 0;
    for (let i = 0; i < this.n; i++) {
      for (let m = 0; m < this.k; m++) {
        if (Math.hypot(this.xs[2 * i] - this.patterns[2 * m], this.xs[2 * i + 1] - this.patterns[2 * m + 1]) < RECALL_RADIUS) {
          recalled++;
          break;
        }
      }
    }
    return { recalled, blended: this.n - recalled };
  }

  describe(): string {
    const minima = this.current.filter((c) => c.kind === 'min').length;
    const saddles = this.current.filter((c) => c.kind === 'saddle').length;
    const att = `${minima} attractor${minima === 1 ? '' : 's'} and ${saddles} saddle${saddles === 1 ? '' : 's'} for ${this.k} pattern${this.k === 1 ? '' : 's'} at σ = ${formatNumber(this.sigma)} (β = ${formatNumber(this.beta)})`;
    if (this.n === 0) return `${att}.`;
    const settled = this.lastMove < 1e-4;
    const { recalled, blended } = this.outcome();
    const what = settled ? 'settled' : 'so far';
    return `${att}. ${recalled} of ${this.n} particles ${settled ? 'recalled' : 'sit on'} a stored pattern and ${blended} ${settled ? 'settled on a blend' : 'are elsewhere'} (${what}).`;
  }
}

/** The smoothed pattern set's energy is E_β with β = 1/σ² (MATH.md: the Gaussian kernel of width σ). */
function betaOf(sigma: number): number {
  return 1 / (sigma * sigma);
}

function clampToDomain(v: number): number {
  return Math.max(-2.9, Math.min(2.9, v));
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
