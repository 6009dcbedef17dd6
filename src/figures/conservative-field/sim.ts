import {
  circulation,
  createDenoiser2,
  createFieldFlow,
  fieldFlowSteps,
  curl2,
  denoiserEnergy2,
  denoiserScore2,
  energyScore2,
  lineIntegralAlong,
  loopArea,
  matrixFromData,
  createRng,
  sampleGrid,
  type Denoiser2,
  type FieldFlow,
  type Domain,
  type Field2,
  type Grid,
  type Matrix,
} from '../../core';
import type { PropValues } from '../../lib/figure/spec';
import type { Edit } from '../../lib/figure/edits';
import type { meta } from './meta';
import { formatNumber } from '../../lib/format';

export type Params = PropValues<typeof meta.props>;
export const DOMAIN: Domain = { x0: -2.5, x1: 2.5, y0: -2.5, y1: 2.5 };
export const ARROWS = 13;
const PIECE = 0.03;
/** Particles per panel in the sampling walk, their Euler step (in units of σ², so α = 0.02 of a denoiser step), steps per update. */
export const PARTICLES = 48;
const FLOW_H = 0.02;
const FLOW_SUB = 8;
/** A particle is at rest once it moves less than this per unit of α; the run stops after FLOW_MAX steps regardless. */
const REST = 1e-3;
export const FLOW_MAX = 3000;
/** A drawn loop keeps at most this many vertices (it is one edit in a link: two numbers a vertex). */
export const MAX_LOOP_POINTS = 120;
/** A drawn loop must enclose at least this area to be walked (a scribble or a line encloses almost none). */
export const MIN_LOOP_AREA = 0.05;

export function placeMemories(k: number, seed: number): Matrix {
  const rng = createRng(seed * 104729 + 3);
  const data = new Float64Array(2 * k);
  const phase = 2 * Math.PI * rng.uniform();
  for (let m = 0; m < k; m++) {
    const a = phase + (2 * Math.PI * m) / k;
    const r = k === 1 ? 0 : 1.3 + 0.3 * rng.uniform();
    data[2 * m] = r * Math.cos(a);
    data[2 * m + 1] = r * Math.sin(a);
  }
  return matrixFromData(k, 2, data);
}

/** A preset loop (counter-clockwise), flat [x0, y0, …]. */
export function presetLoop(kind: string, memories: Matrix): Float64Array {
  const circle = (cx: number, cy: number, r: number) => {
    const out = new Float64Array(2 * 48);
    for (let k = 0; k < 48; k++) {
      out[2 * k] = cx + r * Math.cos((2 * Math.PI * k) / 48);
      out[2 * k + 1] = cy + r * Math.sin((2 * Math.PI * k) / 48);
    }
    return out;
  };
  if (kind === 'memory') return circle(memories.data[0], memories.data[1], 0.45);
  if (kind === 'wide') return Float64Array.from([-1.9, -1.9, 1.9, -1.9, 1.9, 1.9, -1.9, 1.9]);
  // Between the first two training points (or beside the only one).
  const k = memories.rows;
  const mx = k > 1 ? (memories.data[0] + memories.data[2]) / 2 : memories.data[0] + 0.8;
  const my = k > 1 ? (memories.data[1] + memories.data[3]) / 2 : memories.data[1];
  return circle(mx, my, 0.55);
}

/**
 * Two fields from one learned denoiser f_θ: the unconstrained score (f_θ − x)/σ² (left) and −∇E_θ of Eq. 19,
 * i.e. Eq. 20 (right; or its second term only when the Jacobian term is switched off). A walker goes once round
 * the loop accumulating ∮ F·dl for both.
 */
export class ConservativeField {
  net: Denoiser2 = createDenoiser2(placeMemories(1, 1), 1, 0, 1);
  loop: Float64Array = new Float64Array(0);
  drawn: Float64Array | null = null;
  free!: Field2;
  right!: Field2;
  pathPoints: Float64Array = new Float64Array(0);
  cumFree: Float64Array = new Float64Array(0);
  cumRight: Float64Array = new Float64Array(0);
  pos = 0;
  area = 0;
  lattice = new Float64Array(0);
  vFree = new Float64Array(0);
  vRight = new Float64Array(0);
  vJac = new Float64Array(0);
  jacobian = true;
  particles = false;
  starts = new Float64Array(0);
  flowFree: FieldFlow = createFieldFlow([], () => 0);
  flowRight: FieldFlow = createFieldFlow([], () => 0);
  energyAt = (x: number, y: number) => denoiserEnergy2(this.net, x, y);

