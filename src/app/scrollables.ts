/*
 * Regions that scroll sideways (a long equation on a phone, a wide table, a figure wider than the column)
 * must be reachable by keyboard. A display equation wider than the column first shrinks to fit, down to
 * MIN_EQ_SCALE of its size; what still overflows is made focusable, named, and shows a scroll cue (CSS). Re-checked
 * when the layout changes.
 */
const SELECTOR = '.equation-math, .prose table, .prose pre, .table-scroll, .figure, pre';
const MIN_EQ_SCALE = 0.72;

/** Scales a display equation (CSS `--eq-scale`) to fit its column, never below MIN_EQ_SCALE. */
function fitEquation(el: HTMLElement): void {
  const scale = Number(el.style.getPropertyValue('--eq-scale') || 1);
  const natural = el.scrollWidth / scale;
  const next = Math.max(MIN_EQ_SCALE, Math.min(1, Math.floor((el.clientWidth / natural) * 100) / 100));
  if (Math.abs(next - scale) > 0.005) el.style.setProperty('--eq-scale', String(next));
}

/** Makes an overflowing region focusable and named (and undoes it when it fits again). */
function markScroller(el: HTMLElement): void {
  const scrolls = el.scrollWidth > el.clientWidth + 1;
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
 * Watches the regions under `root`. Only chapters that are rendered are measured: the others are not laid out
 * (`content-visibility: auto`), and measuring them would force it. Chromium reports each change of a chapter's
 * state with `contentvisibilityautostatechange`; where that event does not exist every chapter is measured.
 */
export function watchScrollables(root: HTMLElement): () => void {
  let raf = 0;
  const supported = 'ContentVisibilityAutoStateChangeEvent' in window;
  const rendered = new Set<Element>();
  const update = () => {
    raf = 0;
    const parts = supported ? [...rendered, ...root.querySelectorAll(':scope > :not(.chapter)')] : [root];
    for (const part of parts) {
      for (const el of part.querySelectorAll<HTMLElement>(SELECTOR)) {
        if (el.classList.contains('equation-math') && el.clientWidth > 0) fitEquation(el);
        markScroller(el);
      }
    }
  };
  const schedule = () => {
    if (!raf) raf = requestAnimationFrame(update);
  };
  const onState = (e: Event) => {
    const target = e.target as Element;
    if (!target.matches('.chapter')) return;
    if ((e as Event & { skipped: boolean }).skipped) rendered.delete(target);
    else rendered.add(target);
    schedule();
  };
  const ro = new ResizeObserver(schedule);
  ro.observe(root);
  // Figures mounting (or live reload) add regions; text changes inside figures do not matter.
  const mo = new MutationObserver((records) => {
    const adds = (n: Node) => n instanceof Element && (n.matches(SELECTOR) || !!n.querySelector(SELECTOR));
    if (records.some((r) => [...r.addedNodes].some(adds))) schedule();
  });
  mo.observe(root, { childList: true, subtree: true });
  // Web fonts arriving change equations' widths.
  root.addEventListener('contentvisibilityautostatechange', onState, true);
  document.fonts?.addEventListener('loadingdone', schedule);
  schedule();
  return () => {
    root.removeEventListener('contentvisibilityautostatechange', onState, true);
    document.fonts?.removeEventListener('loadingdone', schedule);
    ro.disconnect();
    mo.disconnect();
    if (raf) cancelAnimationFrame(raf);
  };
}
