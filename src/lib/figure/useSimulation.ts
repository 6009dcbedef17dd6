import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { changedProps, keepsRun, type FigureSim, type PropSpecs, type PropValues } from './spec';
import type { FigureStore } from './store';
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

/** The most updates a restored link may fast-forward through at once, so a hostile URL cannot freeze the tab. */
export const MAX_RESTORE_STEPS = 20000;

/**
 * Drives a figure's simulation: resets it when params/seed change, runs it on requestAnimationFrame only
 * while it is playing and near the viewport, steps it on request, and releases the frame on unmount.
 * Returns `redraw`, for repainting after an interaction while paused.
 */
export function useSimulation<P extends PropSpecs>(
  store: FigureStore<P>,
  sim: Simulation<P>,
  root: React.RefObject<Element | null>,
): { redraw: () => void } {
  const simRef = useRef(sim);
  simRef.current = sim;
  const onScreen = useOnScreen(root);
  const params = useStore(store, (s) => s.params);
  const seed = useStore(store, (s) => s.seed);
  const resetToken = useStore(store, (s) => s.resetToken);
  const playing = useStore(store, (s) => s.playing);
  const pending = useStore(store, (s) => s.pendingSteps);
  const prevParams = useRef<PropValues<P> | null>(null);
  const lastSeed = useRef<number | null>(null);
  const lastToken = useRef<number | null>(null);
  const lastDescribe = useRef(0);

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

  // Reset (or carry on) whenever params, seed or the reset token change.
  useEffect(() => {
    const s = simRef.current;
    const st = store.getState();
    const prev = prevParams.current;
    const changed = prev === null ? [] : changedProps(st.meta, params, prev);
    const mustReset = prev === null || lastSeed.current !== seed || lastToken.current !== resetToken || !keepsRun(st.meta, changed);
    prevParams.current = params;
    lastSeed.current = seed;
    lastToken.current = resetToken;
    if (mustReset) {
      const target = Math.min(st.targetSteps, MAX_RESTORE_STEPS);
      let converged = false;
      let ran = 0;
      guard(() => {
        s.reset(params, seed);
        for (; ran < target && !converged; ran++) converged = s.step(params);
      });
      store.setState({ steps: ran, converged, targetSteps: 0 });
    } else if (changed.length && prev) {
      guard(() => s.onKeptChange?.(params, prev, changed));
    }
    guard(() => s.draw());
    describe(true);
  }, [params, seed, resetToken]);

  // The animation loop: alive only while playing (or a step is pending) and near the viewport.
  useEffect(() => {
    if (!onScreen || !(playing || pending > 0)) return;
    let raf = 0;
    const frame = () => {
      const t0 = performance.now();
      const st = store.getState();
      const s = simRef.current;
      const n = st.playing ? st.speed : st._consumeSteps();
      let converged = false;
      let ran = 0;
      const ok = guard(() => {
        for (; ran < n && !converged; ran++) converged = s.step(st.params);
        s.draw();
      });
      if (ran > 0 || converged !== st.converged) st._advanced(ran, converged);
      describe(converged || !st.playing);
      recordFrame(st.meta.id, performance.now() - t0);
      if (!ok) return;
      if (converged && st.playing) {
        st.pause();
        return;
      }
      if (store.getState().playing) raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [onScreen, playing, pending]);

  return { redraw: () => void guard(() => simRef.current.draw()) };
}