  /** Always a preset loop: a loop the reader drew is an edit (`applyEdit`), which a restart carries over (`carriedEdits`). */
  reset(p: Params, seed: number): void {
    this.net = createDenoiser2(placeMemories(p.memories, seed), p.sigma, p.eps, seed);
    this.jacobian = p.jacobian;
    const net = this.net;
    this.free = (x, y, o) => denoiserScore2(net, x, y, o);
    this.right = p.jacobian ? (x, y, o) => energyScore2(net, x, y, o) : this.free;
    this.drawn = null;
    this.walkLoop(presetLoop(p.loop, net.memories));
    this.computeArrows();
    this.particles = p.walk === 'particles';
    const rng = createRng(seed * 7 + 11);
    this.starts = Float64Array.from({ length: 2 * PARTICLES }, () => -2.3 + 4.6 * rng.uniform());
    this.flowFree = createFieldFlow(this.starts, this.energyAt);
    this.flowRight = createFieldFlow(this.starts, this.energyAt);
  }

  /** The loop to walk, from its start: the work along it for both fields, piece by piece. */
  private walkLoop(loop: Float64Array): void {
    this.loop = loop;
    this.area = Math.abs(loopArea(loop));
    const a = lineIntegralAlong(this.free, loop, PIECE);
    const b = lineIntegralAlong(this.right, loop, PIECE);
    this.pathPoints = a.points;
    this.cumFree = a.cumulative;
    this.cumRight = b.cumulative;
    this.pos = 0;
  }

  /**
   * The reader's edit (meta.edits): `drawn` is a loop they drew, as x, y pairs. It is kept for "the loop I
   * drew", and walked from its start at once when that is the loop. A loop that cannot be walked (under three
   * vertices, or almost no area: `drawnLoopProblem`) changes nothing.
   */
  applyEdit(e: Edit, p: Params): void {
    if (e.kind !== 'drawn' || drawnLoopProblem(e.args)) return;
    this.drawn = Float64Array.from(e.args);
    if (p.loop === 'drawn') this.walkLoop(this.drawn);
  }

  /** A drawn loop outlives every restart (Reset, a new seed, any prop), as it did before links recorded it. */
  carriedEdits(): Edit[] {
    return this.drawn ? [{ kind: 'drawn', args: Array.from(this.drawn) }] : [];
  }

  computeArrows(): void {
    const n = ARROWS;
    this.lattice = new Float64Array(2 * n * n);
    this.vFree = new Float64Array(2 * n * n);
    this.vRight = new Float64Array(2 * n * n);
    this.vJac = new Float64Array(2 * n * n);
    const o = new Float64Array(2);
    const jt = new Float64Array(2);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const k = j * n + i;
        const x = DOMAIN.x0 + ((i + 0.5) / n) * (DOMAIN.x1 - DOMAIN.x0);
        const y = DOMAIN.y0 + ((j + 0.5) / n) * (DOMAIN.y1 - DOMAIN.y0);
        this.lattice[2 * k] = x;
        this.lattice[2 * k + 1] = y;
        this.free(x, y, o);
        this.vFree[2 * k] = o[0];
        this.vFree[2 * k + 1] = o[1];
        energyScore2(this.net, x, y, o, jt);
        this.vJac[2 * k] = jt[0];
        this.vJac[2 * k + 1] = jt[1];
        this.right(x, y, o);
        this.vRight[2 * k] = o[0];
        this.vRight[2 * k + 1] = o[1];
      }
    }
  }

  /** The walker covers `speed` more pieces of the loop, converged once it is back at the start; or the particles take FLOW_SUB Euler steps on both fields, converged once all rest. */
  step(p: Params): boolean {
    if (this.particles) {
      const h = FLOW_H * this.net.sigma * this.net.sigma;
      fieldFlowSteps(this.flowFree, this.free, this.energyAt, h, FLOW_SUB);
      fieldFlowSteps(this.flowRight, this.right, this.energyAt, h, FLOW_SUB);
      return this.flowDone();
    }
    const last = this.cumFree.length - 1;
    this.pos = Math.min(last, this.pos + p.pieces);
    return this.pos >= last;
  }

  done(): boolean {
    return this.particles ? this.flowDone() : this.pos >= this.cumFree.length - 1;
  }

  private flowDone(): boolean {
    return this.flowFree.steps >= FLOW_MAX || (this.flowSummary(this.flowFree).resting === PARTICLES && this.flowSummary(this.flowRight).resting === PARTICLES);
  }

  /** Of a flow's particles: how many are at rest, at rest where E_θ > 0 (not a fixed point of f_θ), and along whose path E_θ rose. */
  flowSummary(f: FieldFlow): { resting: number; restingAbove: number; rose: number } {
    const s2 = this.net.sigma * this.net.sigma;
    let resting = 0;
    let restingAbove = 0;
    let rose = 0;
    for (let i = 0; i < f.rose.length; i++) {
      const still = f.speed[i] * s2 < REST;
      if (still) resting++;
      if (still && f.energy[i] > 1e-4) restingAbove++;
      rose += f.rose[i];
    }
    return { resting, restingAbove, rose };
  }

  /** Full circulations (for the readout once the walk is done, and for tests). */
  circulations(): { free: number; right: number } {
    return { free: circulation(this.free, this.loop, PIECE), right: circulation(this.right, this.loop, PIECE) };
  }

  curlGrid(res = 64): Grid {
    return sampleGrid((x, y) => curl2(this.free, x, y, 1e-4), DOMAIN, res, res);
  }

  energyGrid(res = 100): Grid {
    return sampleGrid((x, y) => denoiserEnergy2(this.net, x, y), DOMAIN, res, res);
  }

  describe(p: Params): string {
    if (this.particles) return this.describeFlow(p);
    const f = this.cumFree[this.pos];
    const r = this.cumRight[this.pos];
    const walked = this.done() ? 'Round the whole loop' : `${Math.round((100 * this.pos) / (this.cumFree.length - 1))}% of the way round`;
    const rightName = p.jacobian ? '−∇E_θ (Eq. 20)' : 'Eq. 20 without its Jacobian term';
    const fallback = p.loop === 'drawn' && !this.drawn ? 'No loop drawn yet, so the walker takes the circle between points. ' : '';
    return `${fallback}${walked}: work done by the unconstrained score ${formatNumber(f, { decimals: 3 })}; by ${rightName} ${formatNumber(r, { decimals: 3 })}${this.done() ? (Math.abs(r) < 1e-6 ? ' — zero, as for every gradient field' : '') : ''}. Loop area ${this.area.toFixed(2)}.`;
  }

  private describeFlow(p: Params): string {
    const a = this.flowSummary(this.flowFree);
    const b = this.flowSummary(this.flowRight);
    const rightName = p.jacobian ? '−∇E_θ' : 'Eq. 20 without its Jacobian term';
    const part = (name: string, s: typeof a) => `${name}: ${s.resting} of ${PARTICLES} at rest${s.restingAbove ? ` (${s.restingAbove} where E_θ > 0)` : ''}, E_θ rose along ${s.rose} paths`;
    const state = this.done() ? (this.flowFree.steps >= FLOW_MAX ? `Stopped after ${FLOW_MAX} steps` : `All at rest after ${this.flowFree.steps} steps`) : `Step ${this.flowFree.steps}`;
    return `${state}. ${part('Unconstrained score', a)}; ${part(rightName, b)}.`;
  }
}

