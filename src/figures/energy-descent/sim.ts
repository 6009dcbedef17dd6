import {
  createFlowScratch,
  descentStep,
  gradientFlow,
  lseEnergy,
  lseGradBatch,
  lseHessian,
  matrixFromRows,
  quadraticEnergy,
  quadraticGrad,
  sampleGrid,
  symmetricEigenvalues,
  type Domain,
  type GradientFn,
  type Grid,
} from '../../core';
import type { PropValues } from '../../lib/figure/spec';
import { TraceBuffer } from '../../lib/draw/trace';
import type { meta } from './meta';
import { formatNumber } from '../../lib/format';

export type Params = PropValues<typeof meta.props>;
export const DOMAIN: Domain = { x0: -3, x1: 3, y0: -3, y1: 3 };
/** Figure 1's two memories: one top right, one bottom left. */
export const MEMORIES = matrixFromRows([
  [1.3, 1.1],
  [-1.3, -1.1],
]);
/** Past this distance the discrete run is declared divergent and stopped (long before floats overflow). */
export const ESCAPE = 1000;
/** The longest run; a step exactly at the stability edge oscillates for ever and is stopped here. */
export const MAX_STEPS = 3000;
/** …and the most animation ticks (slices of the flow) a run may take. */
export const MAX_TICKS = 20000;

export interface Energy {
  E: (x: Float64Array) => number;
  grad: GradientFn;
  /** The largest Hessian eigenvalue anywhere (an upper bound): α < 2/λ_sup guarantees descent. */
  lambdaSup: number;
  /** The largest Hessian eigenvalue at x. */
  lambdaAt: (x: Float64Array) => number;
}

export function energyOf(p: Params): Energy {
  if (p.energy === 'valley') {
    const lam = [1, p.kappa];
    return {
      E: (x) => quadraticEnergy(x, lam),
      grad: (x, out) => void quadraticGrad(x, lam, out),
      lambdaSup: p.kappa,
      lambdaAt: () => p.kappa,
    };
  }
  const beta = p.beta;
  return {
    E: (x) => lseEnergy(x, MEMORIES, beta),
    grad: (x, out) => void lseGradBatch(x, MEMORIES, beta, out),
    lambdaSup: 1,
    lambdaAt: (x) => symmetricEigenvalues(lseHessian(x, MEMORIES, beta))[1],
  };
}

/**
 * Two runs from the same start x⁰: the continuous flow (Eq. 10, integrated finely) and the discrete update
 * (Eq. 11). One step of the figure advances both by the same span of time Δt = ατ, so their clocks agree.
 */
export class DescentPair {
  xc = new Float64Array(2);
  xd = new Float64Array(2);
  /** The two trajectories in the plane, stored as (x₁, x₂) pairs. */
  pathC = new TraceBuffer();
  pathD = new TraceBuffer();
  traceC = new TraceBuffer();
  traceD = new TraceBuffer();
  t = 0;
  /** Discrete steps taken. */
  steps = 0;
  /** Animation ticks (slices of the flow) taken. */
  ticks = 0;
  gradC = Infinity;
  gradD = Infinity;
  diverged = false;
  divergedAt = -1;
  /** The first discrete step at which E rose, or −1. */
  firstRise = -1;
  rises = 0;
  startE = 0;
  private scratch = new Float64Array(2);
  private flow = createFlowScratch(2);
  private energy: Energy | null = null;

  reset(p: Params): void {
    this.energy = energyOf(p);
    this.xc[0] = this.xd[0] = p.x0;
    this.xc[1] = this.xd[1] = p.y0;
    this.t = 0;
    this.steps = 0;
    this.ticks = 0;
    this.diverged = false;
    this.divergedAt = -1;
    this.firstRise = -1;
    this.rises = 0;
    for (const b of [this.pathC, this.pathD, this.traceC, this.traceD]) b.clear();
    this.pathC.push(p.x0, p.y0);
    this.pathD.push(p.x0, p.y0);
    const e = this.energy.E(this.xc);
    this.startE = e;
    this.traceC.push(0, e);
    this.traceD.push(0, e);
    this.gradC = this.gradD = this.gradNorm(this.xc);
  }

  private gradNorm(x: Float64Array): number {
    this.energy!.grad(x, this.scratch);
    return Math.hypot(this.scratch[0], this.scratch[1]);
  }

  /** How many animation ticks one discrete step spans: the flow is drawn in slices of at most 0.05τ. */
  static ticksPerStep(p: Params): number {
    return Math.max(1, Math.ceil(p.alpha / 0.05 - 1e-9));
  }

