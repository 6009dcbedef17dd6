import type { PropValues } from '../../lib/figure/spec';
import { crossing, K_MAX_FACTOR, MEMORY_KINDS, MEMORY_LABELS, theoryCapacity, type CapacityCurve, type CapacitySpec, type MemoryKind } from '../../lib/capacity/spec';
import type { meta } from './meta';

/*
 * The capacity experiment as a function of props and seed. A static figure (meta `animated: false`): nothing
 * steps; the experiment itself runs in a Web Worker (lib/capacity/client) and this file turns its curves into
 * what the figure reports. No DOM.
 */

export type Params = PropValues<typeof meta.props>;
export const PROBES = 4;
export const MIN_OVERLAP = 0.95;

/**
 * The experiment's state. 'waiting': not started because the reader has not looked at the chart yet; `curves` may
 * hold the last result, for the props in `of`. `cached`: the result was read from the cache, not computed;
 * `rerun`: the reader asked to compute it again although the cache had it.
 */
export type RunState = {
  phase: 'idle' | 'waiting' | 'running' | 'done' | 'cancelled' | 'error';
  done: number;
  total: number;
  curves: CapacityCurve[];
  of?: Params;
  ms?: number;
  cached?: boolean;
  rerun?: boolean;
  error?: string;
};

/** The worker's job for these props and seed. */
export function capacitySpec(p: Params, seed: number): CapacitySpec {
  return { N: p.N, corruption: p.corruption, trials: p.trials, probes: PROBES, minOverlap: MIN_OVERLAP, seed };
}

/** The largest K the experiment tries at N. */
export const kMaxFor = (N: number) => K_MAX_FACTOR * N;

export interface SummaryRow {
  kind: MemoryKind;
  curve: CapacityCurve | undefined;
  /** K where recall falls through 50% and 90% (null: not (yet) reached). */
  half: number | null;
  ninety: number | null;
  /** The curve is finished: a null crossing means recall never fell that low. */
  complete: boolean;
  theory: ReturnType<typeof theoryCapacity>;
}

/** Where each memory's recall breaks down in this run, beside the published estimate. */
export function summaryRows(run: RunState, N: number): SummaryRow[] {
  return MEMORY_KINDS.map((kind) => {
    const curve = run.curves.find((x) => x.kind === kind);
    const log = kind !== 'classical';
    const half = curve ? crossing(curve.points, 0.5, log) : null;
    const ninety = curve ? crossing(curve.points, 0.9, log) : null;
    const complete = !!curve && (curve.stoppedEarly || run.phase === 'done');
    return { kind, curve, half, ninety, complete, theory: theoryCapacity(kind, N) };
  });
}

/** A count of patterns for reading: 1,234 or 12.5 or 1.2 × 10^7. */
export function fmtK(k: number): string {
  if (k >= 1e6) return k.toExponential(1).replace('e+', ' × 10^');
  return k >= 100 ? Math.round(k).toLocaleString('en-US') : k.toFixed(1).replace(/\.0$/, '');
}

/** How the summary says a result came from the cache (the poster, computed at build, leaves it out). */
export const CACHED_NOTE = ' (the cached result of an earlier run with these settings and seed)';

/** The live text summary. */
export function describeRun(run: RunState, rows: SummaryRow[], N: number): string {
  if (run.phase === 'running') return `Running the experiment at N = ${N}: ${run.done} of ${run.total} points done.`;
  if (run.phase === 'cancelled') return `Cancelled after ${run.done} of ${run.total} points; press Run to start again.`;
  if (run.phase === 'error') return 'The experiment failed.';
  if (run.phase === 'waiting') {
    const last = run.curves.length && run.of ? ` Showing the last result, at N = ${run.of.N}.` : '';
    return `The experiment at N = ${N} starts when the chart has been in view for a moment.${last}`;
  }
  if (run.phase !== 'done') return '';
  const parts = rows.map((r) => (r.half !== null ? `${MEMORY_LABELS[r.kind]} falls to 50% recall at K ≈ ${fmtK(r.half)} (K/N = ${(r.half / N).toFixed(3)})` : `${MEMORY_LABELS[r.kind]} still recalls at K = ${fmtK(kMaxFor(N))}`));
  const how = run.cached ? CACHED_NOTE : ` in ${((run.ms ?? 0) / 1000).toFixed(1)} s${run.rerun ? ', run again rather than read from the cache' : ''}`;
  return `Done at N = ${N}${how}: ${parts.join('; ')}.`;
}
