import { useEffect, useState } from 'react';
import { essayFigureStore, locate } from '../content';
import { wakeFigure } from '../content/runtime/islands';
import { settleOn } from './anchorScroll';
import { figureMeta } from '../figures/registry';
import { addPageNotice, applyUrlState, dismissPageNotices, subscribePageNotices } from '../lib/deepLink';
import { parseFigureState, queryEntries } from '../lib/urlState';
import '../figures/host/share.css';

/*
 * Deep links into the essay. `#<id>` (a section, `eq-<label>`, `fig-<anchor>`, a chapter) is scrolled to by the
 * shell. A figure state rides in the query: `?fig=<anchor>&beta=4&seed=7&at=120#<anchor>`. Once the essay has
 * mounted that figure, its store gets the validated state and the run replays from the seed. Whatever the
 * query holds, the page works; what was ignored or clamped is said in a short notice.
 */

/** Keys the essay page itself understands (anything else with no `fig` is reported as ignored). */
const PAGE_KEYS = ['fig', 'mode', 'slide', 'contrast'];

export function EssayDeepLinks() {
  useEffect(() => {
    const entries = queryEntries(window.location.search);
    if (!entries.length) return;
    const anchor = entries.find(([k]) => k === 'fig')?.[1];
    if (anchor === undefined) {
      const stray = entries.filter(([k]) => !PAGE_KEYS.includes(k)).map(([k]) => k);
      if (stray.length) addPageNotice(`The link's settings (${clip(stray.join(', '))}) name no figure; they were ignored.`);
      return;
    }
    // The anchor (`fig-hopfield-images`), or the figure's bare id as a reader would type it (`hopfield-images`).
    const where = locate(anchor)?.figure ? locate(anchor) : locate(`fig-${anchor}`);
    const meta = where?.figure ? figureMeta(where.figure.id) : undefined;
    if (!where?.figure || !meta) {
      addPageNotice(`The link points to a figure “${clip(anchor)}” that this essay does not have.`);
      return;
    }
    const figure = where.figure;
    const state = parseFigureState(meta, entries, PAGE_KEYS);
    let raf = 0;
    let scrolled = false;
    const started = performance.now();
    // The text is on the page already: wake the figure now, wherever it is, and bring it into view.
    wakeFigure(figure.anchor);
    // The figure's store appears when its island has loaded its code: wait for it, then apply.
    const poll = () => {
      const el = document.getElementById(figure.anchor);
      if (el && !scrolled) {
        scrolled = true;
        settleOn(figure.anchor);
      }
      const store = essayFigureStore(where.chapter.slug, figure.index);
      if (store) {
        applyUrlState(store, state);
        requestAnimationFrame(() => settleOn(figure.anchor));
        return;
      }
      if (performance.now() - started < 60_000) raf = requestAnimationFrame(poll);
    };
    raf = requestAnimationFrame(poll);
    return () => cancelAnimationFrame(raf);
  }, []);
  return <PageNotices />;
}

function clip(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** A small banner for notices that belong to no figure. */
export function PageNotices() {
  const [notices, setNotices] = useState<string[]>([]);
  useEffect(() => subscribePageNotices(setNotices), []);
  if (!notices.length) return null;
  return (
    <div className="url-notice" role="status" data-testid="url-notice">
      <p>{notices.join(' ')}</p>
      <button type="button" className="btn" onClick={dismissPageNotices}>
        Dismiss
      </button>
    </div>
  );
}
