/*
 * The "panel" layout of a figure slide: the figure's pictures (canvases, charts, tables, panels of them) in a
 * column on the left, everything else (controls, equations, legends, readouts, the status line) in a column
 * beside them, the whole as wide as the slide and as tall as it (lecture.css lays the figure's root out as a
 * column-wrapping flexbox: pictures first, a full-height break, then the rest). slideZoom.ts searches for the
 * largest zoom at which `panelMisfit` finds nothing.
 */

/** Marks the root's children that are pictures; says whether there are pictures, and anything besides them. */
export function markPictures(root: Element): { pics: boolean; rest: boolean } {
  const has = { pics: false, rest: false };
  for (const c of root.children) {
    if (!shown(c)) continue;
    const pic = isPicture(c);
    if (pic) (c as HTMLElement).dataset.slidePart = 'pic';
    else delete (c as HTMLElement).dataset.slidePart;
    has[pic ? 'pics' : 'rest'] = true;
  }
  return has;
}

/** A picture, unless the figure marks it `data-slide-aside` (a reference chart that sits with the controls). */
function isPicture(c: Element): boolean {
  if (c.matches('[data-slide-aside]')) return false;
  if (c.matches('canvas, svg, table, img, .figure-canvas-box')) return true;
  return c.querySelector('canvas, svg, table, img') !== null && c.querySelector('input, select, button, textarea, a[href]') === null;
}

function shown(c: Element): boolean {
  const r = c.getBoundingClientRect();
  return r.width > 0 || r.height > 0;
}

/**
 * Why the laid-out root does not fit, or '' when it does: a picture or another child wider than its column
 * (fixed-width canvases side by side, a wide equation or table), or a column taller than the slide (it wraps
 * into a further column, which overflows the root).
 */
export function panelMisfit(root: HTMLElement): '' | 'pic-wide' | 'rest-wide' | 'tall' {
  for (const k of root.children as HTMLCollectionOf<HTMLElement>) {
    if (shown(k) && k.scrollWidth > k.clientWidth + 2) return k.dataset.slidePart === 'pic' ? 'pic-wide' : 'rest-wide';
  }
  return root.scrollHeight > root.clientHeight + 2 || root.scrollWidth > root.clientWidth + 2 ? 'tall' : '';
}

/** A signature of the root's layout, to tell when it has settled (canvases follow a new size a frame or two late). */
export function layoutKey(root: Element): string {
  return [...root.children].map((k) => `${(k as HTMLElement).offsetWidth},${(k as HTMLElement).offsetHeight}`).join(';') + `|${root.scrollHeight}`;
}
