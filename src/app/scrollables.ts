/*
 * Regions that scroll sideways (a long equation on a phone, a wide table, a figure wider than the column)
 * must be reachable by keyboard. This makes exactly the ones that overflow focusable, and names them, and
 * re-checks when the layout changes.
 */
const SELECTOR = '.equation-math, .prose table, .prose pre, .table-scroll, .figure, pre';

export function watchScrollables(root: HTMLElement): () => void {
  let raf = 0;
  const update = () => {
    raf = 0;
    for (const el of root.querySelectorAll<HTMLElement>(SELECTOR)) {
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
  };
  const schedule = () => {
    if (!raf) raf = requestAnimationFrame(update);
  };
  const ro = new ResizeObserver(schedule);
  ro.observe(root);
  const mo = new MutationObserver(schedule);
  mo.observe(root, { childList: true, subtree: true });
  schedule();
  return () => {
    ro.disconnect();
    mo.disconnect();
    if (raf) cancelAnimationFrame(raf);
  };
}
