import { useEffect, useRef, useState } from 'react';
import './share.css';
import type { FigureStore } from '../../lib/figure/store';
import { snapshotOf } from '../../lib/deepLink';
import { embedSnippet, essayFigureLink, queryValue, singleFigureLink } from '../../lib/urlState';

/*
 * "Copy link" and "Copy embed code" for one figure. The link holds the figure's props, seed and step count,
 * so whoever opens it sees exactly this state (paused), and the run replays identically from the seed. The
 * text is also shown in a field, selected, for browsers (or file:// pages) that refuse the clipboard.
 */
export function ShareButtons({ store, anchor }: { store: FigureStore; anchor: string }) {
  const [shown, setShown] = useState<{ kind: 'link' | 'embed'; text: string; copied: boolean } | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const meta = store.getState().meta;

  const make = (kind: 'link' | 'embed'): string => {
    const snap = snapshotOf(store);
    const href = window.location.href;
    // One figure alone, or the catalogue (whose figures are not the essay's): link to the figure on its own.
    const alone = queryValue(window.location.search, 'figure') !== null || queryValue(window.location.search, 'catalogue') !== null;
    if (kind === 'embed') return embedSnippet(singleFigureLink(href, meta, snap, true), meta.title);
    return alone ? singleFigureLink(href, meta, snap) : essayFigureLink(href, anchor, meta, snap);
  };

  const share = async (kind: 'link' | 'embed') => {
    const text = make(kind);
    setShown({ kind, text, copied: false });
    try {
      await navigator.clipboard.writeText(text);
      setShown({ kind, text, copied: true });
    } catch {
      /* no clipboard here (file://, permissions): the selected field below is there to copy by hand */
    }
  };

  useEffect(() => {
    if (shown) field.current?.select();
  }, [shown?.text]);

  return (
    <div className="figure-share">
      <button type="button" className="btn btn-small" onClick={() => share('link')} data-action="copy-link" title="A link to this figure in exactly this state">
        Copy link
      </button>
      <button type="button" className="btn btn-small" onClick={() => share('embed')} data-action="copy-embed" title="An iframe snippet for a course page or slides">
        Copy embed code
      </button>
      {shown && (
        <span className="figure-share-out">
          <input ref={field} readOnly value={shown.text} aria-label={shown.kind === 'link' ? 'Link to this state' : 'Embed code'} data-testid={`share-${shown.kind}`} onFocus={(e) => e.currentTarget.select()} />
          <span role="status">{shown.copied ? 'Copied.' : 'Select and copy.'}</span>
          <button type="button" className="btn btn-small" onClick={() => setShown(null)} aria-label="Close">
            ×
          </button>
        </span>
      )}
    </div>
  );
}
