import { placeMemories as placeMemoriesFrom } from '../../core/placement';
import {
  createOptimizer, createParticleScratch, createRng, karrasSigmas, lseEnergy, lseGrad, matrixFromData, optimizerGradNorm,
  optimizerStep, pfHeunStepBatch, sampleGrid, smoothedScoreBatch, type Domain, type Grid, type Matrix, type Objective,
  type OptimizerKind, type OptimizerState, type ParticleScratch,
} from '../../core';
import type { PropValues } from '../../lib/figure/spec';
import type { Edit } from '../../lib/figure/edits';
import type { meta } from './meta';
import { formatNumber } from '../../lib/format';

export type Params = PropValues<typeof meta.props>;
export const DOMAIN: Domain = { x0: -3, x1: 3, y0: -3, y1: 3 };
/** Stop when ‖∇E‖ falls below this. */
export const TOL = 1e-3;
/** A method that has not converged after this many steps is stopped and reported as such. */
export const MAX_STEPS = 2000;
export const SIGMA_MAX = 3;
export const SIGMA_MIN = 0.002;

export type MethodId = OptimizerKind | 'diffusion';
export const METHODS: { id: MethodId; name: string; short: string }[] = [
  { id: 'gd', name: 'Gradient descent', short: 'GD' },
  { id: 'momentum', name: 'Momentum (μ = 0.9)', short: 'Momentum' },
  { id: 'adam', name: 'Adam', short: 'Adam' },
  { id: 'lbfgs', name: 'L-BFGS', short: 'L-BFGS' },
  { id: 'diffusion', name: 'Diffusion (PF-ODE, Heun)', short: 'Diffusion' },
];

export function placeMemories(k: number, seed: number): Matrix {
  return matrixFromData(k, 2, placeMemoriesFrom(k, seed, 'optimizer-sampling.memories', { kind: 'ring', r0: 1.4, dr: 0.9, jitter: 0.6 }));
}

export interface Run {
  method: MethodId;
  start: number;
  x: Float64Array;
  path: number[];
  steps: number;
  evals: number;
  done: boolean;
  converged: boolean;
  opt: OptimizerState | null;
}

/** One race: every method from every start on the same energy; the diffusion sampler follows its schedule. */
export class Race {
  memories: Matrix = placeMemories(2, 1);
  starts = new Float64Array(0);
  runs: Run[] = [];
  sigmas: number[] = [];
  scratch: ParticleScratch = createParticleScratch(2);
  objective: Objective = this.makeObjective(4);
  tick = 0;

  makeObjective(beta: number): Objective {
    const mem = () => this.memories;
    return {
      dim: 2,
      energy: (x) => lseEnergy(x, mem(), beta),
      grad: (x, out) => {
        out.set(lseGrad(x, mem(), beta));
        return out;
      },
    };
  }

  /** The seed's memories and starts, and every method at its start. The reader's moved starts are edits (`applyEdit`). */
  reset(p: Params, seed: number): void {
    this.memories = placeMemories(p.memories, seed);
    this.starts = placeStarts(p.starts, seed);
    this.restartRace(p);
  }

  /** Every method starts again from the current starts, on the same energy and schedule. */
  private restartRace(p: Params): void {
    this.objective = this.makeObjective(p.beta);
    this.sigmas = karrasSigmas(p.schedule, SIGMA_MIN, SIGMA_MAX);
    if (this.sigmas[this.sigmas.length - 1] !== 0) this.sigmas.push(0);
    this.runs = [];
    this.tick = 0;
    for (const m of METHODS) {
      for (let s = 0; s < p.starts; s++) {
        const x = Float64Array.from([this.starts[2 * s], this.starts[2 * s + 1]]);
        this.runs.push({
          method: m.id, start: s, x, path: [x[0], x[1]], steps: 0, evals: 0, done: false, converged: false,
          opt: m.id === 'diffusion' ? null : createOptimizer(m.id, 2, { alpha: p.alpha }),
        });
      }
    }
  }

  /** The reader's edits (meta.edits), as the run gives them: a start past the current count is ignored. */
  applyEdit(e: Edit, p: Params): void {
    const [i, x, y] = e.args;
    if (e.kind === 'move' && i < this.starts.length / 2) this.moveStart(i, x, y, p);
  }

