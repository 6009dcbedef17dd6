import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { FigureSim, PropSpecs } from './spec';
import type { FigureStore } from './store';
import { Run } from './run';
import type { Edit } from './edits';
import { startReplay, type ReplayHandle } from './replayDriver';
import { useOnScreen } from '../useOnScreen';
import { recordFrame } from '../frameTimes';

/**
 * What a figure gives the animation loop: its sim (see `FigureSim`; the numerics live in `src/core`, the sim
 * only calls it), how to paint, and a summary. Whether a change of props keeps the run or restarts it is not
 * decided here but read from each prop's `onChange` in the figure's meta; `onKeptChange` refreshes what a kept
 * change affects.
 */
export interface Simulation<P extends PropSpecs> extends FigureSim<P> {
  /** Paint the current state (the painter only draws). */
  draw(): void;
  /** A one-line live summary for screen readers and the caption. */
  describe?(): string;
}

/** How long a frame may spend on a costly update or edit before leaving the rest to the next frame. */
export const FRAME_WORK_MS = 6;

/** The most updates a restored link may fast-forward through at once, so a hostile URL cannot freeze the tab. */
export const MAX_RESTORE_STEPS = 20000;

/**
 * Drives a figure's simulation: resets it when params/seed change, runs it on requestAnimationFrame only
 * while it is playing and near the viewport, steps it on request, and releases the frame on unmount. The sim
 * is driven through a `Run` (run.ts), which records what a link needs to replay it exactly; a restored link
 * is replayed in budgeted pieces (replayDriver.ts), never in one long task.
 * Returns `redraw`, for repainting after an interaction while paused, and `edit`, for what the reader does
 * to the state besides props (a drag, a drawn stroke: the meta's `edits`), which the run records for links.
 */
