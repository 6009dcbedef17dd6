/// <reference lib="webworker" />
import { createRingExperiment, finishRingExperiment, trainRingExperiment, type RingExperimentResult } from '../core';

/*
 * Trains one score network on K ring points (Pham et al.'s experiment in the plane, src/core/ring-experiment.ts)
 * off the main thread, in chunks of CHUNK Adam steps. Between chunks it yields to its event loop, so a cancel
 * message is seen within one chunk (a few milliseconds), and it posts progress with the recent DSM loss.
 * The same options and seed as src/scripts/precompute-memorization.ts give the same run.
 *
 * In:  { type: 'train', id, K, width, steps, seed } | { type: 'cancel', id }
 * Out: { type: 'progress', id, done, total, loss } | { type: 'done', id, run, ms }
 *      | { type: 'cancelled', id } | { type: 'error', id, message }
 */

/** A finished run in the shape the figure draws (also what the precomputed JSON decodes to). */
export interface TrainedRun {
  K: number;
  width: number;
  depth: number;
  steps: number;
  seed: number;
  trainMs: number;
  finalLoss: number;
  heldOutLoss: number;
  exactLoss: number;
  fractions: [number, number, number];
  data: Float64Array;
  samples: Float64Array;
  labels: Uint8Array;
  gains: Float64Array;
  attractors: { x: number; y: number; count: number; kind: number }[];
  config: RingExperimentResult['config'];
  params: Float64Array;
  /** 'precomputed' (shipped JSON) or 'live' (trained in this browser). */
  source: 'precomputed' | 'live';
}

export type TrainRequest = { type: 'train'; id: number; K: number; width: number; steps: number; seed: number } | { type: 'cancel'; id: number };
export type TrainResponse =
  | { type: 'progress'; id: number; done: number; total: number; loss: number }
  | { type: 'done'; id: number; run: TrainedRun; ms: number }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string };

const CHUNK = 25;
const ctx = self as unknown as DedicatedWorkerGlobalScope;
const cancelled = new Set<number>();
const post = (m: TrainResponse) => ctx.postMessage(m);
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

async function train(id: number, K: number, width: number, steps: number, seed: number): Promise<void> {
  const t0 = performance.now();
  const run = createRingExperiment({ K, width, steps, seed });
  // Progress at most every 100 ms, so the page re-renders the bar ten times a second, not after every chunk.
  let lastPost = -Infinity;
  let since = run.done;
  while (run.done < steps) {
    await tick();
    if (cancelled.has(id)) {
      cancelled.delete(id);
      post({ type: 'cancelled', id });
      return;
    }
    trainRingExperiment(run, CHUNK);
    const now = performance.now();
    if (now - lastPost >= 100 || run.done === steps) {
      let l = 0;
      for (let i = since; i < run.done; i++) l += run.losses[i];
      post({ type: 'progress', id, done: run.done, total: steps, loss: l / Math.max(1, run.done - since) });
      lastPost = now;
      since = run.done;
    }
  }
  const trainMs = performance.now() - t0;
  await tick();
  if (cancelled.has(id)) {
    cancelled.delete(id);
    post({ type: 'cancelled', id });
    return;
  }
  const r = finishRingExperiment(run);
  const out: TrainedRun = {
    K: r.K,
    width: r.width,
    depth: r.depth,
    steps: r.steps,
    seed: r.seed,
    trainMs,
    finalLoss: r.finalLoss,
    heldOutLoss: r.heldOutLoss,
    exactLoss: r.exactLoss,
    fractions: r.fractions,
    data: r.data,
    samples: r.samples,
    labels: r.labels,
    gains: r.gains,
    attractors: r.attractors.map((a) => ({ x: a.centre[0], y: a.centre[1], count: a.count, kind: a.kind })),
    config: r.config,
    params: r.params,
    source: 'live',
  };
  post({ type: 'done', id, run: out, ms: performance.now() - t0 });
}

ctx.onmessage = (e: MessageEvent<TrainRequest>) => {
  const m = e.data;
  if (m.type === 'cancel') {
    cancelled.add(m.id);
    return;
  }
  train(m.id, m.K, m.width, m.steps, m.seed).catch((err: unknown) => post({ type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) }));
};
