import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { figureMeta, loadFigure, type FigureComponent } from '../registry';
import { createFigureStore, type FigureInit, type FigureStore } from '../../lib/figure/store';
import { FigureErrorBoundary } from './ErrorBoundary';
import { prefersReducedMotion } from '../../lib/theme';
import { ShareButtons } from './ShareButtons';
import { MathText } from '../../lib/MathText';
import { ReplayProgress } from './ReplayProgress';
import './phone.css';

/*
 * Mounts one figure: validates its attributes against the declaration, creates its store, loads its code
 * lazily, and wraps it in the pieces every figure shares: the root element with `data-figure` and an
 * accessible name, the error boundary, the live status line and any notices about its inputs.
 */

const lazyCache = new Map<string, React.LazyExoticComponent<FigureComponent>>();
function lazyFigure(id: string) {
  let c = lazyCache.get(id);
  if (!c) {
    c = lazy(() => loadFigure(id));
    lazyCache.set(id, c);
  }
  return c;
}

export interface FigureHostProps {
  id: string;
  /** Raw attributes from markdown or a URL (validated here). */
  attrs?: Record<string, unknown>;
  init?: Omit<FigureInit, 'attrs'>;
  /** "Figure 3" */
  number?: number;
  caption?: ReactNode;
  /** The element id for deep links; defaults to `fig-<id>`. */
  anchor?: string;
  /** Receives the store once created (lecture mode and deep links use it). */
  onStore?: (store: FigureStore) => void;
  /**
   * An existing store to reattach (the essay keeps stores by chapter + figure index, so a chapter that is
   * re-rendered by live reload gets its figures back in the state the reader left them).
   */
  store?: FigureStore;
  /** Shown while the figure's code loads (the essay shows the figure's poster); a "Loading …" line by default. */
  fallback?: ReactNode;
}

export function FigureHost({ id, attrs, init, number, caption, anchor, onStore, store: given, fallback }: FigureHostProps) {
  const meta = figureMeta(id);
  const [store] = useState(() => {
    if (!meta) return null;
    if (given && given.getState().meta.id === id) return given;
    const s = createFigureStore(meta, { autoplay: meta.animated && !prefersReducedMotion(), ...init, attrs });
    onStore?.(s);
    return s;
  });
  const Comp = useMemo(() => (meta ? lazyFigure(id) : null), [id, meta]);
  if (!meta || !store || !Comp) {
    return (
      <div className="figure-error" role="alert">
        There is no figure called “{id}”.
      </div>
    );
  }
  return (
    <figure className="figure" data-figure={id} id={anchor ?? `fig-${id}`} aria-label={`${number ? `Figure ${number}: ` : ''}${meta.title}`}>
      <FigureErrorBoundary id={id}>
        <Suspense fallback={fallback ?? <div className="figure-loading">Loading {meta.title}…</div>}>
          <Comp store={store} />
        </Suspense>
      </FigureErrorBoundary>
      {/* After the figure's own root, which stays the figure's first child (phone.css and lecture.css lay it out). */}
      {meta.animated && <ReplayProgress store={store} />}
      <FigureFooter store={store} />
      <ShareButtons store={store} anchor={anchor ?? `fig-${id}`} />
      {(caption || number) && (
        <figcaption>
          {number ? <span className="figure-number">Figure {number}.</span> : null} {caption ?? meta.summary}
        </figcaption>
      )}
    </figure>
  );
}

function FigureFooter({ store }: { store: FigureStore }) {
  const status = useStore(store, (s) => s.status);
  const problem = useStore(store, (s) => s.problem);
  const notices = useStore(store, (s) => s.notices);
  return (
    <>
      {problem && (
        <p className="figure-problem" role="alert">
          {problem}
        </p>
      )}
      {notices.length > 0 && (
        <p className="figure-notice" role="status">
          {notices.map((n) => n.message).join('; ')}
        </p>
      )}
      <p className="figure-status" aria-live="polite" data-testid="figure-status">
        <MathText text={status} spoken={false} />
      </p>
    </>
  );
}
