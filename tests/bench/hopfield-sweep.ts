/*
 * The hopfield-images workload: N = 64 × 64 = 4096 neurons, K = 50 stored patterns (the 20 built-in pictures plus
 * 30 random ones), one asynchronous sweep from a picture with 20% of its pixels flipped. Shared by the vitest
 * bench (hopfield.bench.ts) and the median/p95 script (hopfield-sweep.measure.ts).
 */
import { PictureMemory, type Params } from '../../src/figures/hopfield-images/sim';

export const SWEEP_PARAMS: Params = { memory: 'classical', n: 3, size: '64', images: 20, extra: 30, target: 1, noise: 0.2, mode: 'sweep' };

/** A model at the benchmark's size with the given memory, ready to sweep. */
export function sweepModel(memory: Params['memory'], n = 3): { model: PictureMemory; params: Params } {
  const params: Params = { ...SWEEP_PARAMS, memory, n };
  const model = new PictureMemory();
  model.reset(params, 1, []);
  return { model, params };
}

/** Restarts from the same corrupted picture, then times one sweep (ms). */
export function timeOneSweep(model: PictureMemory, probe: Float64Array): number {
  model.start(probe, 1);
  const t0 = performance.now();
  model.recaller!.sweep();
  return performance.now() - t0;
}
