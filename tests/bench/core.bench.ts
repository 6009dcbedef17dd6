import { bench, describe } from 'vitest';
import { setupCapacity, setupDam, setupHebbian, setupHopfield, setupLse } from './workloads';

/*
 * The four hot-path workloads of issue 2 (`npm run bench`). The same functions are timed by
 * tests/bench/run-core.ts (plain Node, median/p95 JSON) and, in NumPy, by tests/bench/numpy/workloads.py.
 */

describe('issue-2 workloads', () => {
  const lse = setupLse();
  bench('1. lseGradBatch: 20 000 2-D particles × 32 memories', () => {
    lse();
  });

  const hop = setupHopfield();
  bench('2. hopfieldRecall: N = 1024, K = 100, 10 % flipped (with energies)', () => {
    hop();
  });

  const dam = setupDam();
  bench('3. damRecall exp: N = 1024, K = 256, 10 % flipped', () => {
    dam();
  });

  const cap = setupCapacity();
  bench('4. capacity sweep: classical, N = 100, K = 1…40, 20 trials each', () => {
    cap();
  }, { iterations: 10 });
});

describe('supporting', () => {
  const heb = setupHebbian();
  bench('hebbianWeights: K = 100, N = 1024 (input of workload 2)', () => {
    heb();
  }, { iterations: 5 });
});
