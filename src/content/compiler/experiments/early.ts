import { defaultProps } from '../../../lib/figure/spec';
import { meta as alMeta } from '../../../figures/annealed-langevin/meta';
import { AnnealedLangevin } from '../../../figures/annealed-langevin/sim';
import { meta as asMeta } from '../../../figures/attention-step/meta';
import { AttentionRun } from '../../../figures/attention-step/sim';
import { meta as dsmMeta } from '../../../figures/denoising-score-matching/meta';
import { Dsm } from '../../../figures/denoising-score-matching/sim';
import { meta as elMeta } from '../../../figures/energy-landscape/meta';
import { Descent } from '../../../figures/energy-landscape/sim';
import { meta as hMeta } from '../../../figures/hierarchy/meta';
import { HierarchyRun, WINDOWS } from '../../../figures/hierarchy/sim';
import { meta as svoMeta } from '../../../figures/sde-vs-ode/meta';
import { SdeVsOde } from '../../../figures/sde-vs-ode/sim';
import { meta as tbMeta } from '../../../figures/tinybrain/meta';
import { TinyBrainRun } from '../../../figures/tinybrain/sim';

/*
 * Chapters 2 to 4: experiments that run a figure's own simulation at its declared defaults, so the numbers the
 * prose quotes are the ones the figure shows.
 */

/** Chapter 3's denoising score matching (seed 1): the relative gap after the first batch and at the end of the budget. */
export function dsm(): Record<string, number> {
  const p = defaultProps(dsmMeta);
  const m = new Dsm();
  m.reset(p, 1);
  m.step(p);
  const firstPercent = 100 * m.error;
  const firstSamples = m.drawn;
  while (!m.step(p));
  return { firstSamples, firstPercent, lastSamples: m.drawn, lastPercent: 100 * m.error };
}

/** Chapter 3's annealed Langevin figure at its defaults: the heavy cluster's share, annealed (range over seeds 1–3) and single-level. */
export function annealedLangevin(): Record<string, number> {
  const p = defaultProps(alMeta);
  const annealed: number[] = [];
  const single: number[] = [];
  for (const seed of [1, 2, 3]) {
    const m = new AnnealedLangevin();
    m.reset(p, seed);
    while (!m.step(p));
    annealed.push(100 * m.fracAnnealed[0]);
    single.push(100 * m.fracSingle[0]);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { annealedMin: Math.min(...annealed), annealedMax: Math.max(...annealed), singleMean: mean(single), truePercent: 100 * p.weight };
}

/** Chapter 3's ODE round trip (defaults, seed 1): the largest return error over ten seeded data points. */
export function sdeVsOde(): Record<string, number> {
  const p = defaultProps(svoMeta);
  const m = new SdeVsOde();
  m.reset(p, 1);
  let worst = 0;
  for (let k = 0; k < 10; k++) worst = Math.max(worst, m.roundTripRandom().error);
  return { roundTripError: worst, steps: p.steps };
}

/** Chapter 4's attention step (defaults): the query picture's attention weight at β = 6 and at β = 20. */
export function attentionStep(): Record<string, number> {
  const weight = (beta: number) => {
    const p = { ...defaultProps(asMeta), beta };
    const m = new AttentionRun();
    m.reset(p, 1);
    return m.weights[m.queryIndex];
  };
  return { weightAt6: weight(6), weightAt20: weight(20) };
}

/** Chapter 4's aside: the weights of a 32 × 32 Hopfield network, and the bytes a 64 × 64 one's W would take in doubles. */
export function hopfieldSizes(): Record<string, number> {
  const n = 32 * 32;
  const big = 64 * 64;
  return { weights1024: (n * (n - 1)) / 2, megabytes4096: (big * big * 8) / 1e6 };
}

/** Chapter 4's TinyBrain under its "Classical Hopfield" preset (seed 1): how many feature signs end away from the best-matching pattern. */
export function tinybrainClassical(): Record<string, number> {
  const p = { ...defaultProps(tbMeta), instant: true, lx: 'tanh' as const, lh: 'identity' as const };
  const m = new TinyBrainRun();
  m.reset(p, 1);
  while (!m.step());
  return { bitsAway: p.nx - m.overlap().agree, neurons: p.nx, patterns: p.nh };
}

/** Distinct points among n 2-D positions (flat), two being the same when closer than `tol`. */
function distinctPoints(xs: Float64Array, tol: number): number[][] {
  const found: number[][] = [];
  for (let i = 0; i < xs.length / 2; i++) {
    const x = xs[2 * i];
    const y = xs[2 * i + 1];
    if (!found.some(([a, b]) => Math.hypot(a - x, b - y) < tol)) found.push([x, y]);
  }
  return found;
}

/** Chapter 2's energy landscape (seed 1): where the particles rest at the default β, and at a small β where the valleys merge. */
export function energyLandscape(): Record<string, number> {
  const run = (beta: number) => {
    const p = { ...defaultProps(elMeta), beta };
    const m = new Descent();
    m.reset(p, 1);
    let steps = 1;
    while (!m.step(p)) steps++;
    const rest = distinctPoints(m.xs, 0.01);
    const mem = m.memories.data;
    const nearest = rest.map(([x, y]) => Math.min(...Array.from({ length: m.memories.rows }, (_, k) => Math.hypot(x - mem[2 * k], y - mem[2 * k + 1]))));
    return { steps, restPoints: rest.length, farthestFromMemory: Math.max(...nearest), particles: p.particles };
  };
  const at = run(defaultProps(elMeta).beta);
  const flat = run(0.2);
  const sharp = run(20);
  return {
    particles: at.particles, memories: defaultProps(elMeta).memories, steps: at.steps, restPoints: at.restPoints, restOffMemory: at.farthestFromMemory,
    flatBeta: 0.2, flatRestPoints: flat.restPoints, sharpBeta: 20, sharpRestPoints: sharp.restPoints, sharpOffMemory: sharp.farthestFromMemory,
  };
}

/** Chapter 4's hierarchy with learned synapses (defaults otherwise): seeds 1–12 cover every pattern with every hidden window; how many settle on the right memory with every feature right. */
export function hierarchyLearned(): Record<string, number> {
  const p = { ...defaultProps(hMeta), synapses: 'trained' as const };
  let complete = 0;
  let rises = 0;
  let activation1 = NaN;
  const seeds = 4 * WINDOWS;
  for (let seed = 1; seed <= seeds; seed++) {
    const m = new HierarchyRun();
    m.reset(p, seed);
    while (!m.step());
    const r = m.recall()!;
    if (r.memory === m.probe!.pattern && r.match === m.probe!.patterns.cols) complete++;
    rises += m.rises;
    if (seed === 1) activation1 = r.weight;
  }
  return { seeds, complete, rises, activation1 };
}
