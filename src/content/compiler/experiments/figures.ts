import { defaultProps } from '../../../lib/figure/spec';
import { meta as acMeta } from '../../../figures/any-corruption/meta';
import { AnyCorruption, bestMatch } from '../../../figures/any-corruption/sim';
import { meta as cfMeta } from '../../../figures/conservative-field/meta';
import { ConservativeField, PARTICLES } from '../../../figures/conservative-field/sim';
import { meta as etMeta } from '../../../figures/energy-transformer/meta';
import { Block } from '../../../figures/energy-transformer/sim';
import { meta as fpMeta } from '../../../figures/fixed-points/meta';
import { FixedPoints } from '../../../figures/fixed-points/sim';
import { meta as osMeta } from '../../../figures/optimizer-sampling/meta';
import { Race } from '../../../figures/optimizer-sampling/sim';
import { meta as sbsMeta } from '../../../figures/side-by-side/meta';
import { SideBySide } from '../../../figures/side-by-side/sim';

/*
 * Experiments that run a figure's own simulation at its declared defaults (meta.ts), so the numbers the prose
 * quotes are the numbers the figure shows at seed 1. Each runs in a few milliseconds to a few hundred.
 */

/** Steps `step` until it reports convergence or `max` steps have passed; returns the steps taken. */
function runToEnd(step: () => boolean, max = 20000): number {
  for (let i = 1; i <= max; i++) if (step()) return i;
  throw new Error(`did not converge within ${max} steps`);
}

/** Chapter 8's race: mean steps and evaluations per method over the default starts (seed 1). */
export function optimizers(): Record<string, number> {
  const p = defaultProps(osMeta);
  const race = new Race();
  race.reset(p, 1);
  runToEnd(() => race.step());
  const out: Record<string, number> = {};
  for (const row of race.table()) {
    if (row.converged !== row.total) throw new Error(`${row.name}: only ${row.converged} of ${row.total} starts converged`);
    out[`${row.id}Steps`] = row.steps;
    out[`${row.id}Evals`] = row.evals;
  }
  return out;
}

/** Chapter 8's Energy Transformer block at its defaults (seed 1), run until the tokens settle. */
export function energyTransformer(): Record<string, number> {
  const p = defaultProps(etMeta);
  const block = new Block();
  block.reset(p, 1);
  const steps = runToEnd(() => block.step(p), 4000);
  if (block.lastMove >= 1e-4) throw new Error('the tokens did not settle');
  const first = block.history[0];
  const last = block.history[block.history.length - 1];
  return {
    steps,
    total0: first.total, total1: last.total,
    attention0: first.attention, attention1: last.attention,
    memory0: first.memory, memory1: last.memory,
  };
}

/** Percentage of starts on which memory and diffusion end at the same memory, over 1,000 starts and seeds 1–3. */
function sideBySideAgreement(over: Partial<ReturnType<typeof defaultProps<typeof sbsMeta.props>>>): number {
  const p = { ...defaultProps(sbsMeta), ...over, particles: 1000 };
  let same = 0;
  for (const seed of [1, 2, 3]) {
    const m = new SideBySide();
    m.reset(p, seed);
    runToEnd(() => m.step(p));
    same += m.agreement().same;
  }
  return (100 * same) / (3 * p.particles);
}

/** Chapter 5's side-by-side figure: agreement at the defaults, at σ(0) = 0.5 and at EDM's σ(0) = 80. */
export function sideBySide(): Record<string, number> {
  return { agreePercent: sideBySideAgreement({}), agreeSmallPercent: sideBySideAgreement({ sigmaMax: 0.5 }), agreeEdmPercent: sideBySideAgreement({ sigmaMax: 80 }) };
}

/** Chapter 5's fixed-points figure (seed 1): samples on a training point, and repairs that return home. */
export function fixedPoints(): Record<string, number> {
  const run = (over: Partial<ReturnType<typeof defaultProps<typeof fpMeta.props>>>) => {
    const p = { ...defaultProps(fpMeta), ...over };
    const m = new FixedPoints();
    m.reset(p, 1);
    runToEnd(() => m.step(p));
    return { ...m.stats(), n: p.particles };
  };
  const sample = run({});
  const far = run({ experiment: 'restart', sigmaStart: 3 });
  const near = run({ experiment: 'restart', sigmaStart: 0.3 });
  return {
    particles: sample.n,
    samplesOn: sample.dmOn,
    repairFarPercent: (100 * far.dmHome) / far.n,
    repairNearPercent: (100 * near.dmHome) / near.n,
    repairNearMemoryPercent: (100 * near.amHome) / near.n,
  };
}

/** Chapter 5's any-corruption figure at strength 0.5 (seed 1): the one-step denoiser's overlap on the pixelated copy. */
export function anyCorruption(): Record<string, number> {
  const p = { ...defaultProps(acMeta), strength: 0.5 };
  const m = new AnyCorruption();
  m.reset(p, 1);
  runToEnd(() => m.step(p));
  const row = m.rows.find((r) => r.kind === 'pixelate')!;
  const one = bestMatch(m.memories, row.oneStep);
  const am = bestMatch(m.memories, row.x);
  return { pixelateOneStepOverlap: one.overlap, pixelateOneStepRecalled: Number(m.recalled(one)), pixelateDescentRecalled: Number(m.recalled(am)) };
}

/** Chapter 5's conservative-field figure with walk = particles (defaults otherwise, seed 1): how the particles fare on each side. */
export function conservativeParticles(): Record<string, number> {
  const p = { ...defaultProps(cfMeta), walk: 'particles' as const };
  const m = new ConservativeField();
  m.reset(p, 1);
  runToEnd(() => m.step(p));
  const free = m.flowSummary(m.flowFree);
  const right = m.flowSummary(m.flowRight);
  return {
    particles: PARTICLES, steps: m.flowFree.steps, freeResting: free.resting, freeRose: free.rose,
    rightResting: right.resting, rightRose: right.rose, rightRestingAbove: right.restingAbove, rightMoving: PARTICLES - right.resting,
  };
}
