import type { HistoryEntry } from './history';
import { Replay, type ReplayStatus } from './replay';
import { schedule, SLICE_MS } from './replayScheduler';
import type { Run } from './run';
import type { PropSpecs, PropValues } from './spec';
import type { FigureState, FigureStore } from './store';

/*
 * Runs a figure's replay on the page: a first piece at once (a short link is replayed before the first paint,
 * as before), the rest in budgeted pieces (replayScheduler.ts), with progress in the store (`replay`, `steps`)
 * for the indicator and the step counter. Any reader input on the figure cancels it where it stands: a change
 * of props, seed, reset, Play/Pause or Step (seen here, in the store), a pointer or key on the figure
 * (ReplayProgress calls `cancelReplay`). Whatever the replay itself writes to the store is not input.
 */

/** What the figure's loop lends the replay: its run and how it paints, describes and catches errors. */
export interface ReplayHost<P extends PropSpecs> {
  store: FigureStore<P>;
  run: Run<P>;
  guard(fn: () => void): boolean;
  draw(): void;
  describe(force?: boolean): void;
}

export interface ReplayHandle {
  readonly running: boolean;
  /** Stop where it stands, and say so. */
  cancel(): void;
  /** Stop silently (the figure is unmounting). */
  dispose(): void;
}

/** The share of wall time a replay gets to step (the rest: painting, input, the other pieces' overhead). */
const DUTY = 0.8;
/** How often a running replay repaints the figure (painting a heavy figure costs as much as a few updates). */
const DRAW_EVERY_MS = 250;

const active = new WeakMap<object, ReplayHandle>();

/** Cancels the store's running replay, if any (reader input on the figure). */
export function cancelReplay(store: object): void {
  active.get(store)?.cancel();
}

export function startReplay<P extends PropSpecs>(host: ReplayHost<P>, base: PropValues<P>, seed: number, entries: HistoryEntry[], target: number): ReplayHandle {
  const { store, run } = host;
  let state: ReplayStatus['status'] = 'running';
  let own = false;
  let estimateMs: number | null = null;
  let lastDraw = performance.now();
  let unschedule = () => {};
  let unsubscribe = () => {};
  const write = (patch: Partial<FigureState<P>>) => {
    own = true;
    try {
      store.setState(patch);
    } finally {
      own = false;
    }
  };
  const status = (): ReplayStatus => ({ status: state, step: run.steps, target, estimateMs });

  let replay: Replay<P> | null = null;
  const piece = (budgetMs: number): boolean => {
    const playing = store.getState().playing;
    let done = true;
    own = true;
    // A kept change may touch the store (boltzmann plays when T changes while paused): that is the replay's doing.
    const ok = host.guard(() => {
      const t0 = performance.now();
      // The restart (a heavy figure's reset can take longer than a piece) leaves what is left of the piece to stepping.
      replay ??= new Replay(run, base, seed, entries, target);
      const left = budgetMs - (performance.now() - t0);
      done = left > 0 ? replay.advance(left) : replay.done;
    });
    own = false;
    if (ok && store.getState().playing !== playing) write({ playing });
    if (store.getState().params !== run.params) write({ params: run.params });
    return done || !ok;
  };

  const end = (how: 'done' | 'cancelled', quiet = false) => {
    if (state !== 'running') return;
    state = how;
    unschedule();
    unsubscribe();
    if (active.get(store) === handle) active.delete(store);
    if (quiet) return;
    write({ steps: run.steps, converged: run.converged, base: run.base, history: run.history, targetSteps: 0, targetHistory: [], replay: status() });
    host.guard(host.draw);
    host.describe(true);
  };

  const handle: ReplayHandle = {
    get running() {
      return state === 'running';
    },
    cancel: () => end('cancelled'),
    dispose: () => end('cancelled', true),
  };

  if (piece(SLICE_MS)) {
    end('done');
    return handle;
  }
  const estimate = () => {
    const rate = (replay as Replay<P> | null)?.rate;
    if (estimateMs === null && rate) estimateMs = (target - run.steps) / rate / DUTY;
  };
  estimate();
  active.set(store, handle);
  write({ steps: run.steps, base: run.base, replay: status() });
  unsubscribe = store.subscribe((s, prev) => {
    if (own) return;
    if (s.params !== prev.params || s.seed !== prev.seed || s.resetToken !== prev.resetToken || s.playing !== prev.playing || s.pendingSteps !== prev.pendingSteps) end('cancelled');
  });
  unschedule = schedule({
    slice: (budgetMs) => {
      if (state !== 'running') return true;
      if (piece(budgetMs)) end('done');
      estimate();
      return state !== 'running';
    },
    frame: () => {
      if (state !== 'running') return;
      write({ steps: run.steps, replay: status() });
      const now = performance.now();
      if (now - lastDraw < DRAW_EVERY_MS) return;
      lastDraw = now;
      host.guard(host.draw);
      host.describe();
    },
  });
  host.guard(host.draw);
  return handle;
}
