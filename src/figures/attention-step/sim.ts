import { corruptPattern, createRng, maskImage, matrixFromData, modernHopfieldStep, patternOverlaps, ramsauerEnergy, softmaxInto, type Matrix } from '../../core';
import { builtinPatterns, BUILTIN_PICTURES } from '../../lib/patterns/builtins';
import type { PropValues } from '../../lib/figure/spec';
import type { meta } from './meta';

export type Params = PropValues<typeof meta.props>;
export const SIDE = 16;
export const N = SIDE * SIDE;
/** The most updates when iterating; a fixed point is normally reached in a handful. */
export const MAX_ITER = 50;

/**
 * The stored pictures as unit vectors, ξ_μ = p_μ/√N, so the scores ξ_μ·x lie in [−1, 1] for a unit-length
 * query and β means the same thing whatever the picture size.
 */
export function storedPatterns(k: number): Matrix {
  const pics = builtinPatterns(k, SIDE);
  const data = new Float64Array(k * N);
  const s = 1 / Math.sqrt(N);
  pics.forEach((p, m) => {
    for (let i = 0; i < N; i++) data[m * N + i] = s * p[i];
  });
  return matrixFromData(k, N, data);
}

export function pictureName(m: number): string {
  return BUILTIN_PICTURES[m]?.name ?? `picture ${m + 1}`;
}

/** The query, the history of updates x⁰, x¹, …, and the attention weights of the latest step. */
export class AttentionRun {
  xi: Matrix = storedPatterns(2);
  history: Float64Array[] = [];
  energies: number[] = [];
  weights = new Float64Array(0);
  scores = new Float64Array(0);
  queryIndex = 0;
  done = false;
  lastChange = Infinity;

  reset(p: Params, seed: number): void {
    this.xi = storedPatterns(p.memories);
    this.queryIndex = Math.min(p.query, p.memories) - 1;
    const clean = new Float64Array(N);
    for (let i = 0; i < N; i++) clean[i] = this.xi.data[this.queryIndex * N + i] * Math.sqrt(N);
    const x0 = new Float64Array(N);
    if (p.corruption === 'mask') maskImage(clean, SIDE, SIDE, p.amount, 0, x0);
    else corruptPattern(clean, p.amount, createRng(seed), x0);
    const s = 1 / Math.sqrt(N);
    for (let i = 0; i < N; i++) x0[i] *= s;
    this.history = [x0];
    this.energies = [ramsauerEnergy(x0, this.xi, p.beta)];
    this.scores = new Float64Array(p.memories);
    this.weights = new Float64Array(p.memories);
    this.computeWeights(x0, p.beta);
    this.done = false;
    this.lastChange = Infinity;
  }

  /** w = softmax(β ξ x): the attention weights a step from x would use. */
  private computeWeights(x: Float64Array, beta: number): void {
    patternOverlaps(this.xi, x, this.scores);
    softmaxInto(this.scores, beta, this.weights);
  }

  get current(): Float64Array {
    return this.history[this.history.length - 1];
  }

  /** One modern Hopfield update x ← ξᵀ softmax(βξx). Without iteration, the run ends after the first step. */
  step(p: Params): boolean {
    if (this.done) return true;
    const x = this.current;
    this.computeWeights(x, p.beta);
    const next = modernHopfieldStep(x, this.xi, p.beta);
    let change = 0;
    for (let i = 0; i < N; i++) change = Math.max(change, Math.abs(next[i] - x[i]));
    this.lastChange = change * Math.sqrt(N);
    this.history.push(next);
    this.energies.push(ramsauerEnergy(next, this.xi, p.beta));
    const steps = this.history.length - 1;
    this.done = !p.iterate || this.lastChange < 1e-6 || steps >= MAX_ITER;
    if (this.done) this.computeWeights(p.iterate ? next : x, p.beta);
    return this.done;
  }

  /** Overlap (cosine) of x with stored pattern m. */
  cosine(x: Float64Array, m: number): number {
    let s = 0;
    let n = 0;
    for (let i = 0; i < N; i++) {
      s += x[i] * this.xi.data[m * N + i];
      n += x[i] * x[i];
    }
    return n > 0 ? s / Math.sqrt(n) : 0;
  }

  /** The stored pattern the current state is closest to, and the cosine. */
  nearest(): { m: number; cos: number } {
    const x = this.current;
    let best = 0;
    let bc = -Infinity;
    for (let m = 0; m < this.xi.rows; m++) {
      const c = this.cosine(x, m);
      if (c > bc) {
        bc = c;
        best = m;
      }
    }
    return { m: best, cos: bc };
  }

  describe(p: Params): string {
    const steps = this.history.length - 1;
    // The query slider reaches 10 while K may be smaller: say which picture is used rather than clamp silently.
    const only = p.query > p.memories ? ` (picture ${p.query} asked for, but only K = ${p.memories} are stored)` : '';
    const q = `query: ${pictureName(this.queryIndex)}${only} with ${Math.round(p.amount * 100)}% ${p.corruption === 'mask' ? 'of rows hidden' : 'of pixels flipped'}`;
    if (steps === 0) return `${q}; no step taken yet.`;
    const { m, cos } = this.nearest();
    let wMax = 0;
    for (const w of this.weights) wMax = Math.max(wMax, w);
    const kind = cos > 0.999 ? `retrieved ${pictureName(m)} (cosine ${cos.toFixed(3)})` : `a blend, closest to ${pictureName(m)} (cosine ${cos.toFixed(3)})`;
    const end = p.iterate ? (this.lastChange < 1e-6 ? `fixed point after ${steps} step${steps === 1 ? '' : 's'}` : this.done ? `stopped after ${steps} steps` : `${steps} step${steps === 1 ? '' : 's'} so far`) : 'one step, as in an attention layer';
    return `${q}; ${end}: ${kind}; largest weight ${wMax.toFixed(2)}; energy ${this.energies[0].toFixed(3)} → ${this.energies[this.energies.length - 1].toFixed(3)}.`;
  }
}
