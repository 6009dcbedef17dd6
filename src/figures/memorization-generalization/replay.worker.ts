/// <reference lib="webworker" />
import type { TrainedRun } from '../../workers/train-score.worker';
import { Replay } from './sim';

/*
 * The sampler replay of one trained run, computed ahead of the figure (replay.client.ts). At K = 1,000 and width
 * 64 a settling update costs 20 ms or more, more than a frame: here it runs off the main thread, and the figure
 * copies each state as it plays. The worker runs the figure's own Replay, so the states are the very numbers
 * the figure would compute. It yields between updates, so a newer run supersedes this one within one update.
 *
 * In:  { id, run }            Out: { id, step, xs, last } after each update (xs transferred)
 */

export type ReplayRequest = { id: number; run: TrainedRun };
export type ReplayState = { id: number; step: number; xs: Float64Array; last: boolean };

const ctx = self as unknown as DedicatedWorkerGlobalScope;
let current = 0;
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

async function replay(id: number, run: TrainedRun): Promise<void> {
  const r = new Replay();
  r.load(run);
  for (let step = 1; !r.done; step++) {
    await tick();
    if (id !== current) return;
    r.step();
    const xs = r.xs.slice();
    ctx.postMessage({ id, step, xs, last: r.done } satisfies ReplayState, [xs.buffer]);
  }
}

ctx.onmessage = (e: MessageEvent<ReplayRequest>) => {
  current = e.data.id;
  void replay(e.data.id, e.data.run);
};
