import { useEffect, useRef } from 'react';
import type { FigureStore } from '../../lib/figure/store';
import type { meta } from './meta';
import type { Params, PictureMemory, ReaderPicture } from './sim';

/** The longest slice of the first build run in one task (ms). */
const SLICE_MS = 12;

/**
 * Prepares hopfield-images' stored set in slices, one task each, so the first build of a large memory never
 * blocks the page. `prepare` returns true when the set is ready now; otherwise it schedules the slices and the
 * figure resets itself when they are done (carrying over a deep link's step count and history). `prep` is non-null while
 * slices are pending.
 */
export function useSlicedPrepare(store: FigureStore<typeof meta.props>, model: PictureMemory, readerRef: React.RefObject<ReaderPicture[]>) {
  // A first build of 20 pictures rasterised and hundreds of random rows at 64×64 would take longer than a frame.
  const prep = useRef<{ key: string; timer: number } | null>(null);
  const cancelPrep = () => {
    if (prep.current) clearTimeout(prep.current.timer);
    prep.current = null;
  };
  useEffect(() => cancelPrep, []);
  const prepare = (p: Params, seed: number): boolean => {
    const reader = readerRef.current;
    if (model.isPrepared(p, seed, reader)) {
      cancelPrep();
      return true;
    }
    const key = `${p.size}|${p.images}|${p.extra}|${seed}|${reader.map((r) => r.name).join('/')}`;
    const { targetSteps, targetHistory } = store.getState();
    if (prep.current?.key === key) return false;
    cancelPrep();
    const it = model.prepare(p, seed, reader);
    const job = { key, timer: 0 };
    const slice = (): boolean => {
      const t0 = performance.now();
      while (performance.now() - t0 < SLICE_MS) if (it.next().done) return true;
      return false;
    };
    if (slice()) return true;
    // Slices until the stored set is ready; then the recaller (bit-major copy of the patterns, overlaps) is built
    // in a task of its own, and the figure resets in the next, which only corrupts the target and starts recall.
    let built = false;
    const next = () => {
      if (prep.current !== job) return;
      if (!built && slice()) {
        built = true;
      } else if (built) {
        model.prebuild(p, seed, readerRef.current);
        job.timer = window.setTimeout(() => {
          if (prep.current !== job) return;
          prep.current = null;
          store.setState((st) => ({ resetToken: st.resetToken + 1, targetSteps, targetHistory }));
        }, 0);
        return;
      }
      job.timer = window.setTimeout(next, 0);
    };
    prep.current = job;
    job.timer = window.setTimeout(next, 0);
    return false;
  };

  return { prep, prepare };
}
