import { useLayoutEffect } from 'react';
import { layoutKey, markPictures, panelMisfit } from './slidePanel';
import { floorText, setFloor, unfloored } from './slideText';
import { REPAINT_EVENT } from '../../lib/theme';

/*
 * How much a figure is enlarged on its slide (CSS zoom: canvas, type, lines and controls grow together), and how
 * it is laid out there. Its small type is raised besides (slideText.ts), so that no text is under 24 px.
 *
 * - "side": a figure whose picture is one canvas box: the picture on the left, as tall as the slide, the controls
 *   beside it (lecture.css); zoomed to the slide's width over FIGURE_WIDTH, less if its controls are taller.
 * - "panel": any other figure: its pictures in one column, the rest beside them, the whole as large as the slide
 *   (slidePanel.ts); the zoom is the largest at which both columns fit, found by bisection.
 * - "stack": a figure that fits neither way keeps the essay's layout, zoomed as much as the slide allows.
 * Never below 1. `data-fit="done"` on the slide's body says the zoom has settled.
 */
export const FIGURE_WIDTH = 780;
/** What the slide keeps under the picture for the figure's status line, in the figure's own pixels. */
const STATUS_ROOM = 34;
/** The panel layout's picture column, as a share of the figure's width (when there is anything beside it). */
const PICTURE_SHARE = 0.6;
/** The narrowest the panel layout lays a figure out, in its own pixels (which bounds the zoom). */
const PANEL_MIN_WIDTH = 620;

/** A canvas drawn for one shape and shown in another (its CSS box narrower than the size it drew at). */
function squeezed(c: HTMLCanvasElement): boolean {
  if (!c.width || !c.height || !c.offsetWidth || !c.offsetHeight) return false;
  return Math.abs(c.width / c.height / (c.offsetWidth / c.offsetHeight) - 1) > 0.03;
}

