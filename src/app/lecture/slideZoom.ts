import { useLayoutEffect } from 'react';

/*
 * How much a figure is enlarged on its slide (CSS zoom: canvas, type, lines and controls grow together).
 *
 * - A figure whose picture is one canvas box (`.figure-canvas-box`) is laid out "side": the picture on the left,
 *   as tall as the slide, the controls beside it (lecture.css); it is zoomed to the slide's width over
 *   FIGURE_WIDTH (at 1920 px its smallest type, 11 px, becomes about 25 px), less if its controls are taller than
 *   the slide.
 * - Any other figure is laid out "stack": exactly as in the essay's column (FIGURE_WIDTH wide), zoomed as much as
 *   the slide allows, in width and in height.
 * Never below 1. `data-fit="done"` on the slide's body says the zoom has settled.
 */
export const FIGURE_WIDTH = 780;
/** What the slide keeps under the picture for the figure's status line, in the figure's own pixels. */
const STATUS_ROOM = 34;

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
    let sideFailed = false;
    let squeezes = 0;
    let overflows = 0;
    const widest = () => Math.max(1, el.clientWidth / FIGURE_WIDTH);
    const apply = (z: number) => {
      zoom = z;
      el.style.setProperty('--slide-zoom', z.toFixed(3));
      el.style.setProperty('--slide-pic', `${Math.max(160, Math.floor(el.clientHeight / z - STATUS_ROOM))}px`);
      el.dataset.zoom = z.toFixed(3);
      delete el.dataset.fit;
      later();
    };
    const check = () => {
      raf = 0;
      const fig = el.querySelector<HTMLElement>(':scope > .figure');
      const root = fig?.firstElementChild;
      // The figure's own size changes (its code arriving, web fonts, a legend filling in): look again when it does.
      if (fig) ro.observe(fig);
      if (!fig || !root || root.matches('.figure-loading, .figure-poster-wrap')) return;
      el.dataset.layout = !sideFailed && root.matches(':has(> .figure-canvas-box)') ? 'side' : 'stack';
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
    function later() {
      if (!raf) raf = requestAnimationFrame(() => (raf = requestAnimationFrame(check)));
    }
    let lastW = -1;
    let lastH = -1;
    const ro = new ResizeObserver(() => {
      if (el.clientWidth !== lastW || el.clientHeight !== lastH) {
        [lastW, lastH, tries] = [el.clientWidth, el.clientHeight, 0];
        apply(widest());
      } else later();
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(raf);
    };
  }, [body]);
}