export function useSimulation<P extends PropSpecs>(
  store: FigureStore<P>,
  sim: Simulation<P>,
  root: React.RefObject<Element | null>,
): { redraw: () => void; edit: (edit: Edit) => void } {
  const simRef = useRef(sim);
  simRef.current = sim;
  const onScreen = useOnScreen(root);
  const params = useStore(store, (s) => s.params);
  const seed = useStore(store, (s) => s.seed);
  const resetToken = useStore(store, (s) => s.resetToken);
  const playing = useStore(store, (s) => s.playing);
  const pending = useStore(store, (s) => s.pendingSteps);
  const replaying = useStore(store, (s) => s.replay?.status === 'running');
  const runRef = useRef<Run<P> | null>(null);
  const run = (runRef.current ??= new Run(store.getState().meta, () => simRef.current));
  const replay = useRef<ReplayHandle | null>(null);
  const lastSeed = useRef<number | null>(null);
  const lastToken = useRef<number | null>(null);
  const lastDescribe = useRef(0);
  /** The sim has put-off work (FigureSim.work) that the loop carries on with, playing or not. */
  const [busy, setBusy] = useState(false);

  const guard = (fn: () => void): boolean => {
    try {
      fn();
      if (store.getState().problem) store.getState().setProblem(null);
      return true;
    } catch (err) {
      const st = store.getState();
      st.setProblem(err instanceof Error ? err.message : String(err));
      st.pause();
      return false;
    }
  };

  const describe = (force = false) => {
    const now = performance.now();
    if (!force && now - lastDescribe.current < 400) return;
    lastDescribe.current = now;
    const d = simRef.current.describe?.();
    if (d !== undefined) store.getState().setStatus(d);
  };
  const draw = () => simRef.current.draw();
  /** The run's record, mirrored in the store (the step counter, and what Copy link writes). */
  const publish = () => store.setState({ steps: run.steps, converged: run.converged, base: run.base, history: run.history, targetSteps: 0, targetHistory: [] });

  /** A change of props for the run (kept or restarting); 'none' when the sim failed on it. */
  const changeOf = (next: typeof params): string => {
    let what = 'none';
    guard(() => void (what = run.change(next)));
    return what;
  };

  // Reset, replay a link, or carry on whenever params, seed or the reset token change.
  useEffect(() => {
    const st = store.getState();
    const restart = !run.started || lastSeed.current !== seed || lastToken.current !== resetToken;
    lastSeed.current = seed;
    lastToken.current = resetToken;
    // Input while a link replays has already stopped it (replayDriver watches the store); a restart always does.
    if (restart && replay.current?.running) replay.current.cancel();
    if (restart && (st.targetSteps > 0 || st.targetHistory.length > 0)) {
      const target = Math.min(st.targetSteps, MAX_RESTORE_STEPS);
      replay.current = startReplay({ store, run, guard, draw, describe }, params, seed, st.targetHistory, target);
      return;
    }
    // While a replay runs, a change of params is the replay's own (it applies the link's history), which this
    // render may see a piece late: the run has it already.
    if (!replay.current?.running) {
      run.adopt(st.steps, st.converged);
      const before = run.history.length;
      const what = restart ? (guard(() => run.restart(params, seed)), 'restarted') : changeOf(params);
      if (what === 'restarted' || run.history.length !== before) publish();
    }
    guard(draw);
    describe(true);
  }, [params, seed, resetToken]);

  // Unmounting stops a running replay. (Under StrictMode the effects then run again: start it over.)
  useEffect(
    () => () => {
      if (!replay.current?.running) return;
      replay.current.dispose();
      run.started = false;
    },
    [],
  );

  // The animation loop: alive only while playing (or a step is pending, or put-off work is left), near the
  // viewport, and not replaying. A costly update or edit is spread over frames (FigureSim.work), each frame
  // doing about FRAME_WORK_MS of it; a step asked for with the Step button is done whole.
  useEffect(() => {
    if (replaying || !onScreen || !(playing || pending > 0 || busy)) {
      // Stopped with work left (paused mid-update, scrolled away): finish it, so what shows is whole updates.
      if (!replaying && run.busy && guard(() => run.finish())) {
        publish();
        guard(draw);
        describe(true);
      }
      return;
    }
    let raf = 0;
    const frame = () => {
      const t0 = performance.now();
      const st = store.getState();
      run.adopt(st.steps, st.converged);
      const n = st.playing ? st.speed : st._consumeSteps();
      const deadline = !st.playing && n > 0 ? Infinity : t0 + FRAME_WORK_MS;
      const before = run.steps;
      let converged = false;
      const ok = guard(() => {
        if (run.workUntil(deadline)) {
          // An update finished from the last frame's pieces counts as this frame's first. A run that had
          // settled is stepped again all the same (a kept change, e.g. turning halting off, may unsettle it).
          if (run.steps !== before) converged = run.converged;
          for (let ran = run.steps !== before ? 1 : 0; ran < n && !converged; ran++) {
            const r = run.step(deadline);
            if (r === null) break;
            converged = r;
          }
        }
        draw();
      });
      if (run.steps !== before || converged !== st.converged) publish();
      describe(converged || !st.playing);
      recordFrame(st.meta.id, performance.now() - t0);
      if (!ok) return;
      if (converged && st.playing && !run.busy) {
        st.pause();
        return;
      }
      if (store.getState().playing || run.busy) raf = requestAnimationFrame(frame);
      else setBusy(false);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [onScreen, playing, pending, replaying, busy]);

  /** An edit of the state: applied through the run (which records it at the current step), then painted. */
  const edit = (e: Edit) => {
    if (!run.started) return;
    if (replay.current?.running) replay.current.cancel();
    const st = store.getState();
    run.adopt(st.steps, st.converged);
    if (guard(() => run.edit(e, performance.now() + FRAME_WORK_MS))) publish();
    guard(draw);
    describe(true);
    if (run.busy) setBusy(true);
  };

  return { redraw: () => void guard(draw), edit };
}