  /** Moves start `i` to (x, y) and restarts the race from the starts. */
  moveStart(i: number, x: number, y: number, p: Params): void {
    this.starts[2 * i] = Math.max(DOMAIN.x0, Math.min(DOMAIN.x1, x));
    this.starts[2 * i + 1] = Math.max(DOMAIN.y0, Math.min(DOMAIN.y1, y));
    this.restartRace(p);
  }

  /** One step of every method that has not finished. Returns true when all have. */
  step(): boolean {
    this.tick++;
    let all = true;
    for (const r of this.runs) {
      if (r.done) continue;
      if (r.method === 'diffusion') {
        const i = r.steps;
        pfHeunStepBatch((xs, s, out) => smoothedScoreBatch(xs, this.memories, s, out), r.x, this.sigmas[i], this.sigmas[i + 1], this.scratch);
        r.evals += this.sigmas[i + 1] > 0 ? 2 : 1;
        r.steps++;
        if (r.steps >= this.sigmas.length - 1) {
          r.done = true;
          r.converged = true;
        }
      } else {
        const opt = r.opt!;
        const gn = optimizerStep(opt, r.x, this.objective);
        r.steps = opt.t;
        r.evals = opt.evals;
        // ‖∇E‖ at the new point: one more gradient (not counted as a step).
        const after = optimizerGradNorm(opt);
        const now = r.method === 'lbfgs' ? after : Math.hypot(...this.objective.grad(r.x, new Float64Array(2)));
        if (now < TOL || (gn < TOL && r.steps === 1)) {
          r.done = true;
          r.converged = true;
        } else if (r.steps >= MAX_STEPS || Math.hypot(r.x[0], r.x[1]) > 50) {
          r.done = true;
        }
      }
      r.path.push(r.x[0], r.x[1]);
      if (!r.done) all = false;
    }
    return all;
  }

  /** Per method: mean steps and evaluations over the starts, and how many converged. */
  table(): { id: MethodId; name: string; steps: number; evals: number; converged: number; done: number; total: number; energy: number }[] {
    return METHODS.map((m) => {
      const rs = this.runs.filter((r) => r.method === m.id);
      const n = rs.length || 1;
      return {
        id: m.id,
        name: m.name,
        steps: rs.reduce((a, r) => a + r.steps, 0) / n,
        evals: rs.reduce((a, r) => a + r.evals, 0) / n,
        converged: rs.filter((r) => r.converged).length,
        done: rs.filter((r) => r.done).length,
        total: rs.length,
        energy: rs.reduce((a, r) => a + this.objective.energy(r.x), 0) / n,
      };
    });
  }

  grid(beta: number, res = 120): Grid {
    return sampleGrid((x, y) => lseEnergy([x, y], this.memories, beta), DOMAIN, res, res);
  }

  describe(): string {
    const rows = this.table();
    const parts = rows.map((r) => `${r.name.split(' (')[0]} ${r.done < r.total ? 'running' : r.converged === r.total ? `${formatNumber(r.steps, COUNT_FORMAT)} steps` : `${r.converged} of ${r.total} converged`}`);
    return `${this.starts.length / 2} starts. ${parts.join('; ')}.`;
  }
}

/** `n` starts spread around a circle (seeded angle and radius), so they begin on different slopes: flat [x, y, …]. */
function placeStarts(n: number, seed: number) {
  const rng = createRng(seed * 31 + 5);
  const starts = new Float64Array(2 * n);
  const phase = 2 * Math.PI * rng.uniform();
  for (let i = 0; i < n; i++) {
    const a = phase + (2 * Math.PI * (i + 0.3 * rng.uniform())) / n;
    const r = 0.6 + 1.9 * rng.uniform();
    starts[2 * i] = r * Math.cos(a);
    starts[2 * i + 1] = r * Math.sin(a);
  }
  return starts;
}

/** Step and evaluation counts: whole numbers as they are, means to one decimal. */
export const COUNT_FORMAT = { integers: true, decimals: 1 } as const;
