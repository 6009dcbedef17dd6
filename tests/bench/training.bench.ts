import { bench, describe } from 'vitest';
import { createRingExperiment, finishRingExperiment, RING_EXPERIMENT_DEFAULTS, trainRingExperiment } from '../../src/core';

/*
 * Training one K of the memorization-generalization figure at the default width (32 hidden units, 2 layers,
 * 3,000 Adam steps on minibatches of 128), as the worker does. Reports the time per run and, on stdout, the
 * quality reached: the DSM loss E‖σ s_θ + z‖² on held-out draws next to the exact smoothed score's loss
 * on the same draws (its floor), and the sample fractions.
 *
 *   npx vitest bench --run tests/bench/training.bench.ts
 */
const K = 16;
const width = 32;

describe(`train one K (K = ${K}, width ${width}, ${RING_EXPERIMENT_DEFAULTS.steps} steps)`, () => {
  bench(
    'createRingExperiment + trainRingExperiment',
    () => {
      const run = createRingExperiment({ K, width });
      trainRingExperiment(run, RING_EXPERIMENT_DEFAULTS.steps);
      const r = finishRingExperiment(run);
      console.log(
        `K ${K} width ${width}: final minibatch loss ${r.finalLoss.toFixed(4)}, held-out DSM loss ${r.heldOutLoss.toFixed(4)} (exact score ${r.exactLoss.toFixed(4)}); fractions m/s/g ${r.fractions.map((f) => f.toFixed(3)).join(' / ')}`,
      );
    },
    { iterations: 3, warmupIterations: 0, time: 0 },
  );
});