export function useSlideZoom(body: React.RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    let zoom = 0;
    let tries = 0;
    let raf = 0;
    let lastHeight = -1;
    let lastKey = '';
    let sideFailed = false;
    let panelFailed = false;
    let squeezes = 0;
    let overflows = 0;
    // The panel layout's bisection: `lo` fits (or is 1), `hi` does not; then "final" checks the zoom it settled on.
    let lo = 1;
    let hi = 1;
    let phase: 'search' | 'final' | 'done' = 'search';
    // The picture column's share of the width; moved (once each way) when a picture or an equation is too wide.
    let parts = { pics: true, rest: true };
    let share = PICTURE_SHARE;
    let tried = new Set([share]);
    let wide: 'pic-wide' | 'rest-wide' | '' = '';
    const widest = () => Math.max(1, el.clientWidth / FIGURE_WIDTH);
    const apply = (z: number) => {
      zoom = z;
      const [w, h] = [el.clientWidth / z, el.clientHeight / z];
      // Gaps of 24 px each side of the zero-width column break (lecture.css).
      const pic = !parts.rest ? w - 24 : parts.pics ? w * share : 0;
      el.style.setProperty('--slide-zoom', z.toFixed(3));
      el.style.setProperty('--slide-pic', `${Math.max(160, Math.floor(h - STATUS_ROOM))}px`);
      el.style.setProperty('--slide-w', `${Math.floor(w)}px`);
      el.style.setProperty('--slide-h', `${Math.floor(h)}px`);
      el.style.setProperty('--slide-pic-w', `${Math.floor(pic)}px`);
      el.style.setProperty('--slide-rest-w', `${Math.floor(w - pic - (parts.pics ? 48 : 24))}px`);
      setFloor(el, z);
      window.dispatchEvent(new Event(REPAINT_EVENT));
      el.dataset.zoom = z.toFixed(3);
      delete el.dataset.fit;
      later();
    };
    const start = () => {
      [tries, lo, hi, phase, lastKey, lastHeight] = [0, 1, Math.max(1, el.clientWidth / PANEL_MIN_WIDTH), 'search', '', -1];
      apply(el.dataset.layout === 'panel' ? Math.sqrt(lo * hi) : widest());
    };
    const panel = (root: HTMLElement) => {
      const why = panelMisfit(root);
      if (why && why !== 'tall') wide = why;
      if (phase === 'search') {
        if (!why) lo = zoom;
        else hi = zoom;
        if (hi / lo > 1.03 && tries++ < 12) apply(Math.sqrt(lo * hi));
        else {
          [phase, lastKey] = ['final', ''];
          apply(lo);
        }
      } else if (why && zoom > 1.001) apply(Math.max(1, zoom * 0.97));
      else if (why) {
        // Nothing fits, even at zoom 1: give the wider side more room, else keep the essay's layout, scrolled.
        const next = Math.round((share + (wide === 'pic-wide' ? 0.1 : -0.1)) * 10) / 10;
        if (parts.pics && parts.rest && wide && next >= 0.3 && next <= 0.8 && !tried.has(next)) {
          [share, wide] = [next, ''];
          tried.add(next);
        } else {
          panelFailed = true;
          el.dataset.layout = 'stack';
        }
        start();
      } else [phase, el.dataset.fit] = ['done', 'done'];
    };
    const sideOrStack = (fig: HTMLElement) => {
      // Act only on a settled layout: canvases take a frame or two to follow a new column width.
      if (fig.offsetHeight !== lastHeight) {
        lastHeight = fig.offsetHeight;
        later();
        return;
      }
      // A figure that sizes its canvas from something wider than the picture column gets squeezed there: stack it.
      // (Seen in several checks in a row: a canvas redraws at its new size a frame or two after its column changed.)
      if (el.dataset.layout === 'side' && [...fig.querySelectorAll('canvas')].some(squeezed)) {
        if (++squeezes >= 4) [sideFailed, lastHeight] = [true, -1];
        later();
        return;
      }
      squeezes = 0;
      const fits = Math.max(1, Math.min(widest(), el.clientHeight / fig.offsetHeight));
      // "side": the picture follows the zoom, so only shrink (in steps) while the whole is taller than the slide.
      const want = el.dataset.layout === 'side' ? (fig.offsetHeight * zoom > el.clientHeight + 2 ? Math.min(zoom * 0.98, Math.max(fits, zoom * 0.85)) : zoom) : fits;
      // A side layout overflows for a frame or two while its canvas follows the new column: shrink only when it lasts.
      if (el.dataset.layout === 'side' && want < zoom && ++overflows < 3) {
        later();
        return;
      }
      overflows = 0;
      // Any overflow past 2 px is corrected, however small the change of zoom (and however late it came).
      const overflowing = fig.offsetHeight * zoom > el.clientHeight + 2 && zoom > 1;
      if ((Math.abs(want - zoom) / zoom > 0.01 && tries++ < 8) || overflowing) apply(Math.max(1, Math.min(widest(), overflowing ? Math.min(want, zoom * 0.995) : want)));
      else el.dataset.fit = 'done';
    };
    const check = () => {
      raf = 0;
      const fig = el.querySelector<HTMLElement>(':scope > .figure');
      const root = fig?.firstElementChild as HTMLElement | null | undefined;
      // The figure's own size changes (its code arriving, web fonts, a legend filling in): look again when it does.
      if (fig) ro.observe(fig);
      if (!fig || !root || root.matches('.figure-loading, .figure-poster-wrap')) return;
      for (const c of root.children) ro.observe(c);
      // Raise the type of elements the figure has added since (one query: a playing figure checks often).
      if (unfloored(fig)) floorText(el, fig);
      const layout = !sideFailed && root.matches(':has(> .figure-canvas-box)') ? 'side' : panelFailed ? 'stack' : 'panel';
      if (el.dataset.layout !== layout) {
        el.dataset.layout = layout;
        if (layout === 'panel') parts = markPictures(root);
        start();
        return;
      }
      if (layout !== 'panel') return sideOrStack(fig);
      parts = markPictures(root);
      const key = layoutKey(root);
      if (key !== lastKey) {
        lastKey = key;
        later();
        return;
      }
      if (phase === 'done' && !panelMisfit(root)) return;
      if (phase === 'done') phase = 'final';
      panel(root);
    };
    function later() {
      if (!raf) raf = requestAnimationFrame(() => (raf = requestAnimationFrame(check)));
    }
    let lastW = -1;
    let lastH = -1;
    const ro = new ResizeObserver(() => {
      if (el.clientWidth !== lastW || el.clientHeight !== lastH) {
        [lastW, lastH, share, tried, wide] = [el.clientWidth, el.clientHeight, PICTURE_SHARE, new Set([PICTURE_SHARE]), ''];
        start();
      } else later();
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(raf);
    };
  }, [body]);
}
