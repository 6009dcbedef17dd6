import { bench, describe } from 'vitest';
import { sweepModel, timeOneSweep } from './hopfield-sweep';
import { runCapacity } from '../../src/core';
import { capacityGrid, CLASSICAL_TRIALS_FACTOR, MEMORY_KINDS, ruleFor } from '../../src/lib/capacity/spec';

/*
 * The chapter-4 Hopfield workloads. (1) One hopfield-images sweep at N = 64×64, K = 50 (goal < 5 ms).
 * (2) The capacity figure's whole default experiment at N = 100 for all four memories, as its worker runs it
 * (goal < 3 s).
 */
describe('hopfield-images sweep, N = 4096, K = 50', () => {
  for (const memory of ['classical', 'poly', 'exp'] as const) {
    const { model } = sweepModel(memory, 3);
    const probe = model.probe.slice();
    bench(`one sweep, ${memory}`, () => {
      timeOneSweep(model, probe);
    });
  }
});

describe('capacity experiment, N = 100, all four memories', () => {
  bench(
    'default figure settings (trials 3, 4 probes, 10% flips)',
    () => {
      MEMORY_KINDS.forEach((kind, m) => {
        for (const K of capacityGrid(kind, 100)) {
          const r = runCapacity({ N: 100, Ks: [K], rule: ruleFor(kind), corruption: 0.1, trials: kind === 'classical' ? 3 * CLASSICAL_TRIALS_FACTOR : 3, probesPerTrial: 4, minOverlap: 0.95, maxSweeps: 20, seed: 1000003 + m * 7919 + K });
          if (r.points[0].recallRate === 0) break; // the worker stops a curve once recall has collapsed
        }
      });
    },
    { iterations: 3, time: 0 },
  );
});
