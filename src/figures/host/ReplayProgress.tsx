import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { FigureStore } from '../../lib/figure/store';
import { cancelReplay } from '../../lib/figure/replayDriver';
import './replay.css';

/*
 * A figure's link replay, as the reader sees it: while it runs, a small bar over the top of the figure
 * ("Replaying to step 12,000 … 43 %", and "up to about 9 s" when it will take a while), and a Stop button; when the
 * reader takes over, where it stopped. Any pointer or key on the figure stops it (besides the store's own
 * inputs, which replayDriver watches). The figure root carries `data-replay="running|done|cancelled"` for tests.
 * It sits in a zero-height box at the top of the figure, so it never moves the figure's layout.
 */

/** Replays expected to take at least this long say so up front. */
const SAY_ESTIMATE_MS = 2000;
/** How long the "stopped at step n" line stays. */
const STOPPED_FOR_MS = 8000;

const steps = (n: number) => n.toLocaleString('en-US');
const duration = (ms: number) => (ms < 90_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

export function ReplayProgress({ store }: { store: FigureStore }) {
  const replay = useStore(store, (s) => s.replay);
  const box = useRef<HTMLDivElement>(null);
  const status = replay?.status;
  const [showStopped, setShowStopped] = useState(false);

  useEffect(() => {
    const fig = box.current?.closest('figure');
    if (!fig) return;
    if (status) fig.dataset.replay = status;
    else delete fig.dataset.replay;
    if (status === 'cancelled') {
      setShowStopped(true);
      const t = window.setTimeout(() => setShowStopped(false), STOPPED_FOR_MS);
      return () => window.clearTimeout(t);
    }
    if (status !== 'running') return;
    const stop = (e: Event) => {
      if (e instanceof KeyboardEvent && (e.key === 'Tab' || e.key === 'Shift' || e.key === 'Control' || e.key === 'Alt' || e.key === 'Meta')) return;
      cancelReplay(store);
    };
    fig.addEventListener('pointerdown', stop, true);
    fig.addEventListener('keydown', stop, true);
    return () => {
      fig.removeEventListener('pointerdown', stop, true);
      fig.removeEventListener('keydown', stop, true);
    };
  }, [status]);

  let body: React.ReactNode = null;
  if (replay?.status === 'running') {
    const pct = Math.floor((100 * replay.step) / Math.max(1, replay.target));
    // The estimate assumes the run goes all the way to the link's step; one that settles sooner ends sooner.
    const about = replay.estimateMs !== null && replay.estimateMs >= SAY_ESTIMATE_MS ? ` (up to about ${duration(replay.estimateMs)})` : '';
    body = (
      <div className="figure-replay-box">
        <progress max={replay.target} value={replay.step} aria-label={`Replaying the link to step ${steps(replay.target)}`} />
        <span aria-hidden="true" data-testid="replay-text">
          Replaying to step {steps(replay.target)}
          {about} … {pct} %
        </span>
        <span className="sr-only" role="status">
          Replaying the link to step {steps(replay.target)}
          {about}. Any input on the figure stops it.
        </span>
        <button type="button" className="btn btn-small" data-action="stop-replay" onClick={() => cancelReplay(store)}>
          Stop
        </button>
      </div>
    );
  } else if (replay?.status === 'cancelled' && showStopped) {
    body = (
      <div className="figure-replay-box" role="status" data-testid="replay-text">
        Replay stopped at step {steps(replay.step)} of {steps(replay.target)}: the figure is yours from here.
      </div>
    );
  }
  return (
    <div className="figure-replay" ref={box}>
      {body}
    </div>
  );
}
