/// <reference lib="webworker" />
import { capacityGrid, MEMORY_KINDS, type CapacityCurve, type CapacitySpec } from '../lib/capacity/spec';
import { capacityPoint } from '../lib/capacity/run';
import type { CapacityRequest, CapacityResponse } from './capacity.protocol';

/*
 * The capacity experiment, off the main thread. For each memory (classical, F = x³, F = x⁴, F = eˣ) and each K of
 * its grid, the core's runCapacity stores `trials` fresh sets of K random ±1 patterns and probes `probes` of them
 * from a copy with a fraction `corruption` of the bits flipped. Between two K values the worker yields to its
 * event loop, so a cancel message is seen within one K. Progress and partial curves are posted at most every
 * PROGRESS_EVERY_MS and at the end of each curve. The messages are in capacity.protocol.ts.
 */

const ctx = self as unknown as DedicatedWorkerGlobalScope;
const cancelled = new Set<number>();
const post = (m: CapacityResponse) => ctx.postMessage(m);
const tick = () => new Promise<void>((r) => setTimeout(r, 0));
/** Progress is posted at most this often (ms), and whenever a curve ends, so the main thread re-renders rarely. */
const PROGRESS_EVERY_MS = 150;

async function run(id: number, spec: CapacitySpec): Promise<void> {
  const t0 = performance.now();
  const grids = MEMORY_KINDS.map((k) => capacityGrid(k, spec.N));
  const total = grids.reduce((a, g) => a + g.length, 0);
  const curves: CapacityCurve[] = [];
  let done = 0;
  let lastPost = -Infinity;
  const progress = (force: boolean) => {
    const now = performance.now();
    if (!force && now - lastPost < PROGRESS_EVERY_MS) return;
    lastPost = now;
    post({ type: 'progress', id, done, total, curves });
  };
  for (let m = 0; m < MEMORY_KINDS.length; m++) {
    const kind = MEMORY_KINDS[m];
    const curve: CapacityCurve = { kind, points: [], stoppedEarly: false, ms: 0 };
    curves.push(curve);
    const c0 = performance.now();
    let zeros = 0;
    for (let i = 0; i < grids[m].length; i++) {
      await tick();
      if (cancelled.has(id)) {
        cancelled.delete(id);
        post({ type: 'cancelled', id });
        return;
      }
      const p = capacityPoint(spec, m, grids[m][i]);
      curve.points.push(p);
      done++;
      curve.ms = performance.now() - c0;
      // Recall has collapsed: larger K can only do worse, so skip the rest of this grid.
      zeros = p.recallRate === 0 ? zeros + 1 : 0;
      if (zeros >= 1 && i < grids[m].length - 1) {
        curve.stoppedEarly = true;
        done += grids[m].length - 1 - i;
        progress(true);
        break;
      }
      progress(i === grids[m].length - 1);
    }
  }
  post({ type: 'done', id, curves, ms: performance.now() - t0 });
}

ctx.onmessage = (e: MessageEvent<CapacityRequest>) => {
  const msg = e.data;
  if (msg.type === 'cancel') cancelled.add(msg.id);
  else if (msg.type === 'run') run(msg.id, msg.spec).catch((err) => post({ type: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) }));
};
