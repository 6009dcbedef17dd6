import { createRng, etEnergies, etLayerNorm, etStep, matrixFromData, type EnergyTransformer, type EtEnergies } from '../../core';
import type { PropValues } from '../../lib/figure/spec';
import type { Edit } from '../../lib/figure/edits';
import type { meta } from './meta';

export type Params = PropValues<typeof meta.props>;
/** Tokens live in ℝ³; LayerNorm puts them on a circle of radius √3 in the plane orthogonal to (1, 1, 1). */
export const D = 3;
export const Y = 2;
export const MAX_STEPS = 4000;
/** An orthonormal basis (u, w) of the plane orthogonal to (1, 1, 1), used to draw g. */
const U = [1 / Math.SQRT2, -1 / Math.SQRT2, 0];
const W = [1 / Math.sqrt(6), 1 / Math.sqrt(6), -2 / Math.sqrt(6)];
export const RADIUS = Math.sqrt(3);

export function planeCoords(v: ArrayLike<number>, o = 0): [number, number] {
  return [v[o] * U[0] + v[o + 1] * U[1] + v[o + 2] * U[2], v[o] * W[0] + v[o + 1] * W[1] + v[o + 2] * W[2]];
}
function fromAngle(a: number): number[] {
  const r = RADIUS;
  return [0, 1, 2].map((i) => r * (Math.cos(a) * U[i] + Math.sin(a) * W[i]));
}

export class Block {
  block: EnergyTransformer = makeBlock(1, 1, 3);
  x = new Float64Array(0);
  g = new Float64Array(0);
  scratch = new Float64Array(0);
  n = 0;
  history: EtEnergies[] = [];
  /** Trails of g in the plane, per token: flat [u, w, u, w, …]. */
  trails: number[][] = [];
  lastMove = Infinity;
  steps = 0;

  constructor() {
    // A valid state before the first reset, so a first paint never sees an empty history.
    this.reset({ tokens: 5, memories: 3, beta: 1, alpha: 0.1 }, 1);
  }

  reset(p: Params, seed: number): void {
    this.block = makeBlock(seed, p.beta, p.memories);
    const rng = createRng(seed * 13 + 7);
    this.n = p.tokens;
    this.x = new Float64Array(this.n * D);
    for (let i = 0; i < this.x.length; i++) this.x[i] = rng.normal();
    this.scratch = new Float64Array(this.x.length);
    this.g = new Float64Array(this.x.length);
    this.restartTrace();
  }

  restartTrace(): void {
    this.steps = 0;
    this.lastMove = Infinity;
    this.updateG();
    this.history = [etEnergies(this.block, this.x)];
    this.trails = Array.from({ length: this.n }, (_, a) => [...planeCoords(this.g, a * D)]);
  }

  /**
   * α and β change the dynamics, not the tokens: the run carries on from where the tokens are (β restarts the
   * trace, since it changes the energy itself). A new token or memory count starts again (meta: 'restart').
   */
  onKeptChange(p: Params, prev: Params): void {
    if (p.beta !== prev.beta) this.setBeta(p.beta);
  }

  setBeta(beta: number): void {
    this.block = { ...this.block, beta };
    this.restartTrace();
  }

  private updateG(): void {
    etLayerNorm(this.x, D, this.block.gamma, this.block.eps, this.g);
  }

  /** One Euler step of τ dx/dt = −∂E/∂g. Returns true when no token's g moved more than 10⁻⁴. */
  step(p: Params): boolean {
    etStep(this.block, this.x, p.alpha, this.scratch);
    this.steps++;
    // Convergence is judged on g, the tokens as the energy sees them: the part of ∂E/∂g along (1, 1, 1) and
    // along g itself only stretches x, which LayerNorm undoes.
    const before = this.g.slice();
    this.updateG();
    let move = 0;
    for (let i = 0; i < this.g.length; i++) move = Math.max(move, Math.abs(this.g[i] - before[i]));
    this.lastMove = move;
    this.history.push(etEnergies(this.block, this.x));
    if (this.history.length > 1200) this.history.splice(1, 1);
    for (let a = 0; a < this.n; a++) {
      const [u, w] = planeCoords(this.g, a * D);
      const t = this.trails[a];
      t.push(u, w);
      if (t.length > 800) t.splice(0, 2);
    }
    return move < 1e-4 || this.steps >= MAX_STEPS;
  }

  /** The reader's edits (meta.edits), as the run gives them: a token past the current count is ignored. */
  applyEdit(e: Edit): void {
    const [a, angle] = e.args;
    if (e.kind === 'move' && a < this.n) this.placeToken(a, angle);
  }

  /** Puts token a on the circle at angle θ (LayerNorm leaves such a point unchanged) and restarts the trace. */
  placeToken(a: number, angle: number): void {
    const v = fromAngle(angle);
    for (let i = 0; i < D; i++) this.x[a * D + i] = v[i];
    this.restartTrace();
  }

  memoryAngles(): number[] {
    const out: number[] = [];
    for (let m = 0; m < this.block.xi.rows; m++) {
      const [u, w] = planeCoords(this.block.xi.data, m * D);
      out.push(Math.atan2(w, u));
    }
    return out;
  }

  describe(): string {
    const e = this.history[this.history.length - 1];
    const e0 = this.history[0];
    const settled = this.lastMove < 1e-4;
    const fell = (a: number, b: number) => (b < a - 1e-9 ? 'fell' : b > a + 1e-9 ? 'rose' : 'stayed');
    return `${this.n} tokens, ${this.block.xi.rows} memories, step ${this.steps}: total energy ${e.total.toFixed(3)} (from ${e0.total.toFixed(3)}); attention energy ${fell(e0.attention, e.attention)} to ${e.attention.toFixed(3)}, memory energy ${fell(e0.memory, e.memory)} to ${e.memory.toFixed(3)}${settled ? '; the tokens have settled at a fixed point' : this.steps >= MAX_STEPS ? `; stopped after ${MAX_STEPS} steps` : ''}.`;
  }
}

/** A block with seeded random W_K, W_Q (2×3) and K memories ξ_μ (unit vectors in the LayerNorm plane, scaled by 1.2). */
export function makeBlock(seed: number, beta: number, k: number): EnergyTransformer {
  const rng = createRng(seed * 101 + 3);
  const wk = Float64Array.from({ length: Y * D }, () => rng.normal() / Math.sqrt(D));
  const wq = Float64Array.from({ length: Y * D }, () => rng.normal() / Math.sqrt(D));
  const xi = new Float64Array(k * D);
  const phase = 2 * Math.PI * rng.uniform();
  for (let m = 0; m < k; m++) {
    const v = fromAngle(phase + (2 * Math.PI * m) / k + 0.5 * rng.uniform());
    for (let i = 0; i < D; i++) xi[m * D + i] = (1.2 * v[i]) / RADIUS;
  }
  return { dim: D, keyDim: Y, wk: matrixFromData(Y, D, wk), wq: matrixFromData(Y, D, wq), xi: k > 0 ? matrixFromData(k, D, xi) : { rows: 0, cols: D, data: xi }, beta, gamma: 1, eps: 1e-5 };
}
