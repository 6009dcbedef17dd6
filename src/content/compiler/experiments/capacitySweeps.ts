import { readFileSync } from 'node:fs';
import { crossing, type CapacitySpec, type MemoryKind } from '../../../lib/capacity/spec';
import type { SweepCurve } from './capacitySweep';

/*
 * The sweeps chapter 4 quotes. The first two are exactly the capacity figure at its defaults (seed 1) at N = 100
 * and N = 400; the others sample finer K grids, or more pattern sets, than the figure can afford live.
 */

export const CAPACITY_SWEEP_FILE = new URL('./capacity-sweep.json', import.meta.url);

/** The figure's defaults: 10% of the bits flipped, 3 pattern sets per K (24 for classical), 4 probes each, success at overlap ≥ 0.95. */
const FIGURE: Omit<CapacitySpec, 'N'> = { corruption: 0.1, trials: 3, probes: 4, minOverlap: 0.95, seed: 1 };
/** A finer grid for the cubic memory around where it gives way at N = 100. */
const CUBIC_KS = [100, 150, 200, 250, 300, 400, 500, 600, 700, 800, 1000];
/** Geometric grid for the small-N quartic and exponential sweeps. */
const geometric = (from: number, to: number, n: number) => [...new Set(Array.from({ length: n + 1 }, (_, i) => Math.round(from * Math.pow(to / from, i / n))))];

export interface SweepDef {
  name: string;
  kind: MemoryKind;
  spec: CapacitySpec;
  Ks?: number[];
}

export const CAPACITY_SWEEPS: SweepDef[] = [
  { name: 'classical100', kind: 'classical', spec: { ...FIGURE, N: 100 } },
  { name: 'classical400', kind: 'classical', spec: { ...FIGURE, N: 400 } },
  { name: 'classical1000', kind: 'classical', spec: { ...FIGURE, trials: 1, N: 1000 } },
  { name: 'poly4N100', kind: 'poly4', spec: { ...FIGURE, N: 100 } },
  { name: 'expN100', kind: 'exp', spec: { ...FIGURE, N: 100 } },
  { name: 'cubic100', kind: 'poly3', spec: { ...FIGURE, trials: 25, N: 100 }, Ks: CUBIC_KS },
  { name: 'cubic100exact', kind: 'poly3', spec: { ...FIGURE, trials: 25, minOverlap: 1, N: 100 }, Ks: CUBIC_KS },
  { name: 'quartic30', kind: 'poly4', spec: { ...FIGURE, trials: 25, N: 30 }, Ks: geometric(50, 800, 16) },
  ...[1, 2, 3, 4, 5].map((seed) => ({ name: `exp16seed${seed}`, kind: 'exp' as const, spec: { ...FIGURE, trials: 25, seed, N: 16 }, Ks: geometric(50, 800, 16) })),
];

/** The curves of capacity-sweep.json, by name. */
export function readCapacitySweeps(): Map<string, SweepCurve> {
  const file = JSON.parse(readFileSync(CAPACITY_SWEEP_FILE, 'utf8')) as { curves: SweepCurve[] };
  return new Map(file.curves.map((c) => [c.name, c]));
}

/**
 * Chapter 4's capacity numbers from capacity-sweep.json: where each curve falls through 90% and 50% (linear in K
 * for the classical grids, in log K for the dense ones, as the figure's table reads them), and the cubic
 * memory's recall at the loads the prose names.
 */
export function capacitySweep(): Record<string, number> {
  const curves = readCapacitySweeps();
  const get = (name: string) => {
    const c = curves.get(name);
    if (!c) throw new Error(`capacity-sweep.json has no curve "${name}"; re-run precomputeCapacity.ts`);
    return c;
  };
  const cross = (name: string, level: number) => {
    const c = get(name);
    const k = crossing(c.points, level, c.kind !== 'classical');
    if (k === null) throw new Error(`${name} never falls below ${level}`);
    return k;
  };
  const rateAt = (name: string, K: number) => {
    const p = get(name).points.find((q) => q.K === K);
    if (!p) throw new Error(`${name} has no point at K = ${K}`);
    return 100 * p.recallRate;
  };
  const out: Record<string, number> = {};
  for (const N of [100, 400, 1000]) {
    out[`classical${N}Ninety`] = cross(`classical${N}`, 0.9);
    out[`classical${N}Half`] = cross(`classical${N}`, 0.5);
    out[`classical${N}NinetyRatio`] = out[`classical${N}Ninety`] / N;
    out[`classical${N}HalfRatio`] = out[`classical${N}Half`] / N;
  }
  const probes = (name: string) => get(name).points.at(-1)!.probes;
  out.classical100Probes = probes('classical100');
  out.classical1000Probes = probes('classical1000');
  const exact = get('cubic100exact').points;
  const firstMiss = exact.findIndex((p) => p.recallRate < 1);
  out.cubicAllExactUpTo = firstMiss > 0 ? exact[firstMiss - 1].K : NaN;
  out.cubicExactAt200Percent = rateAt('cubic100exact', 200);
  out.cubicExactAt500Percent = rateAt('cubic100exact', 500);
  out.cubicWithinAt500Percent = rateAt('cubic100', 500);
  out.cubicHalf = cross('cubic100', 0.5);
  out.cubicProbes = probes('cubic100');
  out.denseMinPercentN100 = Math.min(...['poly4N100', 'expN100'].flatMap((n) => get(n).points.map((p) => 100 * p.recallRate)));
  out.denseLargestK = Math.max(...get('expN100').points.map((p) => p.K));
  out.quartic30Half = cross('quartic30', 0.5);
  out.quartic30HalfRatio = out.quartic30Half / 30;
  const exp16 = [...curves.values()].filter((c) => /^exp16seed/.test(c.name)).map((c) => cross(c.name, 0.5));
  out.exp16Seeds = exp16.length;
  out.exp16HalfMin = Math.min(...exp16);
  out.exp16HalfMax = Math.max(...exp16);
  return out;
}
