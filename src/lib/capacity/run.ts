import { runCapacity } from '../../core';
import { capacityGrid, CLASSICAL_TRIALS_FACTOR, MEMORY_KINDS, ruleFor, type CapacityCurve, type CapacitySpec, type CurvePoint } from './spec';

/*
 * One point of the capacity experiment, shared by its Web Worker (which runs the points one task at a time, so a
 * cancel is seen between two) and Node tools (the build's poster, which runs them all at once). Pure: no DOM.
 */

/** A successful recall settles in 2–4 sweeps; a failing one can wander, and 20 sweeps is plenty to call it failed. */
const MAX_SWEEPS = 20;

/**
 * Recall rate at K stored patterns for memory number `m` of MEMORY_KINDS: `trials` fresh random sets (8× as many
 * for the classical network), each probed `probes` times. Each (memory, K) has its own seed, so a curve does not
 * depend on which other curves ran before it.
 */
export function capacityPoint(spec: CapacitySpec, m: number, K: number): CurvePoint {
  const kind = MEMORY_KINDS[m];
  const trials = kind === 'classical' ? CLASSICAL_TRIALS_FACTOR * spec.trials : spec.trials;
  const r = runCapacity({ N: spec.N, Ks: [K], rule: ruleFor(kind), corruption: spec.corruption, trials, probesPerTrial: spec.probes, minOverlap: spec.minOverlap, maxSweeps: MAX_SWEEPS, seed: spec.seed * 1000003 + m * 7919 + K });
  const p = r.points[0];
  return { K, recallRate: p.recallRate, meanOverlap: p.meanOverlap, probes: p.probes };
}

/** The whole experiment in one go: each memory's curve over its grid, stopped once recall has collapsed to 0. */
export function capacityCurves(spec: CapacitySpec): CapacityCurve[] {
  return MEMORY_KINDS.map((kind, m) => {
    const t0 = performance.now();
    const curve: CapacityCurve = { kind, points: [], stoppedEarly: false, ms: 0 };
    const grid = capacityGrid(kind, spec.N);
    for (let i = 0; i < grid.length; i++) {
      const p = capacityPoint(spec, m, grid[i]);
      curve.points.push(p);
      if (p.recallRate === 0 && i < grid.length - 1) {
        curve.stoppedEarly = true;
        break;
      }
    }
    curve.ms = performance.now() - t0;
    return curve;
  });
}
