import { createRng, matrixFromData, symmetricEigenvalues, TinyBrain, type Lagrangian, type Matrix, type TinyBrainEnergy } from '../../core';
import type { PropValues } from '../../lib/figure/spec';
import { TraceBuffer } from '../../lib/draw/trace';
import type { meta } from './meta';

export type Params = PropValues<typeof meta.props>;

/** The longest run (in model time, τ_x = 1) before the figure stops and says it has not settled. */
export const MAX_TIME = 200;
/** Euler substeps per figure step; each is halved while it would raise E (so E provably never rises on screen). */
const SUBSTEPS = 2;

export function lagrangianOf(kind: string, beta: number): Lagrangian {
  return kind === 'softmax' ? { kind: 'softmax', beta } : kind === 'tanh' ? { kind: 'tanh' } : { kind: 'identity' };
}

/** Stored ±1 patterns (rows), drawn from the seed. */
export function patternsOf(nh: number, nx: number, seed: number): Int8Array {
  const rng = createRng(seed * 4099 + 11);
  const p = new Int8Array(nh * nx);
  for (let i = 0; i < p.length; i++) p[i] = rng.uniform() < 0.5 ? -1 : 1;
  return p;
}

/** The largest singular value of ξ (square root of the top eigenvalue of ξξᵀ). */
export function sigmaMax(xi: Matrix): number {
  const { rows: r, cols: c, data } = xi;
  const g = new Float64Array(r * r);
  for (let a = 0; a < r; a++)
    for (let b = 0; b < r; b++) {
      let s = 0;
      for (let i = 0; i < c; i++) s += data[a * c + i] * data[b * c + i];
      g[a * r + b] = s;
    }
  const ev = symmetricEigenvalues(matrixFromData(r, r, g));
  return Math.sqrt(Math.max(0, ev[r - 1]));
}

/** The figure's state: the core TinyBrain plus energy traces. */
export class TinyBrainRun {
  brain: TinyBrain | null = null;
  /** Why the current inputs cannot run (repeated by the painter so the message stays up), or null. */
  error: string | null = null;
  patterns: Int8Array = new Int8Array(0);
  instant = false;
  t = 0;
  dt = 0.02;
  lastV = Infinity;
  rises = 0;
  e: TinyBrainEnergy = { ex: 0, eh: 0, esyn: 0, total: 0 };
  traces = { ex: new TraceBuffer(), eh: new TraceBuffer(), esyn: new TraceBuffer(), total: new TraceBuffer() };
  private saveX = new Float64Array(0);
  private saveH = new Float64Array(0);

  reset(p: Params, seed: number): void {
    const { nx, nh } = p;
    this.patterns = patternsOf(nh, nx, seed);
    const scale = p.strength / Math.sqrt(nx);
    const data = new Float64Array(nh * nx);
    for (let i = 0; i < data.length; i++) data[i] = scale * this.patterns[i];
    const xi = matrixFromData(nh, nx, data);
    const lx = lagrangianOf(p.lx, p.beta);
    const lh = lagrangianOf(p.lh, p.beta);
    if (lx.kind === 'identity' && lh.kind === 'identity') {
      const s = sigmaMax(xi);
      if (s >= 1) {
        this.brain = null;
        this.error = `With both layers linear, E = ½‖x‖² + ½‖h‖² − hᵀξx has no bottom when ξ's largest singular value exceeds 1 (here ${s.toFixed(2)}): x and h would grow without limit. Lower s below ${(p.strength / s).toFixed(2)} or give a layer a saturating Lagrangian (tanh or softmax).`;
        throw new Error(this.error);
      }
    }
    this.error = null;
    this.brain = new TinyBrain({ xi, lx, lh, tauX: 1, tauH: p.tauH });
    this.instant = p.instant;
    const rng = createRng(seed * 31 + 7);
    const x0 = new Float64Array(nx);
    for (let i = 0; i < nx; i++) x0[i] = (rng.uniform() < p.noise ? -1 : 1) * this.patterns[i];
    this.brain.setState(x0, new Float64Array(nh));
    this.saveX = new Float64Array(nx);
    this.saveH = new Float64Array(nh);
    this.t = 0;
    this.rises = 0;
    this.lastV = Infinity;
    this.dt = 0.1 * Math.min(1, p.instant ? 1 : p.tauH);
    for (const tr of Object.values(this.traces)) tr.clear();
    this.record();
  }

