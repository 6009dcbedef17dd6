/*
 * Regions that scroll sideways (a long equation on a phone, a wide table, a figure wider than the column)
 * must be reachable by keyboard. A display equation wider than the column first shrinks to fit, down to
 * MIN_EQ_SCALE of its size; what still overflows is made focusable, named, and shows a scroll cue (CSS). Re-checked
 * when the layout changes.
 */
const SELECTOR = '.equation-math, .prose table, .prose pre, .table-scroll, .figure, pre';
const MIN_EQ_SCALE = 0.72;

/**
 * The scale (CSS `--eq-scale`) that fits a display equation to its column, never below MIN_EQ_SCALE, from its
 * widths as last laid out at scale `scale`.
 */
function fittedScale(scale: number, scrollWidth: number, clientWidth: number): number {
  const natural = scrollWidth / scale;
  return Math.max(MIN_EQ_SCALE, Math.min(1, Math.floor((clientWidth / natural) * 100) / 100));
}

/** Makes an overflowing region focusable and named (and undoes it when it fits again). */
function markScroller(el: HTMLElement, scrolls: boolean): void {
  if (scrolls && !el.hasAttribute('tabindex')) {
    el.tabIndex = 0;
    el.dataset.scrollFocus = '';
    if (!el.getAttribute('aria-label') && !el.getAttribute('role')) {
      el.setAttribute('role', 'group');
      el.setAttribute('aria-label', el.classList.contains('equation-math') ? 'Equation (scrolls sideways)' : 'Scrolls sideways');
      el.dataset.scrollLabel = '';
    }
  } else if (!scrolls && el.dataset.scrollFocus !== undefined) {
    el.removeAttribute('tabindex');
    delete el.dataset.scrollFocus;
    if (el.dataset.scrollLabel !== undefined) {
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
      delete el.dataset.scrollLabel;
    }
  }
}

/**
 * Measures the regions under `parts`: every width is read first, then the equations' scales are written, then
 * the widths read again (one layout for all), then the regions marked. Reading and writing in turn, element by
 * element, would lay the page out again at every element: 50–90 ms for a chapter.
 */
function measure(parts: Iterable<ParentNode>): void {
  const els = [...parts].flatMap((p) => [...p.querySelectorAll<HTMLElement>(SELECTOR)]);
  const eqs = els.filter((el) => el.classList.contains('equation-math'));
  const widths = eqs.map((el) => [el.scrollWidth, el.clientWidth]);
  eqs.forEach((el, i) => {
    const [scrollWidth, clientWidth] = widths[i];
    if (clientWidth <= 0) return;
    const scale = Number(el.style.getPropertyValue('--eq-scale') || 1);
    const next = fittedScale(scale, scrollWidth, clientWidth);
    if (Math.abs(next - scale) > 0.005) el.style.setProperty('--eq-scale', String(next));
  });
  const scrolls = els.map((el) => el.scrollWidth > el.clientWidth + 1);
  els.forEach((el, i) => markScroller(el, scrolls[i]));
}

/**
 * Watches the regions under `root`. Only chapters that are rendered are measured: the others are not laid out
 * (`content-visibility: auto`), and measuring them would force it. Chromium reports each change of a chapter's
 * state with `contentvisibilityautostatechange`; where that event does not exist every chapter is measured.
 * A chapter is measured again when it comes into rendering, when a region is added to it (a figure mounts),
 * and every rendered one when the column's width changes or web fonts arrive; a change of height alone (a
 * figure growing) changes no region's width, so it measures nothing.
 */
export function watchScrollables(root: HTMLElement): () => void {
  let raf = 0;
  const supported = 'ContentVisibilityAutoStateChangeEvent' in window;
  const rendered = new Set<Element>();
  /** What to measure at the next frame: chapters, other parts of the root, or the whole root. */
  const dirty = new Set<ParentNode>();
  const all = () => {
    if (!supported) dirty.add(root);
    else {
      for (const c of rendered) dirty.add(c);
      for (const p of root.querySelectorAll(':scope > :not(.chapter)')) dirty.add(p);
    }
  };
  const update = () => {
    raf = 0;
    const parts = [...dirty];
    dirty.clear();
    measure(parts);
  };
  const schedule = () => {
    if (!raf) raf = requestAnimationFrame(update);
  };
  const onState = (e: Event) => {
    const target = e.target as Element;
    if (!target.matches('.chapter')) return;
    if ((e as Event & { skipped: boolean }).skipped) rendered.delete(target);
    else {
      rendered.add(target);
      dirty.add(target);
      schedule();
    }
  };
  let width = -1;
  const ro = new ResizeObserver((entries) => {
    const w = Math.round(entries[entries.length - 1].contentRect.width);
    if (w === width) return;
    width = w;
    all();
    schedule();
  });
  ro.observe(root);
  // Figures mounting (or live reload) add regions, and typeset math arriving (typesetMath.ts) changes equations'
  // widths; text changes inside figures do not matter.
  const mo = new MutationObserver((records) => {
    const adds = (n: Node) => n instanceof Element && (n.matches(SELECTOR) || n.matches('.katex-html') || !!n.querySelector(SELECTOR));
    for (const r of records) {
      if (![...r.addedNodes].some(adds)) continue;
      const part = supported ? ((r.target as Element).closest?.('.chapter') ?? root) : root;
      if (part === root) all();
      else if (rendered.has(part)) dirty.add(part);
      schedule();
    }
  });
  mo.observe(root, { childList: true, subtree: true });
  // Web fonts arriving change equations' widths.
  const fonts = () => {
    all();
    schedule();
  };
  root.addEventListener('contentvisibilityautostatechange', onState, true);
  document.fonts?.addEventListener('loadingdone', fonts);
  all();
  schedule();
  return () => {
    root.removeEventListener('contentvisibilityautostatechange', onState, true);
    document.fonts?.removeEventListener('loadingdone', fonts);
    ro.disconnect();
    mo.disconnect();
    if (raf) cancelAnimationFrame(raf);
  };
}