/** Why a drawn loop (x, y pairs) cannot be walked, or null when it can. */
export function drawnLoopProblem(xy: ArrayLike<number>): string | null {
  if (xy.length < 6) return 'A loop needs at least three points: draw a bigger closed loop.';
  if (Math.abs(loopArea(xy)) < MIN_LOOP_AREA) return 'That loop encloses almost no area: draw a bigger closed loop (it is closed for you when you lift).';
  return null;
}

/**
 * A stroke drawn with a pointer (x, y pairs) as a loop to record: each point clamped to the plane, then only
 * the vertices needed to keep every dropped point within `tol` of the outline (Ramer–Douglas–Peucker), the
 * tolerance widening until at most MAX_LOOP_POINTS remain. A pointer adds a point every 0.06, so a loop of
 * radius 1 comes down from about a hundred vertices to a few dozen, and its link stays short.
 */
export function drawnLoop(stroke: readonly number[], tol = 0.01): number[] {
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const pts = stroke.map((v, i) => (i % 2 ? clamp(v, DOMAIN.y0, DOMAIN.y1) : clamp(v, DOMAIN.x0, DOMAIN.x1)));
  for (;;) {
    const kept = simplifyPolyline(pts, tol);
    if (kept.length / 2 <= MAX_LOOP_POINTS) return kept;
    tol *= 1.5;
  }
}

/** Ramer–Douglas–Peucker on an open polyline (x, y pairs): keeps the ends and every vertex farther than `tol` from the simplified line. Based on Douglas & Peucker (1973). */
function simplifyPolyline(xy: readonly number[], tol: number): number[] {
  const n = xy.length / 2;
  if (n <= 2) return xy.slice();
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const spans: [number, number][] = [[0, n - 1]];
  while (spans.length) {
    const [a, b] = spans.pop()!;
    const ax = xy[2 * a];
    const ay = xy[2 * a + 1];
    const dx = xy[2 * b] - ax;
    const dy = xy[2 * b + 1] - ay;
    const len = Math.hypot(dx, dy);
    let far = -1;
    let farD = tol;
    for (let i = a + 1; i < b; i++) {
      const ex = xy[2 * i] - ax;
      const ey = xy[2 * i + 1] - ay;
      // Distance to the chord, or to its start when the chord has no length (a stroke that came back).
      const d = len > 0 ? Math.abs(ex * dy - ey * dx) / len : Math.hypot(ex, ey);
      if (d > farD) {
        far = i;
        farD = d;
      }
    }
    if (far < 0) continue;
    keep[far] = 1;
    spans.push([a, far], [far, b]);
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(xy[2 * i], xy[2 * i + 1]);
  return out;
}