  private energyNow(): number {
    const b = this.brain!;
    return this.instant ? b.reducedEnergy() : b.energy();
  }

  private record(): void {
    const b = this.brain!;
    if (this.instant) b.reducedEnergy(); // slaves h = ξg(x) so the parts below add up to the reduced energy
    this.e = b.energies();
    this.traces.ex.push(this.t, this.e.ex);
    this.traces.eh.push(this.t, this.e.eh);
    this.traces.esyn.push(this.t, this.e.esyn);
    this.traces.total.push(this.t, this.e.total);
  }

  /**
   * Advances the dynamics (survey Eq. 16, or its τ_h → 0 reduction, Eq. 18) by SUBSTEPS Euler steps. A step
   * that would raise E is undone and retried at half the size, so the plotted total never rises.
   */
  step(): boolean {
    const b = this.brain;
    if (!b) return true;
    for (let k = 0; k < SUBSTEPS; k++) {
      const before = this.energyNow();
      this.saveX.set(b.x);
      this.saveH.set(b.h);
      let v = 0;
      for (let tries = 0; tries < 12; tries++) {
        v = this.instant ? b.stepReduced(this.dt) : b.step(this.dt);
        const after = this.energyNow();
        if (after <= before + 1e-12 * Math.max(1, Math.abs(before))) break;
        b.x.set(this.saveX);
        b.h.set(this.saveH);
        this.dt /= 2;
        if (tries === 11) this.rises++;
      }
      this.t += this.dt;
      this.lastV = v;
    }
    this.record();
    return this.lastV < 1e-4 || this.t >= MAX_TIME;
  }

  /** Which stored pattern the feature signs agree with most, and on how many neurons. */
  overlap(): { best: number; agree: number } {
    const b = this.brain;
    if (!b) return { best: 0, agree: 0 };
    let best = 0;
    let bestAgree = -1;
    for (let m = 0; m < b.nh; m++) {
      let a = 0;
      for (let i = 0; i < b.nx; i++) if (Math.sign(b.g[i]) === this.patterns[m * b.nx + i]) a++;
      if (a > bestAgree) {
        bestAgree = a;
        best = m;
      }
    }
    return { best, agree: bestAgree };
  }

  describe(p: Params): string {
    const b = this.brain;
    if (!b) return 'Not running: see the message above.';
    const { best, agree } = this.overlap();
    let gMax = 0;
    for (const v of b.g) gMax = Math.max(gMax, Math.abs(v));
    const f = (v: number) => (Math.abs(v) < 5e-3 ? '0.00' : v.toFixed(2));
    const settled = this.lastV < 1e-4;
    const mode = p.instant ? (p.lh === 'identity' ? 'classical Hopfield (τ_h → 0, linear memory neurons)' : `τ_h → 0 with ${p.lh} memory neurons`) : 'both layers dynamic';
    return `${mode}; t = ${this.t.toFixed(2)}: E = ${f(this.e.total)} ${settled ? 'and settled' : 'and falling'} (E_x = ${f(this.e.ex)}, E_h = ${f(this.e.eh)}, E_syn = ${f(this.e.esyn)}); ${gMax < 1e-3 ? 'every activation has decayed to zero, the only fixed point a linear network has' : `feature signs match pattern ${best + 1} on ${agree} of ${b.nx} neurons`}${this.rises ? `; E could not be kept from rising ${this.rises} times` : ''}.`;
  }
}