  /**
   * One tick: the continuous flow advances by Δt/k (Δt = ατ, k = ticksPerStep), and every k-th tick the
   * discrete run takes one step x ← x − α∇E(x), so both clocks agree at every discrete step.
   * Returns true once both runs have settled (or the discrete one escaped, or MAX_STEPS steps have run).
   */
  step(p: Params): boolean {
    const en = this.energy ?? energyOf(p);
    const k = DescentPair.ticksPerStep(p);
    const h = (p.alpha * p.tau) / k;
    const maxSub = Math.min(0.05, 0.2 / en.lambdaSup);
    gradientFlow(this.xc, en.grad, p.tau, h, maxSub, this.flow);
    this.ticks++;
    this.t = (this.ticks * p.alpha * p.tau) / k;
    this.gradC = this.gradNorm(this.xc);
    // Once the flow has all but settled, one point per discrete step is enough (long runs stay cheap to draw).
    const boundary = this.ticks % k === 0;
    if (this.gradC > 1e-4 || boundary) this.traceC.push(this.t, en.E(this.xc));
    this.pushPath(this.pathC, this.xc);
    if (!boundary) return false;
    this.steps++;
    if (!this.diverged) {
      const before = this.traceD.lastValue();
      descentStep(this.xd, en.grad, p.alpha, this.scratch);
      if (Math.hypot(this.xd[0], this.xd[1]) > ESCAPE || !Number.isFinite(this.xd[0] + this.xd[1])) {
        this.diverged = true;
        this.divergedAt = this.steps;
        this.traceD.push(this.t, NaN);
      } else {
        const e = en.E(this.xd);
        if (e > before + 1e-12 * Math.max(1, Math.abs(before))) {
          this.rises++;
          if (this.firstRise < 0) this.firstRise = this.steps;
        }
        this.traceD.push(this.t, e);
        this.pushPath(this.pathD, this.xd);
        this.gradD = this.gradNorm(this.xd);
      }
    }
    const settledC = this.gradC < 1e-5;
    const settledD = this.diverged || this.gradD < 1e-5;
    return (settledC && settledD) || this.steps >= MAX_STEPS || this.ticks >= MAX_TICKS;
  }

  /** Appends x to a path unless it has barely moved since the last point (a path is drawn, not analysed). */
  private pushPath(path: TraceBuffer, x: Float64Array): void {
    const i = 2 * (path.n - 1);
    if (path.n && Math.abs(path.data[i] - x[0]) < 2e-3 && Math.abs(path.data[i + 1] - x[1]) < 2e-3) return;
    path.push(x[0], x[1]);
  }

  grid(p: Params, res = 110): Grid {
    const en = energyOf(p);
    const pt = new Float64Array(2);
    return sampleGrid(
      (x, y) => {
        pt[0] = x;
        pt[1] = y;
        return en.E(pt);
      },
      DOMAIN,
      res,
      res,
    );
  }

  /** The reader-facing verdict on the step size: safe, overshooting, or unstable, and why. */
  verdict(p: Params): { level: 'ok' | 'warn' | 'bad'; text: string } {
    const en = this.energy ?? energyOf(p);
    const lamHere = this.diverged ? en.lambdaSup : en.lambdaAt(this.xd);
    const lam = p.energy === 'valley' ? en.lambdaSup : Math.max(lamHere, 1e-9);
    const limit = 2 / en.lambdaSup;
    const f = (v: number) => v.toFixed(2);
    const factor = Math.abs(1 - p.alpha * lam);
    if (this.diverged) {
      return {
        level: 'bad',
        text: `The discrete run escaped (‖x‖ > ${ESCAPE}) after ${this.divergedAt} steps and was stopped. α = ${f(p.alpha)} is past 2/λ_max = ${f(limit)}: along the stiffest direction each step multiplies the distance to the valley floor by |1 − αλ_max| = ${f(Math.abs(1 - p.alpha * en.lambdaSup))} > 1, so every step overshoots by more than it corrects and E rises. The continuous flow cannot overshoot: it settles whatever τ is.`,
      };
    }
    if (this.firstRise >= 0) {
      return {
        level: 'bad',
        text: `E rose at step ${this.firstRise} (${this.rises} rise${this.rises === 1 ? '' : 's'} so far). With α = ${f(p.alpha)} > 2/λ_max = ${f(limit)} a step can jump across the valley to a point higher than where it started; here the curvature is λ = ${f(lamHere)}, so each swing is scaled by |1 − αλ| = ${f(factor)}.`,
      };
    }
    if (p.alpha > limit) {
      return {
        level: 'warn',
        text: `α = ${f(p.alpha)} is past the guaranteed range α < 2/λ_max = ${f(limit)}. So far E has not risen: the curvature where x is now, λ = ${f(lamHere)}, is gentler than the worst case (|1 − αλ| = ${f(factor)}).`,
      };
    }
    if (p.alpha * lam > 1) {
      return {
        level: 'warn',
        text: `α = ${f(p.alpha)} is above 1/λ_max = ${f(1 / en.lambdaSup)}: each step overshoots the valley floor and the discrete x zig-zags, but every swing shrinks (|1 − αλ| = ${f(factor)} < 1), so E still falls. Past α = ${f(limit)} it would not.`,
      };
    }
    return { level: 'ok', text: `α = ${f(p.alpha)} is inside the stable range α < 2/λ_max = ${f(limit)}: every discrete step lowers E, just as the continuous flow does.` };
  }

  describe(p: Params): string {
    const eC = this.traceC.lastValue();
    const eD = this.traceD.lastValue();
    const fmt = (v: number) => formatNumber(v, { decimals: 3 });
    const d = this.diverged ? 'discrete run diverged' : this.gradD < 1e-5 ? `discrete settled, E = ${fmt(eD)}` : `discrete E = ${fmt(eD)}`;
    const c = this.gradC < 1e-5 ? `continuous settled, E = ${fmt(eC)}` : `continuous E = ${fmt(eC)}`;
    const capped = (this.steps >= MAX_STEPS || this.ticks >= MAX_TICKS) && !(this.gradC < 1e-5 && (this.diverged || this.gradD < 1e-5)) ? `; stopped after ${this.steps} steps without settling` : '';
    const pl = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    return `t = ${this.t.toFixed(2)} (${pl(this.steps, 'step')} of α = ${p.alpha}): ${c}; ${d}${this.rises ? `; discrete E rose ${pl(this.rises, 'time')}` : '; E never rose'}${capped}.`;
  }
}
