import { createStore, type StoreApi } from 'zustand/vanilla';
import { applyConstraints, defaultProps, hostAttrs, validateProps, type FigureMeta, type PropIssue, type PropSpecs, type PropValues } from './spec';
import type { HistoryEntry } from './history';
import type { ReplayStatus } from './replay';

/*
 * One store per mounted figure. It holds what a reader controls (props, seed, play state, speed) and what a
 * deep link must capture (`steps`: how many updates of the dynamics have run since the last reset).
 * Positions and other per-frame state never live here: they stay in the figure's typed arrays.
 */

export interface FigureState<P extends PropSpecs = PropSpecs> {
  meta: FigureMeta<P>;
  params: PropValues<P>;
  seed: number;
  playing: boolean;
  /** Updates of the dynamics per animation frame (the speed control). */
  speed: number;
  /** Updates run since the last reset; with params and seed this fixes the state exactly. */
  steps: number;
  /** Bumped to ask the simulation to re-run from its initial state. */
  resetToken: number;
  /** Set when a restored link asks to fast-forward to a given step count after the next reset. */
  targetSteps: number;
  /** The restored link's history (kept changes and their steps), replayed with `targetSteps`. */
  targetHistory: HistoryEntry[];
  /** The props of the run's last restart and the kept changes since (run.ts): what a link records. */
  base: PropValues<P>;
  history: HistoryEntry[];
  /** The replay of a restored link, while it runs and after (null: nothing was replayed). */
  replay: ReplayStatus | null;
  converged: boolean;
  /** The live text summary read by screen readers ("38 of 40 particles have settled…"). */
  status: string;
  /** Notices about inputs that were clamped or ignored (from markdown, a URL, or a restored state). */
  notices: PropIssue[];
  /** A short message when the current inputs cannot run (never NaN on screen). */
  problem: string | null;

  setParam: <K extends keyof P & string>(key: K, value: PropValues<P>[K]) => void;
  setParams: (values: Partial<PropValues<P>>) => void;
  setSeed: (seed: number) => void;
  newSeed: () => void;
  play: () => void;
  pause: () => void;
  toggle: () => void;
  /** Ask for one update while paused. */
  requestStep: () => void;
  reset: () => void;
  setSpeed: (speed: number) => void;
  setStatus: (status: string) => void;
  setProblem: (problem: string | null) => void;
  /** Internal: a pending single step requested while paused. */
  pendingSteps: number;
  _consumeSteps: () => number;
}

export type FigureStore<P extends PropSpecs = PropSpecs> = StoreApi<FigureState<P>>;

export interface FigureInit {
  /** Raw attributes from markdown or a URL; validated against the declaration. */
  attrs?: Record<string, unknown>;
  seed?: number;
  steps?: number;
  /** A link's history, replayed along with `steps`. */
  history?: HistoryEntry[];
  speed?: number;
  /** Start playing when on screen (false under prefers-reduced-motion). */
  autoplay?: boolean;
}

export const DEFAULT_SEED = 1;

export function createFigureStore<P extends PropSpecs>(meta: FigureMeta<P>, init: FigureInit = {}): FigureStore<P> {
  const { values, issues } = init.attrs ? validateProps(meta, init.attrs, hostAttrs(meta)) : { values: defaultProps(meta), issues: [] };
  return createStore<FigureState<P>>()((set, get) => ({
    meta,
    params: values,
    seed: init.seed ?? DEFAULT_SEED,
    playing: init.autoplay ?? meta.animated,
    speed: init.speed ?? 1,
    steps: 0,
    resetToken: 0,
    targetSteps: init.steps ?? 0,
    targetHistory: init.history ?? [],
    base: values,
    history: [],
    replay: null,
    converged: false,
    status: '',
    notices: issues,
    problem: null,
    pendingSteps: 0,

    // A control's change is checked with the other props, so it can never make an impossible combination.
    setParam: (key, value) => set((s) => ({ params: applyConstraints(meta, { ...s.params, [key]: value }).values })),
    setParams: (v) => set((s) => ({ params: applyConstraints(meta, { ...s.params, ...v }).values })),
    setSeed: (seed) => set((s) => ({ seed: seed >>> 0, resetToken: s.resetToken + 1, targetSteps: 0, targetHistory: [] })),
    newSeed: () => set((s) => ({ seed: (Math.random() * 2 ** 31) >>> 0, resetToken: s.resetToken + 1, targetSteps: 0, targetHistory: [] })),
    play: () => set({ playing: true }),
    pause: () => set({ playing: false }),
    toggle: () => set((s) => ({ playing: !s.playing })),
    requestStep: () => set((s) => ({ playing: false, pendingSteps: s.pendingSteps + 1 })),
    reset: () => set((s) => ({ resetToken: s.resetToken + 1, targetSteps: 0, targetHistory: [] })),
    setSpeed: (speed) => set({ speed: Math.max(1, Math.min(64, Math.round(speed))) }),
    setStatus: (status) => {
      if (get().status !== status) set({ status });
    },
    setProblem: (problem) => {
      if (get().problem !== problem) set({ problem });
    },
    _consumeSteps: () => {
      const n = get().pendingSteps;
      if (n) set({ pendingSteps: 0 });
      return n;
    },
  }));
}
