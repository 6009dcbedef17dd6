import { runCapacity } from '../../../core';
import { capacityGrid, CLASSICAL_TRIALS_FACTOR, MEMORY_KINDS, ruleFor, type CapacitySpec, type CurvePoint, type MemoryKind } from '../../../lib/capacity/spec';

/*
 * Chapter 4's capacity sweeps, run as the capacity figure's worker runs them (same grids, the same seed for each
 * (memory, K), classical networks with CLASSICAL_TRIALS_FACTOR times the pattern sets), so at the figure's
 * settings the curves are the ones the figure draws. A whole sweep takes seconds to minutes, too long for a build:
 * precomputeCapacity.ts writes the results to capacity-sweep.json, and the unit test re-runs a few points.
 */

/** The worker's sweep limit per recall. */
export const MAX_SWEEPS = 20;

/** One curve of the sweep: a memory at size N, under one spec. */
export interface SweepCurve {
  name: string;
  kind: MemoryKind;
  spec: CapacitySpec;
  points: CurvePoint[];
}

/** The recall rate at one K, seeded exactly as the figure's worker seeds it. */
export function sweepPoint(kind: MemoryKind, K: number, spec: CapacitySpec): CurvePoint {
  const m = MEMORY_KINDS.indexOf(kind);
  const trials = kind === 'classical' ? CLASSICAL_TRIALS_FACTOR * spec.trials : spec.trials;
  const r = runCapacity({
    N: spec.N, Ks: [K], rule: ruleFor(kind), corruption: spec.corruption, trials, probesPerTrial: spec.probes,
    minOverlap: spec.minOverlap, maxSweeps: MAX_SWEEPS, seed: spec.seed * 1000003 + m * 7919 + K,
  });
  const p = r.points[0];
  return { K, recallRate: p.recallRate, meanOverlap: p.meanOverlap, probes: p.probes };
}

/** A memory's whole curve over its grid (or over `Ks`), stopping after the first K where nothing is recalled, as the worker does. */
export function sweepCurve(name: string, kind: MemoryKind, spec: CapacitySpec, Ks = capacityGrid(kind, spec.N)): SweepCurve {
  const points: CurvePoint[] = [];
  for (const K of Ks) {
    const p = sweepPoint(kind, K, spec);
    points.push(p);
    if (p.recallRate === 0) break;
  }
  return { name, kind, spec, points };
}
