import { specKey, type CapacityCurve, type CapacitySpec } from '../lib/capacity/spec';
import type { CapacityRequest, CapacityResponse } from './capacity.protocol';

/*
 * Runs the capacity experiment in its Web Worker and remembers finished results: in memory for this page, and in
 * localStorage for the next visit, so returning to the figure shows the curves at once. One worker per run; it
 * is terminated when the run ends, is cancelled, or its figure unmounts.
 */

export interface CapacityOutcome {
  curves: CapacityCurve[];
  /** Wall time of the whole experiment in the worker (ms). */
  ms: number;
}

const memory = new Map<string, CapacityOutcome>();
const STORAGE_PREFIX = 'mips-capacity:';

export function cachedCapacity(spec: CapacitySpec): CapacityOutcome | undefined {
  const key = specKey(spec);
  const hit = memory.get(key);
  if (hit) return hit;
  try {
    const raw = localStorage.getItem(STORAGE_PREFIX + key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as CapacityOutcome;
    if (!Array.isArray(parsed.curves)) return undefined;
    memory.set(key, parsed);
    return parsed;
  } catch {
    return undefined;
  }
}

function remember(spec: CapacitySpec, out: CapacityOutcome): void {
  const key = specKey(spec);
  memory.set(key, out);
  try {
    localStorage.setItem(STORAGE_PREFIX + key, JSON.stringify(out));
  } catch {
    /* storage full or private mode: the in-memory cache still works for this page */
  }
}

export interface CapacityHandlers {
  onProgress: (done: number, total: number, curves: CapacityCurve[]) => void;
  onDone: (out: CapacityOutcome) => void;
  onError: (message: string) => void;
}

export interface CapacityRun {
  /** Stops the run at once (terminates the worker). */
  cancel(): void;
}

let nextId = 1;

export function runCapacityInWorker(spec: CapacitySpec, h: CapacityHandlers): CapacityRun {
  const id = nextId++;
  const worker = new Worker(new URL('./capacity.worker.ts', import.meta.url), { type: 'module' });
  let live = true;
  const stop = () => {
    if (!live) return;
    live = false;
    worker.terminate();
  };
  worker.onmessage = (e: MessageEvent<CapacityResponse>) => {
    const m = e.data;
    if (!live || m.id !== id) return;
    if (m.type === 'progress') h.onProgress(m.done, m.total, m.curves);
    else if (m.type === 'done') {
      const out = { curves: m.curves, ms: m.ms };
      remember(spec, out);
      stop();
      h.onDone(out);
    } else if (m.type === 'error') {
      stop();
      h.onError(m.message);
    } else if (m.type === 'cancelled') stop();
  };
  worker.onerror = (e) => {
    stop();
    h.onError(e.message || 'the capacity worker failed to start');
  };
  const req: CapacityRequest = { type: 'run', id, spec };
  worker.postMessage(req);
  return {
    cancel: () => {
      if (!live) return;
      worker.postMessage({ type: 'cancel', id } satisfies CapacityRequest);
      stop();
    },
  };
}
